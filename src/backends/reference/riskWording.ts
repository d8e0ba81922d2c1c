import { RISK_NAMES } from '../../domain/riskNames.ts';
import type { ScanMention } from '../../text/risk/index.ts';

/** One clinical sentence for a scanned mention, or null where a note would not state it. */
export function riskSentence(m: ScanMention): string | null {
  const name = RISK_NAMES[m.category];
  switch (m.assertion) {
    case 'present':
      return `Client reported ${name} (turn ${m.turn}).`;
    case 'denied':
      return `Client denied ${name} (turn ${m.turn}).`;
    case 'historical':
      return `Client reported a history of ${name} (turn ${m.turn}).`;
    case 'other':
      return `Client described ${name} in another person, not herself (turn ${m.turn}).`;
    case 'hypothetical':
      return null;
  }
}

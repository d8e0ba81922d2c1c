import type { RiskCategory } from '../../domain/categories.ts';
import type { ScanMention } from '../../text/scan.ts';

/** How a clinician names each risk in a note. */
const NAMES: Record<RiskCategory, string> = {
  'risk.si': 'suicidal ideation',
  'risk.si.passive': 'passive suicidal ideation',
  'risk.si.active': 'active suicidal ideation',
  'risk.si.method': 'thoughts of a suicide method',
  'risk.si.intent': 'suicidal intent',
  'risk.si.plan': 'a suicide plan',
  'risk.si.behavior': 'a suicide attempt',
  'risk.self_harm': 'non-suicidal self-harm',
  'risk.harm_to_infant.intrusive': 'intrusive, unwanted thoughts of harm to the baby',
  'risk.harm_to_infant.intent': 'thoughts of harming the baby with intent',
  'risk.hi': 'homicidal ideation',
  'risk.psychosis': 'psychotic symptoms',
  'risk.ipv': 'intimate partner violence',
  'risk.child_safety': 'child safety concerns',
  'risk.substance': 'risky substance use',
};

/** One clinical sentence for a scanned mention, or null where a note would not state it. */
export function riskSentence(m: ScanMention): string | null {
  const name = NAMES[m.category];
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

import type { FabricationFinding } from '../../domain/scorecard.ts';
import { evidenceTurns, sentenceAround } from '../evidence.ts';
import { findScreenerClaims } from '../screeners.ts';
import { turnsMentioning, type Session } from './support.ts';

/** Screener scores that differ from what was said, or screeners never given. */
export function screenerFindings(note: string, { kase, spoken }: Session): FabricationFinding[] {
  const out: FabricationFinding[] = [];
  for (const claim of findScreenerClaims(note)) {
    const measure = kase.measures?.find((m) => m.name.replace(/\s/g, '').toUpperCase() === claim.screener.replace(/\s/g, ''));
    const base = {
      kind: 'screener' as const,
      severity: 'major' as const,
      noteQuote: sentenceAround(note, claim.index),
      claim: claim.quote,
    };
    if (!measure) {
      const stem = claim.screener === 'EPDS' ? '(?:epds|edinburgh)' : claim.screener.toLowerCase().replace('-', '[- ]?');
      const turns = turnsMentioning(spoken, new RegExp(`(?<![a-z])${stem}`, 'i'));
      if (turns.length === 0)
        out.push({
          ...base,
          explanation: `The note reports a ${claim.screener} that was never given or discussed in the session.`,
          transcriptTurns: [],
          evidence: [],
        });
      continue;
    }
    const ev = { transcriptTurns: [measure.turn], evidence: evidenceTurns(kase, [measure.turn]) };
    if (claim.total !== null && claim.total !== measure.total)
      out.push({
        ...base,
        ...ev,
        explanation: `The note gives ${claim.screener} ${claim.total}; the session's score was ${measure.total}.`,
      });
    for (const { item, value } of claim.items) {
      const said = item === 9 ? measure.item9 : item === 10 ? measure.item10 : undefined;
      if (said !== undefined && said !== value)
        out.push({
          ...base,
          ...ev,
          explanation: `The note gives ${claim.screener} item ${item} as ${value}; the session's answer was ${said}.`,
        });
    }
  }
  return out;
}

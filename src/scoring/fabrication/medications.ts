import type { FabricationFinding } from '../../domain/scorecard.ts';
import { MEDICATION_NAMES, MEDICATIONS } from '../../text/medications.ts';
import { fold } from '../../text/normalize.ts';
import { sentenceAround } from '../evidence.ts';
import { turnsMentioning, wordPattern, type Session } from './support.ts';

/** Medications and doses the session never mentions. */
export function medicationFindings(note: string, { spoken }: Session): FabricationFinding[] {
  const out: FabricationFinding[] = [];
  const reported = new Set<string>();
  for (const [name, generic] of MEDICATION_NAMES) {
    const m = wordPattern(name).exec(fold(note));
    if (!m || reported.has(generic)) continue;
    const names = [generic, ...(MEDICATIONS[generic] ?? [])];
    const turns = turnsMentioning(spoken, new RegExp(names.map((n) => `(?<![a-z])${n}(?![a-z])`).join('|'), 'i'));
    reported.add(generic);
    if (turns.length > 0) continue;
    out.push({
      kind: 'medication',
      severity: 'major',
      noteQuote: sentenceAround(note, m.index),
      claim: name,
      explanation: `The note names ${name}; the session never mentions ${names.join(' or ')}.`,
      transcriptTurns: [],
      evidence: [],
    });
  }
  const DOSE = /(\d+(?:\.\d+)?)\s*(mg|mcg|milligrams?|micrograms?)\b/gi;
  for (const m of note.matchAll(DOSE)) {
    const amount = m[1] ?? '';
    const micro = /^mc|^micro/i.test(m[2] ?? '');
    const unit = micro ? '(?:mcg|micrograms?)' : '(?:mg|milligrams?|milligrammes?)';
    const turns = turnsMentioning(spoken, new RegExp(`(?<![\\d.])${amount.replace('.', '\\.')}\\s*${unit}`, 'i'));
    if (turns.length > 0) continue;
    out.push({
      kind: 'dose',
      severity: 'major',
      noteQuote: sentenceAround(note, m.index),
      claim: m[0],
      explanation: `The note records a dose of ${m[0]}; no such dose is said in the session.`,
      transcriptTurns: [],
      evidence: [],
    });
  }
  return out;
}

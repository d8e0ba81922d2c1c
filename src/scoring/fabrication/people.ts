import type { FabricationFinding } from '../../domain/scorecard.ts';
import { sentenceAround } from '../evidence.ts';
import type { Session } from './support.ts';

// A name is a capitalised word right after a relation ("her partner Daniel", "sister, Amara",
// "Dr. Osei"): precise enough to check, where guessing at every capitalised word is not.
const RELATION =
  /\b(?:partner|husband|wife|boyfriend|girlfriend|fianc[eé]e?|ex|mother|mum|mom|father|dad|sister|brother|daughter|son|baby|infant|friend|aunt|uncle|grandmother|grandma|gran|nan|in-law|midwife|visitor|GP|Dr\.?|doctor|named|called)\s*,?\s+([A-Z][a-z]{2,})\b/g;

/** People the note names that the session never does. Minor, unless a clinician is misattributed. */
export function peopleFindings(note: string, { kase, spoken }: Session): FabricationFinding[] {
  const known = new Set(kase.client.pseudonym.toLowerCase().split(/\s+/));
  const sessionText = spoken.join('\n');
  const out: FabricationFinding[] = [];
  const reported = new Set<string>();
  for (const m of note.matchAll(RELATION)) {
    const name = m[1] ?? '';
    const lower = name.toLowerCase();
    if (known.has(lower) || reported.has(lower) || new RegExp(`(?<![a-z])${lower}(?![a-z])`).test(sessionText)) continue;
    reported.add(lower);
    out.push({
      kind: 'person',
      severity: 'minor',
      noteQuote: sentenceAround(note, m.index),
      claim: name,
      explanation: `The note names ${name}; no one of that name is mentioned in the session.`,
      transcriptTurns: [],
      evidence: [],
    });
  }
  return out;
}

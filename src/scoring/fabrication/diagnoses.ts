import type { FabricationFinding } from '../../domain/scorecard.ts';
import { DIAGNOSES, ICD10 } from '../../text/diagnoses.ts';
import { fold } from '../../text/normalize.ts';
import { sentenceAround } from '../evidence.ts';
import { turnsMentioning, type Session } from './support.ts';

const pattern = (sources: readonly string[]): RegExp => new RegExp(`(?<![a-z0-9])(?:${sources.join('|')})(?![a-z0-9])`, 'i');

/** What counts as support: the session's words, and the case's own diagnosis annotations. */
function supported(session: Session, re: RegExp): boolean {
  const annotations = session.kase.facts.filter((f) => f.category === 'diagnosis').map((f) => fold(f.statement));
  return turnsMentioning(session.spoken, re).length > 0 || annotations.some((a) => re.test(a));
}

/**
 * Diagnoses and ICD-10 codes the session does not support. A code, or a name written
 * as a diagnosis ("diagnosed with", "meets criteria for"), is major: it goes to
 * billing and into the record. A passing unsupported name is minor.
 */
export function diagnosisFindings(note: string, session: Session): FabricationFinding[] {
  const out: FabricationFinding[] = [];
  const folded = fold(note);
  for (const [name, forms] of Object.entries(DIAGNOSES)) {
    const re = pattern(forms);
    const m = re.exec(folded);
    if (!m || supported(session, re)) continue;
    const quote = sentenceAround(note, m.index);
    const asserted = /diagnos|meets criteria|dx\b|impression|f\d{2}/i.test(quote);
    out.push({
      kind: 'diagnosis',
      severity: asserted ? 'major' : 'minor',
      noteQuote: quote,
      claim: m[0],
      explanation: `The note names ${name}; nothing in the session or the case's annotations supports it.`,
      transcriptTurns: [],
      evidence: [],
    });
  }
  for (const m of note.matchAll(ICD10)) {
    const code = m[1] ?? '';
    if (supported(session, new RegExp(code.replace('.', '\\.'), 'i'))) continue;
    out.push({
      kind: 'diagnosis',
      severity: 'major',
      noteQuote: sentenceAround(note, m.index),
      claim: code,
      explanation: `The note gives the ICD-10 code ${code}, which the session and the case's annotations do not support.`,
      transcriptTurns: [],
      evidence: [],
    });
  }
  return out;
}

import type { Case } from '../domain/case.ts';
import type { EvidenceTurn } from '../domain/scorecard.ts';

/** The transcript turns behind a finding, quoted, so the report can show them beside the note. */
export function evidenceTurns(kase: Case, turns: readonly number[]): EvidenceTurn[] {
  const out: EvidenceTurn[] = [];
  for (const n of turns) {
    const t = kase.transcript.turns[n - 1];
    if (t) out.push({ turn: t.number, speaker: t.speaker, text: t.text });
  }
  return out;
}

/** The sentence of `text` that holds character `index`, trimmed: a finding's note quote. */
export function sentenceAround(text: string, index: number): string {
  const before = text.slice(0, index);
  const startBreak = Math.max(before.lastIndexOf('\n'), ...['. ', '? ', '! ', '; '].map((b) => before.lastIndexOf(b) + 1));
  const after = text.slice(index);
  const ends = ['\n', '. ', '? ', '! ', '; '].map((b) => after.indexOf(b)).filter((i) => i >= 0);
  const end = ends.length > 0 ? index + Math.min(...ends) + 1 : text.length;
  return text
    .slice(Math.max(0, startBreak), end)
    .trim()
    .replace(/^[-*#>\s]+/, '');
}

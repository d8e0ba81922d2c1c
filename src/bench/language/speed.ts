import type { Case } from '../../domain/case.ts';
import { findRiskMentions, scanTranscript, type RiskEngine } from '../../text/risk/index.ts';
import type { LanguageSet } from './sets.ts';

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Runs every item once untimed, so the timings that follow measure the rules, not the JIT warming up. */
export function warmUp(engine: RiskEngine, sets: readonly LanguageSet[]): void {
  for (const set of sets) {
    for (const item of set.speech.slice(0, 200)) findRiskMentions(engine, item.text, { mode: 'speech' });
    for (const item of set.notes.slice(0, 100)) findRiskMentions(engine, item.note, { mode: 'note' });
  }
}

/**
 * Whole notes and whole sessions, as scoring meets them: the corpus's reference notes
 * (median of `rounds` timed passes each) and its transcripts, each scanned once per case.
 */
export function corpusSpeed(engine: RiskEngine, cases: readonly Case[], rounds = 3): string[] {
  for (const c of cases) findRiskMentions(engine, c.referenceNote, { mode: 'note' });
  const perNote: number[] = [];
  const perSentence: number[] = [];
  for (const c of cases) {
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      findRiskMentions(engine, c.referenceNote, { mode: 'note' });
      times.push(performance.now() - t0);
    }
    const sentences = Math.max(1, c.referenceNote.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim()).length);
    perNote.push(median(times));
    perSentence.push(median(times) / sentences);
  }
  const t0 = performance.now();
  // A fresh copy of the turns: scanTranscript caches by the array, and this measures a first scan.
  for (const c of cases)
    scanTranscript(
      engine,
      c.transcript.turns.map((t) => ({ ...t })),
    );
  const perSession = (performance.now() - t0) / Math.max(1, cases.length);
  const words = cases.reduce((n, c) => n + c.referenceNote.split(/\s+/).length, 0) / Math.max(1, cases.length);
  return [
    `Speed on the corpus (${cases.length} cases, after a warm-up pass)`,
    `  a whole reference note (about ${Math.round(words)} words): median ${median(perNote).toFixed(1)} ms, ${median(perSentence).toFixed(2)} ms a sentence`,
    `  a whole session transcript, scanned once per case: ${perSession.toFixed(0)} ms`,
  ];
}

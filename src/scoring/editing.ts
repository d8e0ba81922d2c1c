import { diffArrays } from 'diff';
import type { ScoringInput } from './input.ts';
import type { EditingResult } from '../domain/scorecard.ts';
import { wordEditDistance } from '../text/editDistance.ts';
import { words } from '../text/normalize.ts';

const round = (n: number, places = 2): number => Math.round(n * 10 ** places) / 10 ** places;

/**
 * Editing effort against the reference note. The edit rate is word-level Levenshtein
 * over the reference's length (TER without shifts). Minutes follow the Keystroke-Level
 * Model: read the draft, then for each changed stretch decide, point and home
 * (secondsPerEditSite), and type the words that must be added. Past a point a
 * clinician gives up and writes from scratch, so minutes never exceed reading the
 * draft plus writing the note anew.
 */
export function scoreEditing({ note, kase, rubrics }: ScoringInput): EditingResult {
  const m = rubrics.editing;
  const noteWords = words(note);
  const refWords = words(kase.referenceNote);
  const editOps = wordEditDistance(noteWords, refWords);
  const hunks = diffArrays(noteWords, refWords);
  let sites = 0;
  let typed = 0;
  for (let i = 0; i < hunks.length; i++) {
    const h = hunks[i];
    if (!h || (!h.added && !h.removed)) continue;
    // A removal directly followed by an addition is one replacement: one site.
    const prev = hunks[i - 1];
    if (!(h.added && prev?.removed)) sites++;
    if (h.added) typed += h.count ?? h.value.length;
  }
  const readMinutes = noteWords.length / m.readingWordsPerMinute.value;
  const editMinutes = (sites * m.secondsPerEditSite.value) / 60 + typed / m.typingWordsPerMinute.value;
  const scratch = m.scratchMinutes.value;
  return {
    editRate: round(refWords.length > 0 ? editOps / refWords.length : noteWords.length > 0 ? 1 : 0, 3),
    minutes: round(Math.min(readMinutes + editMinutes, readMinutes + scratch), 1),
    scratchMinutes: scratch,
    noteWords: noteWords.length,
    referenceWords: refWords.length,
    editOps,
  };
}

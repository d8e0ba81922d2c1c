import type { Fact, MatchHint } from '../domain/case.ts';
import { findTerm, words } from '../text/normalize.ts';
import { sentenceAround } from './evidence.ts';

export interface HintMatch {
  matched: boolean;
  /** The note sentence holding the first matched term. */
  quote: string | null;
}

/** `all` terms must each appear, and one `any` term must, anywhere in the note. */
export function matchHint(note: string, hint: MatchHint): HintMatch {
  let first = -1;
  for (const term of hint.all ?? []) {
    const at = findTerm(note, term);
    if (at < 0) return { matched: false, quote: null };
    if (first < 0) first = at;
  }
  if (hint.any && hint.any.length > 0) {
    const hits = hint.any.map((t) => findTerm(note, t)).filter((i) => i >= 0);
    if (hits.length === 0) return { matched: false, quote: null };
    if (first < 0) first = Math.min(...hits);
  }
  return { matched: first >= 0, quote: first >= 0 ? sentenceAround(note, first) : null };
}

const STOP = new Set(
  'the a an and or of to in on at for with was were is are be been has have had that this client clients she he her his their they them session therapist about from as by it its not but into during reported described discussed'.split(
    ' ',
  ),
);

/**
 * Without hints a fact is captured when most of its statement's content words appear
 * in the note. Crude, so the case format asks for hints on every non-risk fact.
 */
export function matchStatement(note: string, fact: Pick<Fact, 'statement'>): HintMatch {
  const content = [...new Set(words(fact.statement).filter((w) => w.length > 3 && !STOP.has(w)))];
  if (content.length === 0) return { matched: false, quote: null };
  const noteWords = new Set(words(note));
  const found = content.filter((w) => noteWords.has(w));
  const matched = found.length / content.length >= 0.6;
  const firstWord = found[0];
  const at = matched && firstWord ? findTerm(note, firstWord) : -1;
  return { matched, quote: at >= 0 ? sentenceAround(note, at) : null };
}

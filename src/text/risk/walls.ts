// What stands between a context trigger and a risk mention and keeps the trigger from it:
// the wall of a parenthesis or of a quotation (pyConText's scope, bounded by punctuation).
import type { Sentence } from './sentence.ts';

/** Tokens [start, end) of a sentence: a trigger's or a mention's. */
interface Span {
  start: number;
  end: number;
}

/**
 * Whether a parenthesis stands between a trigger and a mention with the trigger inside it:
 * "SI now with intent (previously denied intent)" denies nothing outside the aside.
 */
export function asideWalls(sent: Sentence, t: Span, span: Span, mentions: readonly Span[]): boolean {
  if (t.start >= span.end) {
    // "SI (denied)": an aside that opens right after the mention is about it, unless it names
    // a risk of its own: "now active w/ plan (was passive at intake)" dates only the passive.
    if (sent.tokens[span.end]?.lower === '(' && !mentions.some((m) => m.start > span.end && m.end <= t.start)) return false;
    let depth = 0;
    for (let i = span.end; i < t.start; i++) {
      const w = sent.tokens[i]!.lower;
      if (w === '(') depth++;
      else if (w === ')') depth = Math.max(0, depth - 1);
    }
    return depth > 0;
  }
  let depth = 0;
  for (let i = span.start - 1; i >= t.end; i--) {
    const w = sent.tokens[i]!.lower;
    if (w === ')') depth++;
    else if (w === '(') depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/**
 * Whether a quotation mark stands between a negation and a mention: "so that it 'won't be
 * her fault', consistent with passive SI" quotes a denial that is not the note's.
 */
export function quoteWalls(sent: Sentence, t: Span, span: Span): boolean {
  const [from, to] = t.start >= span.end ? [span.end, t.start] : [t.end, span.start];
  let quotes = 0;
  // A lone "'" is a quote mark too: an apostrophe stays inside its word ("don't", "killin'").
  for (let i = from; i < to; i++) if (sent.tokens[i]!.lower === '"' || sent.tokens[i]!.lower === "'") quotes++;
  return quotes % 2 === 1;
}

import levenshtein from 'fast-levenshtein';

/**
 * fast-levenshtein compares UTF-16 code units, so each word must become exactly
 * one unit: stay in the Basic Multilingual Plane and step over the surrogates.
 */
function codeUnitFor(index: number): string {
  const unit = 0x100 + index;
  const skipped = unit >= 0xd800 ? unit + 0x800 : unit;
  if (skipped > 0xffff) throw new RangeError('too many distinct words for word-level edit distance');
  return String.fromCharCode(skipped);
}

/**
 * Word-level Levenshtein distance. fast-levenshtein works on characters, so each
 * distinct word is mapped to one code point first: the distance between the
 * encoded strings is the number of word insertions, deletions and substitutions.
 */
export function wordEditDistance(a: readonly string[], b: readonly string[]): number {
  const codes = new Map<string, string>();
  const encode = (ws: readonly string[]): string =>
    ws
      .map((w) => {
        let c = codes.get(w);
        if (c === undefined) {
          c = codeUnitFor(codes.size);
          codes.set(w, c);
        }
        return c;
      })
      .join('');
  return levenshtein.get(encode(a), encode(b));
}

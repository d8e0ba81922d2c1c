import levenshtein from 'fast-levenshtein';

/**
 * The candidate a typo most likely meant, or null when nothing is close.
 * Case is ignored ("SOAP" → "soap"), the allowed distance grows with the
 * length of the input (about 40%), and a unique candidate that ends with the
 * input ("si.passive" → "risk.si.passive") counts as close too.
 */
export function closest(input: string, candidates: readonly string[]): string | null {
  const needle = input.toLowerCase();
  if (needle.length === 0) return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = levenshtein.get(needle, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.ceil(needle.length * 0.4));
  if (best !== null && bestDistance <= limit && bestDistance < needle.length) return best;
  const suffixed = needle.length >= 3 ? candidates.filter((c) => c.toLowerCase().endsWith(needle)) : [];
  return suffixed.length === 1 ? (suffixed[0] ?? null) : null;
}

/** " (did you mean "x"?)" or "", ready to append to a fix. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const match = closest(input, candidates);
  return match === null ? '' : ` (did you mean "${match}"?)`;
}

/** Lists allowed values for a fix message: `a, b, c`. */
export function listValues(values: readonly unknown[]): string {
  return values.map((v) => String(v)).join(', ');
}

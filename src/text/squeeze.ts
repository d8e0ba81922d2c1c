/**
 * One space for every run of white space, with a map back to the original offsets.
 * Patterns allow any white space between words; on a long run of it, look-behinds
 * that allow "a few words back" would otherwise take quadratic time.
 */
export function squeeze(folded: string, raw: string): { folded: string; raw: string; at: number[] } {
  const at: number[] = [];
  let f = '';
  let r = '';
  for (let i = 0; i < folded.length; i++) {
    if (/\s/.test(folded[i]!) && i > 0 && /\s/.test(folded[i - 1]!)) continue;
    at.push(i);
    f += /\s/.test(folded[i]!) ? ' ' : folded[i];
    r += /\s/.test(raw[i]!) ? ' ' : raw[i];
  }
  at.push(folded.length);
  return { folded: f, raw: r, at };
}

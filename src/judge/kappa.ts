/**
 * Cohen's kappa for two raters giving yes/no on the same items: (po - pe) / (1 - pe).
 * Null when pe = 1 (both raters said the same single answer throughout): agreement is
 * then total but says nothing about the raters, and kappa's denominator is zero.
 */
export function cohensKappa(pairs: readonly (readonly [boolean, boolean])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  let agree = 0;
  let aYes = 0;
  let bYes = 0;
  for (const [a, b] of pairs) {
    if (a === b) agree++;
    if (a) aYes++;
    if (b) bYes++;
  }
  const po = agree / n;
  const pe = (aYes / n) * (bYes / n) + (1 - aYes / n) * (1 - bYes / n);
  if (pe === 1) return null;
  return Math.round(((po - pe) / (1 - pe)) * 1000) / 1000;
}

import { describe, expect, it } from 'vitest';
import { cohensKappa } from './kappa.ts';

/** Pairs from a 2×2 table: [yes/yes, yes/no, no/yes, no/no]. */
const table = (yy: number, yn: number, ny: number, nn: number): [boolean, boolean][] => [
  ...Array.from({ length: yy }, (): [boolean, boolean] => [true, true]),
  ...Array.from({ length: yn }, (): [boolean, boolean] => [true, false]),
  ...Array.from({ length: ny }, (): [boolean, boolean] => [false, true]),
  ...Array.from({ length: nn }, (): [boolean, boolean] => [false, false]),
];

describe('cohensKappa', () => {
  it('matches the textbook example (20/5/10/15 → 0.4)', () => {
    // po = 35/50 = 0.7; pe = 0.5·0.6 + 0.5·0.4 = 0.5; kappa = 0.2 / 0.5 = 0.4
    expect(cohensKappa(table(20, 5, 10, 15))).toBe(0.4);
  });
  it('matches the two worked examples with equal agreement but different marginals (po = 0.6 both)', () => {
    // 45/15/25/15: pe = 0.6·0.7 + 0.4·0.3 = 0.54; kappa = 0.06 / 0.46 = 0.1304…
    expect(cohensKappa(table(45, 15, 25, 15))).toBe(0.13);
    // 25/35/5/35: pe = 0.6·0.3 + 0.4·0.7 = 0.46; kappa = 0.14 / 0.54 = 0.2592…
    expect(cohensKappa(table(25, 35, 5, 35))).toBe(0.259);
  });
  it('is 1 for perfect agreement with both answers used', () => {
    expect(cohensKappa(table(7, 0, 0, 3))).toBe(1);
  });
  it('is 0 when agreement is exactly what chance predicts', () => {
    // Each rater says yes half the time, independently: po = pe = 0.5.
    expect(cohensKappa(table(1, 1, 1, 1))).toBe(0);
  });
  it('is negative when the raters systematically disagree', () => {
    expect(cohensKappa(table(0, 5, 5, 0))).toBe(-1);
  });
  it('is null when undefined: no items, or one answer from both raters throughout', () => {
    expect(cohensKappa([])).toBeNull();
    expect(cohensKappa(table(9, 0, 0, 0))).toBeNull();
    expect(cohensKappa(table(0, 0, 0, 9))).toBeNull();
  });
  it('is 0, not null, when one rater gives one answer and the other varies (pe < 1)', () => {
    // A all yes, B 3 yes/1 no: po = 0.75 = pe, so kappa = 0.
    expect(cohensKappa(table(3, 1, 0, 0))).toBe(0);
  });
});

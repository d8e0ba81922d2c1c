import { describe, expect, it } from 'vitest';
import { closest, didYouMean } from './suggest.ts';

const CATS = ['risk.si', 'risk.si.passive', 'risk.si.plan', 'risk.hi', 'symptom', 'measure'];

describe('closest', () => {
  it('finds a near typo, ignoring case', () => {
    expect(closest('risk.si.pasive', CATS)).toBe('risk.si.passive');
    expect(closest('SYMPTOM', CATS)).toBe('symptom');
    expect(closest('measures', CATS)).toBe('measure');
  });

  it('accepts a unique candidate ending with the input', () => {
    expect(closest('si.passive', CATS)).toBe('risk.si.passive');
  });

  it('returns null when nothing is close', () => {
    expect(closest('pharmacology', CATS)).toBeNull();
    expect(closest('', CATS)).toBeNull();
    expect(didYouMean('pharmacology', CATS)).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { addMonths, isStale } from './staleness.ts';

describe('addMonths', () => {
  it('clamps to the last day of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });
  it('crosses year ends', () => {
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
  });
});

describe('isStale', () => {
  it('is false up to and including the expiry day, true the day after', () => {
    expect(isStale('2025-11-28', 12, new Date('2026-11-28T23:59:00Z'))).toBe(false);
    expect(isStale('2025-11-28', 12, new Date('2026-11-29T00:00:00Z'))).toBe(true);
  });
});

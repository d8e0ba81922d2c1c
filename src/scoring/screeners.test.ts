import { describe, expect, it } from 'vitest';
import { findScreenerClaims } from './screeners.ts';

describe('findScreenerClaims', () => {
  it.each([
    ['EPDS 16; item 10 scored 1.', 'EPDS', 16, [{ item: 10, value: 1 }]],
    ['PHQ-9 total of 19 (item 9 = 2).', 'PHQ-9', 19, [{ item: 9, value: 2 }]],
    ['EPDS item 10 = 0, total 11.', 'EPDS', 11, [{ item: 10, value: 0 }]],
    ['GAD-7 score was 14', 'GAD-7', 14, []],
    ['Edinburgh Postnatal Depression Scale: 12', 'EPDS', 12, []],
  ])('%s', (text, screener, total, items) => {
    const [claim] = findScreenerClaims(text);
    expect(claim?.screener).toBe(screener);
    expect(claim?.total).toBe(total);
    expect(claim?.items).toEqual(items);
  });

  it('does not read a postpartum week count as a score', () => {
    const [claim] = findScreenerClaims('EPDS not repeated at 7 weeks postpartum.');
    expect(claim?.total).toBeNull();
  });

  it('finds none where no screener is named', () => {
    expect(findScreenerClaims('Mood low, sleep poor, 3 night feeds.')).toEqual([]);
  });
});

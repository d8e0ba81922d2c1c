import { describe, expect, it } from 'vitest';
import { findScreenerClaims } from './screeners.ts';

describe('findScreenerClaims', () => {
  it.each([
    ['EPDS 16; item 10 scored 1.', 'EPDS', 16, [{ item: 10, value: 1 }]],
    ['PHQ-9 total of 19 (item 9 = 2).', 'PHQ-9', 19, [{ item: 9, value: 2 }]],
    ['EPDS item 10 = 0, total 11.', 'EPDS', 11, [{ item: 10, value: 0 }]],
    ['GAD-7 score was 14', 'GAD-7', 14, []],
    ['Edinburgh Postnatal Depression Scale: 12', 'EPDS', 12, []],
    // A change over time: the current score is the last number, not the first.
    ['GAD-7 went from 15 to 11 over four weeks.', 'GAD-7', 11, []],
    ['EPDS 13 to 10 since intake.', 'EPDS', 10, []],
    ['PHQ-9 down from 19 to 14; item 9 = 0.', 'PHQ-9', 14, [{ item: 9, value: 0 }]],
    ['PHQ-9 19 -> 14.', 'PHQ-9', 14, []],
    // The previous score after the current one stays the previous one.
    ['PHQ-9 19, up from 14 two weeks ago.', 'PHQ-9', 19, []],
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

  it('does not read an item number as a total', () => {
    expect(findScreenerClaims('PHQ-9 item 9 endorsed (thoughts of being better off dead).')[0]?.total).toBeNull();
    expect(findScreenerClaims('EPDS item 10 positive; reviewed with client.')[0]?.total).toBeNull();
    expect(findScreenerClaims('EPDS item 10 positive, total 14.')[0]?.total).toBe(14);
  });

  // The score now is the later one, however the change is written.
  it.each([
    ['PHQ-9 has dropped from 19 (intake) to 14 today.', 14],
    ['EPDS improved from 18 at intake to 12 today.', 12],
    ['GAD-7 from 15 at the first session to 11 now.', 11],
    ['GAD-7 was 15, now 11.', 11],
    ['PHQ-9 19 (previous) now 14.', 14],
    // "5 points" is the size of the change, not a score.
    ['PHQ-9 down 5 points to 14.', 14],
    // "Now" before a count of sessions or weeks is no score.
    ['EPDS 12; now 3 sessions into treatment.', 12],
  ])('takes the current score from a change: %s', (text, total) => {
    expect(findScreenerClaims(text)[0]?.total).toBe(total);
  });

  it('reads an item number written as a word as an item, not a total', () => {
    expect(findScreenerClaims('EPDS item ten scored 2.')[0]).toMatchObject({ total: null, items: [{ item: 10, value: 2 }] });
    expect(findScreenerClaims('PHQ-9 total 12, item nine = 1.')[0]).toMatchObject({ total: 12, items: [{ item: 9, value: 1 }] });
  });

  it('finds none where no screener is named', () => {
    expect(findScreenerClaims('Mood low, sleep poor, 3 night feeds.')).toEqual([]);
  });
});

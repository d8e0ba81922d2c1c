import { describe, expect, it } from 'vitest';
import { hasTerm } from './normalize.ts';

describe('hasTerm', () => {
  it('matches at word starts, case-insensitively, with alternatives', () => {
    expect(hasTerm('Catastrophizing about feeds', 'catastroph')).toBe(true);
    expect(hasTerm('decatastrophize', 'catastroph')).toBe(false);
    expect(hasTerm('Night feeds are hard', 'night feed|night-time feed')).toBe(true);
    expect(hasTerm('returning   to\nwork', 'returning to work')).toBe(true);
  });

  it('matches numbers as whole numbers', () => {
    expect(hasTerm('EPDS 16, item 10 = 1', '16')).toBe(true);
    expect(hasTerm('EPDS 160', '16')).toBe(false);
    expect(hasTerm('EPDS 16.5', '16')).toBe(false);
    expect(hasTerm('score 116', '16')).toBe(false);
  });

  it('treats curly apostrophes as straight ones', () => {
    expect(hasTerm('She didn\u2019t sleep', "didn't sleep")).toBe(true);
  });
});

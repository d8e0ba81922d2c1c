import { describe, expect, it } from 'vitest';
import { spokenNumbersToDigits } from './numbers.ts';

describe('spokenNumbersToDigits', () => {
  it.each([
    ['fifty milligrams', '50 milligrams'],
    ['a hundred and fifty mg', '150 mg'],
    ['it was sixteen, I think', 'it was 16, I think'],
    ['twenty-one on the PHQ', '21 on the PHQ'],
    ['and two of them', 'and 2 of them'],
    ['a baby and a dog', 'a baby and a dog'],
  ])('%s → %s', (spoken, digits) => {
    expect(spokenNumbersToDigits(spoken)).toBe(digits);
  });
});

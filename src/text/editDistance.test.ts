import { describe, expect, it } from 'vitest';
import { wordEditDistance } from './editDistance.ts';
import { words } from './normalize.ts';

describe('wordEditDistance', () => {
  it('counts word edits, not character edits', () => {
    expect(wordEditDistance(words('client denied plan'), words('client denied plan'))).toBe(0);
    expect(wordEditDistance(words('client denied plan'), words('client endorsed plan'))).toBe(1);
    expect(wordEditDistance(words('client denied plan'), words('denied plan today'))).toBe(2);
  });

  it('handles more distinct words than one code unit range would hold naively', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `w${i}`);
    const b = [...a.slice(1), 'extra'];
    expect(wordEditDistance(a, b)).toBe(2);
  });
});

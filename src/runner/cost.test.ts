import { describe, expect, it } from 'vitest';
import { withCost } from './cost.ts';

const price = { inputPerMTok: 2.5, outputPerMTok: 10 };

describe('withCost', () => {
  it('prices input and output tokens per million', () => {
    expect(withCost({ inputTokens: 12_000, outputTokens: 800 }, price)).toEqual({ inputTokens: 12_000, outputTokens: 800, costUsd: 0.038 });
  });
  it('keeps a cost the vendor reported itself', () => {
    expect(withCost({ inputTokens: 10, costUsd: 0.5 }, price)?.costUsd).toBe(0.5);
  });
  it('leaves cost unknown without a price or without token counts', () => {
    expect(withCost({ inputTokens: 10 }, undefined)).toEqual({ inputTokens: 10 });
    expect(withCost({}, price)).toEqual({});
    expect(withCost(undefined, price)).toBeUndefined();
  });
});

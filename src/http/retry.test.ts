import { describe, expect, it } from 'vitest';
import { BackendError } from '../domain/errors.ts';
import { DEFAULT_RETRY, retryDelay } from './retry.ts';

const busy = (retryAfterMs: number | null = null): BackendError =>
  new BackendError('busy', { code: 'RATE_LIMITED', retryable: true, status: 429, retryAfterMs });

describe('retryDelay', () => {
  it('waits what the server asked for in Retry-After', () => {
    expect(retryDelay(busy(2500), 0, DEFAULT_RETRY)).toBe(2500);
  });

  it('backs off exponentially, jittered within the upper half of each step', () => {
    const low = [0, 1, 2].map((a) => retryDelay(busy(), a, DEFAULT_RETRY, () => 0));
    const high = [0, 1, 2].map((a) => retryDelay(busy(), a, DEFAULT_RETRY, () => 1));
    expect(low).toEqual([250, 500, 1000]);
    expect(high).toEqual([500, 1000, 2000]);
  });

  it('caps the backoff', () => {
    expect(retryDelay(busy(), 20, { ...DEFAULT_RETRY, retries: 30 }, () => 1)).toBe(DEFAULT_RETRY.maxDelayMs);
  });

  it('gives up past the retry budget, on a non-retryable error, or on a Retry-After too long to wait', () => {
    expect(retryDelay(busy(), DEFAULT_RETRY.retries, DEFAULT_RETRY)).toBeNull();
    expect(retryDelay(new BackendError('bad key', { code: 'AUTH', status: 401 }), 0, DEFAULT_RETRY)).toBeNull();
    expect(retryDelay(new Error('bug'), 0, DEFAULT_RETRY)).toBeNull();
    expect(retryDelay(busy(DEFAULT_RETRY.maxRetryAfterMs + 1), 0, DEFAULT_RETRY)).toBeNull();
  });
});

import { BackendError } from '../domain/errors.ts';

export interface RetryPolicy {
  /** Attempts after the first, for retryable failures only. */
  retries: number;
  /** First backoff step; doubles each attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out: the item fails instead of stalling the run. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 };

/**
 * How long to wait before the next attempt, or null to give up. A server's Retry-After
 * wins (it knows its own window); otherwise exponential backoff with full jitter, which
 * spreads a burst of 429s from concurrent workers instead of retrying them in lockstep
 * (AWS Architecture Blog, "Exponential Backoff and Jitter").
 */
export function retryDelay(err: unknown, attempt: number, policy: RetryPolicy, random: () => number = Math.random): number | null {
  if (!(err instanceof BackendError) || !err.retryable || attempt >= policy.retries) return null;
  if (err.retryAfterMs !== null) return err.retryAfterMs <= policy.maxRetryAfterMs ? err.retryAfterMs : null;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * A requests-per-minute limit for one backend: calls are spaced evenly, 60 000 / rpm ms
 * apart. Even spacing rather than a burst bucket because vendors enforce RPM over short
 * sliding windows; a burst of 60 at second zero earns a 429 even under a 60/min limit.
 */
export interface RateLimiter {
  /** Resolves when the next call may start; rejects if the signal aborts first. */
  acquire(signal: AbortSignal): Promise<void>;
}

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

export const unlimited: RateLimiter = { acquire: async () => {} };

export function rateLimiter(rpm: number | undefined, sleep: Sleep = realSleep, now: () => number = () => performance.now()): RateLimiter {
  if (!rpm) return unlimited;
  const gapMs = 60_000 / rpm;
  let nextSlot = -Infinity;
  return {
    async acquire(signal) {
      // Reserve the slot synchronously so concurrent callers queue in order.
      const t = now();
      const slot = Math.max(t, nextSlot);
      nextSlot = slot + gapMs;
      await sleep(slot - t, signal);
      if (signal.aborted) throw signal.reason;
    },
  };
}

import { describe, expect, it } from 'vitest';
import { rateLimiter } from './rateLimit.ts';

/** A fake clock whose sleep advances time, so spacing is checked without waiting. */
function fakeClock() {
  let t = 0;
  const waits: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      waits.push(ms);
      t += Math.max(0, ms);
    },
    waits,
  };
}

describe('rateLimiter', () => {
  it('spaces calls 60 000 / rpm ms apart', async () => {
    const clock = fakeClock();
    const limiter = rateLimiter(120, clock.sleep, clock.now);
    const signal = new AbortController().signal;
    const starts: number[] = [];
    for (let i = 0; i < 4; i++) {
      await limiter.acquire(signal);
      starts.push(clock.now());
    }
    expect(starts).toEqual([0, 500, 1000, 1500]);
  });

  it('queues concurrent callers in arrival order, each one gap after the last', async () => {
    // All three arrive at t = 0; the clock stands still so each wait is measured from then.
    const waits: number[] = [];
    const limiter = rateLimiter(
      60,
      async (ms) => void waits.push(ms),
      () => 0,
    );
    const signal = new AbortController().signal;
    await Promise.all([limiter.acquire(signal), limiter.acquire(signal), limiter.acquire(signal)]);
    expect(waits).toEqual([0, 1000, 2000]);
  });

  it('does not wait when calls are already slower than the limit', async () => {
    const clock = fakeClock();
    const limiter = rateLimiter(60, clock.sleep, clock.now);
    const signal = new AbortController().signal;
    await limiter.acquire(signal);
    await clock.sleep(5000);
    await limiter.acquire(signal);
    expect(clock.waits).toEqual([0, 5000, 0]);
  });

  it('without a limit never waits', async () => {
    const clock = fakeClock();
    const limiter = rateLimiter(undefined, clock.sleep, clock.now);
    await limiter.acquire(new AbortController().signal);
    expect(clock.waits).toEqual([]);
  });

  it('rejects a waiting caller when the run is cancelled', async () => {
    const controller = new AbortController();
    const limiter = rateLimiter(1);
    await limiter.acquire(controller.signal);
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
  });
});

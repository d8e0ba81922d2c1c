import { describe, expect, it } from 'vitest';
import type { ScribeBackend } from '../backends/types.ts';
import type { Case } from '../domain/case.ts';
import { BackendError } from '../domain/errors.ts';
import type { CachedNote, GeneratedNote, NoteCache } from '../domain/notes.ts';
import type { RunEvent } from './events.ts';
import { cacheKey, generateNotes, type GenerateOptions } from './generate.ts';
import { realSleep } from '../http/rateLimit.ts';

const kase = (id: string): Case => ({ id, transcript: { source: 'x', turns: [] }, referenceNote: '', facts: [] }) as unknown as Case;

function options(over: Partial<GenerateOptions> = {}): GenerateOptions & { events: RunEvent[] } {
  const events: RunEvent[] = [];
  return {
    samples: 1,
    concurrency: 4,
    timeoutMs: 2000,
    retries: 2,
    signal: new AbortController().signal,
    onEvent: (e) => events.push(e),
    sleep: async () => {},
    events,
    ...over,
  };
}

const backend = (id: string, generate: ScribeBackend['generate']): ScribeBackend => ({ id, kind: 'test', generate });

describe('generateNotes', () => {
  it('writes one note per backend × case × sample and reports progress', async () => {
    const opts = options({ samples: 3 });
    const b = backend('b', async ({ kase, sample }) => ({ note: `${kase.id}#${sample}` }));
    const notes = await generateNotes([b], [kase('c1'), kase('c2')], opts);
    expect(notes.map((n) => n.output?.note).sort()).toEqual(['c1#0', 'c1#1', 'c1#2', 'c2#0', 'c2#1', 'c2#2']);
    expect(opts.events[0]).toEqual({ kind: 'start', total: 6 });
    expect(opts.events.filter((e) => e.kind === 'item').at(-1)).toMatchObject({ done: 6, total: 6, failed: 0 });
  });

  it('never runs more items at once than the concurrency limit', async () => {
    let running = 0;
    let peak = 0;
    const b = backend('b', async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return { note: 'n' };
    });
    await generateNotes(
      [b],
      Array.from({ length: 20 }, (_, i) => kase(`c${i}`)),
      options({ concurrency: 3 }),
    );
    expect(peak).toBe(3);
  });

  it('turns one failing item into an error record without stopping the others', async () => {
    const b = backend('b', async ({ kase }) => {
      if (kase.id === 'bad') throw new BackendError('vendor said no', { code: 'HTTP_400' });
      return { note: 'fine' };
    });
    const notes = await generateNotes([b], [kase('good'), kase('bad'), kase('also-good')], options());
    const bad = notes.find((n) => n.caseId === 'bad');
    expect(bad?.error).toEqual({ code: 'HTTP_400', message: 'vendor said no' });
    expect(notes.filter((n) => n.output?.note === 'fine')).toHaveLength(2);
  });

  it('retries retryable failures and then succeeds', async () => {
    let calls = 0;
    const b = backend('b', async () => {
      calls++;
      if (calls < 3) throw new BackendError('busy', { code: 'RATE_LIMITED', retryable: true, status: 429 });
      return { note: 'third time' };
    });
    const opts = options();
    const [note] = await generateNotes([b], [kase('c')], opts);
    expect(note?.output?.note).toBe('third time');
    expect(opts.events.filter((e) => e.kind === 'retry')).toHaveLength(2);
  });

  it('gives up after the retry budget', async () => {
    let calls = 0;
    const b = backend('b', async () => {
      calls++;
      throw new BackendError('down', { code: 'HTTP_503', retryable: true, status: 503 });
    });
    const [note] = await generateNotes([b], [kase('c')], options({ retries: 2 }));
    expect(calls).toBe(3);
    expect(note?.error?.code).toBe('HTTP_503');
  });

  it('times out a backend that ignores its abort signal', async () => {
    const b = backend('b', () => new Promise(() => {}));
    const [note] = await generateNotes([b], [kase('c')], options({ timeoutMs: 50 }));
    expect(note?.error?.code).toBe('TIMEOUT');
  });

  it('records cancelled items as aborted when the run is cancelled', async () => {
    const controller = new AbortController();
    const b = backend(
      'b',
      (_input, { signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
    );
    const pending = generateNotes([b], [kase('c')], options({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 10);
    const [note] = await pending;
    expect(note?.error?.code).toBe('ABORTED');
  });
});

describe('generateNotes per-backend lanes', () => {
  it('caps one backend at its own concurrency while another uses the run-wide limit', async () => {
    const peaks = new Map<string, number>();
    const running = new Map<string, number>();
    const make = (id: string): ScribeBackend =>
      backend(id, async () => {
        running.set(id, (running.get(id) ?? 0) + 1);
        peaks.set(id, Math.max(peaks.get(id) ?? 0, running.get(id)!));
        await new Promise((r) => setTimeout(r, 5));
        running.set(id, running.get(id)! - 1);
        return { note: 'n' };
      });
    const limits = new Map([['slow-vendor', { concurrency: 1 }]]);
    await generateNotes(
      [make('slow-vendor'), make('fast-vendor')],
      Array.from({ length: 12 }, (_, i) => kase(`c${i}`)),
      options({ concurrency: 6, limits }),
    );
    expect(peaks.get('slow-vendor')).toBe(1);
    expect(peaks.get('fast-vendor')).toBeGreaterThan(1);
  });

  it('hands each result to onNote as it finishes, before the run ends', async () => {
    const seen: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const b = backend('b', async ({ kase }) => {
      if (kase.id === 'late') await gate;
      return { note: kase.id };
    });
    const run = generateNotes([b], [kase('early'), kase('late')], options({ onNote: (n) => seen.push(n.caseId) }));
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual(['early']);
    release();
    await run;
    expect(seen).toEqual(['early', 'late']);
  });

  it('waits the Retry-After the backend reported before the next attempt', async () => {
    const waits: number[] = [];
    let calls = 0;
    const b = backend('b', async () => {
      if (++calls === 1) throw new BackendError('busy', { code: 'RATE_LIMITED', retryable: true, status: 429, retryAfterMs: 1234 });
      return { note: 'ok' };
    });
    const [note] = await generateNotes([b], [kase('c')], options({ sleep: async (ms) => void waits.push(ms) }));
    expect(note?.output?.note).toBe('ok');
    expect(waits).toContain(1234);
  });
});

describe('cacheKey', () => {
  it('differs per sample and per case even when the request text is the same', () => {
    const b: ScribeBackend = { ...backend('b', async () => ({ note: 'n' })), fingerprint: () => 'same request' };
    expect(cacheKey(b, kase('a'), 0)).toBe(cacheKey(b, kase('a'), 0));
    expect(cacheKey(b, kase('a'), 0)).not.toBe(cacheKey(b, kase('a'), 1));
    expect(cacheKey(b, kase('a'), 0)).not.toBe(cacheKey(b, kase('b'), 0));
    expect(
      cacheKey(
        backend('uncached', async () => ({ note: 'n' })),
        kase('a'),
        0,
      ),
    ).toBeNull();
  });
});

/**
 * The store's claims in memory, on a clock the test moves: notes and leases shared by the
 * runs, each run its own owner. Counts what the runner asked of it.
 */
function sharedStore() {
  const notes = new Map<string, { note: CachedNote; at: number }>();
  const claims = new Map<string, { owner: string; expires: number }>();
  const clock = { now: 1_000 };
  const asked = { claims: 0, renewals: 0 };
  const run = (owner: string): NoteCache => ({
    get: (key, since) => {
      const n = notes.get(key);
      return n && n.at >= (since ?? -Infinity) ? n.note : null;
    },
    put: (key, g: GeneratedNote) =>
      void (g.output && notes.set(key, { note: { output: g.output, error: null, latencyMs: g.latencyMs }, at: Date.now() })),
    claim: (key, leaseMs) => {
      asked.claims++;
      const held = claims.get(key);
      if (held && held.expires > clock.now) return false;
      claims.set(key, { owner, expires: clock.now + leaseMs });
      return true;
    },
    renew: (key, leaseMs) => {
      asked.renewals++;
      if (claims.get(key)?.owner === owner) claims.set(key, { owner, expires: clock.now + leaseMs });
    },
    release: (key) => void (claims.get(key)?.owner === owner && claims.delete(key)),
  });
  return { notes, claims, clock, asked, run };
}

const cachedBackend = (id: string, generate: ScribeBackend['generate']): ScribeBackend => ({
  ...backend(id, generate),
  fingerprint: ({ kase, sample }) => `${id}:${kase.id}:${sample}`,
});
/** Polls yield to timers, so a waiting run lets the other run's call finish. */
const tick: GenerateOptions['sleep'] = (_ms, signal) => realSleep(1, signal);
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the run never got there');
    await new Promise((r) => setTimeout(r, 1));
  }
}
const keyOf = (id: string, caseId: string): string =>
  cacheKey(
    cachedBackend(id, async () => ({ note: '' })),
    kase(caseId),
    0,
  )!;

describe('generateNotes with a shared store (claims)', () => {
  it('two runs at once call the backend once per note; the other run reuses each note as cached', async () => {
    const store = sharedStore();
    let calls = 0;
    const b = cachedBackend('b', async ({ kase, sample }) => {
      calls++;
      await new Promise((r) => setTimeout(r, 2));
      return { note: `${kase.id}#${sample}` };
    });
    const cases = Array.from({ length: 6 }, (_, i) => kase(`c${i}`));
    const [one, two] = await Promise.all([
      generateNotes([b], cases, options({ samples: 2, concurrency: 3, cache: store.run('one'), sleep: tick })),
      generateNotes([b], cases, options({ samples: 2, concurrency: 3, cache: store.run('two'), sleep: tick })),
    ]);
    expect(calls).toBe(12);
    const all = [...one, ...two];
    expect(all.every((n) => n.output?.note === `${n.caseId}#${n.sample}`)).toBe(true);
    expect(all.filter((n) => n.cached)).toHaveLength(12);
    expect(store.claims.size).toBe(0);
  });

  it('waits while another run holds the claim, then takes the note it saved', async () => {
    const store = sharedStore();
    let calls = 0;
    const b = cachedBackend('b', async () => (calls++, { note: 'mine' }));
    const other = store.run('other');
    expect(other.claim(keyOf('b', 'c'), 60_000)).toBe(true);
    let polls = 0;
    const pending = generateNotes(
      [b],
      [kase('c')],
      options({ cache: store.run('me'), sleep: (ms, signal) => (polls++, tick(ms, signal)) }),
    );
    await until(() => polls >= 3);
    other.put(keyOf('b', 'c'), { backendId: 'b', caseId: 'c', sample: 0, output: { note: 'theirs' }, error: null, latencyMs: 7 });
    other.release(keyOf('b', 'c'));
    const [note] = await pending;
    expect(calls).toBe(0);
    expect(note).toMatchObject({ output: { note: 'theirs' }, cached: true, cacheKey: keyOf('b', 'c') });
  });

  it('calls itself once the holder lets go without a note (its call failed)', async () => {
    const store = sharedStore();
    let calls = 0;
    const b = cachedBackend('b', async () => (calls++, { note: 'mine' }));
    const other = store.run('other');
    other.claim(keyOf('b', 'c'), 60_000);
    let polls = 0;
    const pending = generateNotes(
      [b],
      [kase('c')],
      options({ cache: store.run('me'), sleep: (ms, signal) => (polls++, tick(ms, signal)) }),
    );
    await until(() => polls >= 3);
    expect(calls).toBe(0);
    other.release(keyOf('b', 'c'));
    const [note] = await pending;
    expect(calls).toBe(1);
    expect(note).toMatchObject({ output: { note: 'mine' }, cached: false });
    expect(store.notes.get(keyOf('b', 'c'))?.note.output?.note).toBe('mine');
  });

  it('takes over a claim whose lease ran out (its owner died mid-call)', async () => {
    const store = sharedStore();
    let calls = 0;
    const b = cachedBackend('b', async () => (calls++, { note: 'mine' }));
    store.run('dead').claim(keyOf('b', 'c'), 1_000);
    let polls = 0;
    const pending = generateNotes(
      [b],
      [kase('c')],
      options({ cache: store.run('me'), sleep: (ms, signal) => (polls++, tick(ms, signal)) }),
    );
    await until(() => polls >= 3);
    expect(calls).toBe(0);
    store.clock.now += 1_000;
    const [note] = await pending;
    expect(calls).toBe(1);
    expect(note?.output?.note).toBe('mine');
    expect(store.claims.size).toBe(0);
  });

  it('lets the claim go when the call fails, and when the run is cancelled mid-call', async () => {
    const store = sharedStore();
    const failing = cachedBackend('failing', async () => {
      throw new BackendError('vendor said no', { code: 'HTTP_400' });
    });
    const [failed] = await generateNotes([failing], [kase('c')], options({ cache: store.run('me') }));
    expect(failed?.error?.code).toBe('HTTP_400');
    expect(store.asked.claims).toBe(1);
    expect(store.claims.size).toBe(0);

    const controller = new AbortController();
    let started = false;
    const hanging = cachedBackend(
      'hanging',
      (_input, { signal }) => (
        (started = true),
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))))
      ),
    );
    const pending = generateNotes([hanging], [kase('c')], options({ cache: store.run('me'), signal: controller.signal }));
    await until(() => started);
    expect(store.claims.size).toBe(1);
    controller.abort();
    const [cancelled] = await pending;
    expect(cancelled?.error?.code).toBe('ABORTED');
    expect(store.claims.size).toBe(0);
  });

  it('gives up waiting, as cancelled, when the run is cancelled', async () => {
    const store = sharedStore();
    let calls = 0;
    const b = cachedBackend('b', async () => (calls++, { note: 'n' }));
    store.run('other').claim(keyOf('b', 'c'), 60_000);
    const controller = new AbortController();
    let polls = 0;
    const pending = generateNotes(
      [b],
      [kase('c')],
      options({ cache: store.run('me'), signal: controller.signal, sleep: (ms, signal) => (polls++, tick(ms, signal)) }),
    );
    await until(() => polls >= 2);
    controller.abort();
    const [note] = await pending;
    expect(note?.error?.code).toBe('ABORTED');
    expect(calls).toBe(0);
    expect(store.claims.get(keyOf('b', 'c'))?.owner).toBe('other');
  });

  it('renews its claim while the call is in flight', async () => {
    const store = sharedStore();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const b = cachedBackend('b', async () => (await gate, { note: 'slow' }));
    const pending = generateNotes([b], [kase('c')], options({ cache: store.run('me'), leaseMs: 3 }));
    await until(() => store.asked.renewals >= 2);
    release();
    await pending;
    const renewals = store.asked.renewals;
    await new Promise((r) => setTimeout(r, 10));
    // Stopped with the call.
    expect(store.asked.renewals).toBe(renewals);
    expect(store.claims.size).toBe(0);
  });

  it('two refreshing runs still call once per note, and never take the stale one', async () => {
    const store = sharedStore();
    store.notes.set(keyOf('b', 'c'), { note: { output: { note: 'stale' }, error: null, latencyMs: 1 }, at: 0 });
    let calls = 0;
    const b = cachedBackend('b', async () => (calls++, await new Promise((r) => setTimeout(r, 2)), { note: 'fresh' }));
    const runs = await Promise.all(
      ['one', 'two'].map((o) => generateNotes([b], [kase('c')], options({ cache: store.run(o), refresh: true, sleep: tick }))),
    );
    expect(calls).toBe(1);
    expect(runs.map((r) => r[0]?.output?.note)).toEqual(['fresh', 'fresh']);
  });

  it('claims nothing for an uncached backend, nor for a note the store already has', async () => {
    const store = sharedStore();
    store.notes.set(keyOf('b', 'c'), { note: { output: { note: 'kept' }, error: null, latencyMs: 1 }, at: 0 });
    const plain = backend('plain', async () => ({ note: 'n' }));
    const b = cachedBackend('b', async () => ({ note: 'not asked' }));
    const notes = await generateNotes([plain, b], [kase('c')], options({ cache: store.run('me') }));
    expect(notes.map((n) => [n.backendId, n.output?.note, n.cached])).toEqual([
      ['plain', 'n', false],
      ['b', 'kept', true],
    ]);
    expect(store.asked.claims).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import type { ScribeBackend } from '../backends/types.ts';
import type { Case } from '../domain/case.ts';
import { BackendError } from '../domain/errors.ts';
import type { RunEvent } from './events.ts';
import { cacheKey, generateNotes, type GenerateOptions } from './generate.ts';

const kase = (id: string): Case =>
  ({ id, transcript: { source: 'x', turns: [] }, referenceNote: '', facts: [] }) as unknown as Case;

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
    await generateNotes([b], Array.from({ length: 20 }, (_, i) => kase(`c${i}`)), options({ concurrency: 3 }));
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
    const b = backend('b', (_input, { signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))));
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
    await generateNotes([make('slow-vendor'), make('fast-vendor')], Array.from({ length: 12 }, (_, i) => kase(`c${i}`)), options({ concurrency: 6, limits }));
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
    expect(cacheKey(backend('uncached', async () => ({ note: 'n' })), kase('a'), 0)).toBeNull();
  });
});

import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import type { ScribeBackend, ScribeOutput } from '../backends/types.ts';
import type { Case } from '../domain/case.ts';
import { BackendError } from '../domain/errors.ts';
import type { NoteCache } from '../store/runStore.ts';
import type { RunEventSink } from './events.ts';

export interface GenerateOptions {
  samples: number;
  concurrency: number;
  /** Per-item timeout in milliseconds, covering every attempt. */
  timeoutMs: number;
  /** Attempts after the first for retryable failures. */
  retries: number;
  signal: AbortSignal;
  onEvent: RunEventSink;
  /** Notes already paid for; a hit skips the backend. Absent: every note is generated. */
  cache?: NoteCache | undefined;
  /** With a cache: still call every backend (and refresh the cache). */
  refresh?: boolean;
  /** Injected so tests need not wait for real backoff. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface GeneratedNote {
  backendId: string;
  caseId: string;
  sample: number;
  output: ScribeOutput | null;
  error: { code: string; message: string } | null;
  latencyMs: number;
  /** The note cache key (backend settings, exact request, sample); null for uncached backends. */
  cacheKey?: string | null;
  cached?: boolean;
}

/** Separate keys per sample, so k samples are k independent calls, never one answer k times. */
export function cacheKey(backend: ScribeBackend, kase: Case, sample: number): string | null {
  if (!backend.fingerprint) return null;
  return createHash('sha256').update(backend.fingerprint({ kase, sample })).update(`\nsample:${sample}`).digest('hex');
}

const defaultSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function describe(err: unknown, signal: AbortSignal, timedOut: boolean): { code: string; message: string } {
  if (timedOut) return { code: 'TIMEOUT', message: 'no note within the per-item timeout' };
  if (signal.aborted) return { code: 'ABORTED', message: 'cancelled' };
  if (err instanceof BackendError) return { code: err.code, message: err.message };
  return { code: 'BACKEND_FAILED', message: err instanceof Error ? err.message : String(err) };
}

async function generateOne(backend: ScribeBackend, kase: Case, sample: number, opts: GenerateOptions): Promise<GeneratedNote> {
  const cache = opts.cache;
  const key = cache ? cacheKey(backend, kase, sample) : null;
  if (key && cache && !opts.refresh) {
    const hit = cache.get(key);
    if (hit) return { backendId: backend.id, caseId: kase.id, sample, ...hit, cacheKey: key, cached: true };
  }
  const note = await callBackend(backend, kase, sample, opts);
  // Saved the moment it exists: a run killed later never pays for this note again.
  if (key && cache && note.output) cache.put(key, note);
  return { ...note, cacheKey: key, cached: false };
}

async function callBackend(backend: ScribeBackend, kase: Case, sample: number, opts: GenerateOptions): Promise<GeneratedNote> {
  const started = performance.now();
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = AbortSignal.any([opts.signal, timeout]);
  const sleep = opts.sleep ?? defaultSleep;
  const base = { backendId: backend.id, caseId: kase.id, sample };
  for (let attempt = 0; ; attempt++) {
    try {
      // Race the abort too: a backend that ignores its signal must still not hang the run.
      const output = await Promise.race([backend.generate({ kase, sample }, { signal }), rejectOnAbort(signal)]);
      return { ...base, output, error: null, latencyMs: performance.now() - started };
    } catch (err) {
      const retryable = err instanceof BackendError && err.retryable && !signal.aborted;
      if (!retryable || attempt >= opts.retries) {
        return { ...base, output: null, error: describe(err, opts.signal, timeout.aborted), latencyMs: performance.now() - started };
      }
      // Exponential backoff with up to 25% jitter, as the vendor SDKs do.
      const delayMs = Math.min(8000, 500 * 2 ** attempt) * (1 - Math.random() * 0.25);
      opts.onEvent({ kind: 'retry', ...base, attempt: attempt + 1, delayMs, reason: (err as Error).message });
      await sleep(delayMs, signal);
    }
  }
}

/**
 * Every backend × case × sample under one concurrency limit. A failing item becomes an
 * error record; it never aborts the others.
 */
export async function generateNotes(backends: readonly ScribeBackend[], cases: readonly Case[], opts: GenerateOptions): Promise<GeneratedNote[]> {
  const limit = pLimit(opts.concurrency);
  const jobs = backends.flatMap((b) => cases.flatMap((c) => Array.from({ length: opts.samples }, (_, s) => ({ b, c, s }))));
  let done = 0;
  let failed = 0;
  opts.onEvent({ kind: 'start', total: jobs.length });
  return Promise.all(
    jobs.map(({ b, c, s }) =>
      limit(async () => {
        const note = await generateOne(b, c, s, opts);
        done++;
        if (note.error) failed++;
        opts.onEvent({ kind: 'item', done, total: jobs.length, failed, backendId: b.id, caseId: c.id, sample: s, ok: !note.error });
        return note;
      }),
    ),
  );
}

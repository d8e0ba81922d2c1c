import { createHash } from 'node:crypto';
import pLimit, { type LimitFunction } from 'p-limit';
import type { ScribeBackend, ScribeOutput } from '../backends/types.ts';
import type { Case } from '../domain/case.ts';
import { BackendError } from '../domain/errors.ts';
import type { NoteCache } from '../store/runStore.ts';
import type { RunEventSink } from './events.ts';
import { rateLimiter, realSleep, type RateLimiter, type Sleep } from './rateLimit.ts';
import { DEFAULT_RETRY, retryDelay, type RetryPolicy } from './retry.ts';

/** What one backend may take at once: its own concurrency cap and requests per minute. */
export interface BackendLimits {
  concurrency?: number | undefined;
  rpm?: number | undefined;
}

export interface GenerateOptions {
  samples: number;
  /** Items in flight across all backends. */
  concurrency: number;
  /** Per-call timeout in milliseconds; each attempt gets the full budget. */
  timeoutMs: number;
  /** Attempts after the first for retryable failures. */
  retries: number;
  signal: AbortSignal;
  onEvent: RunEventSink;
  /** Per backend id. */
  limits?: ReadonlyMap<string, BackendLimits> | undefined;
  /** Called the moment each item is done, so a caller can persist it before the run ends. */
  onNote?: ((note: GeneratedNote) => void) | undefined;
  /** Notes already paid for; a hit skips the backend. Absent: every note is generated. */
  cache?: NoteCache | undefined;
  /** With a cache: still call every backend (and refresh the cache). */
  refresh?: boolean;
  /** Injected so tests need not wait for real backoff. */
  sleep?: Sleep;
  retryPolicy?: Partial<RetryPolicy>;
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

/**
 * Separate keys per sample, so k samples are k independent calls, never one answer k times;
 * and per case id, so two cases whose requests happen to match keep their own notes.
 */
export function cacheKey(backend: ScribeBackend, kase: Case, sample: number): string | null {
  if (!backend.fingerprint) return null;
  return createHash('sha256').update(backend.fingerprint({ kase, sample })).update(`\ncase:${kase.id}\nsample:${sample}`).digest('hex');
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function describe(err: unknown, cancelled: boolean): { code: string; message: string } {
  if (cancelled) return { code: 'ABORTED', message: 'cancelled' };
  if (err instanceof BackendError) return { code: err.code, message: err.message };
  return { code: 'BACKEND_FAILED', message: err instanceof Error ? err.message : String(err) };
}

interface Lane {
  backend: ScribeBackend;
  limit: LimitFunction;
  rate: RateLimiter;
}

/** One attempt under its own timeout; a timeout is a retryable failure like a 408. */
async function attemptOnce(lane: Lane, kase: Case, sample: number, opts: GenerateOptions): Promise<ScribeOutput> {
  await lane.rate.acquire(opts.signal);
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = AbortSignal.any([opts.signal, timeout]);
  try {
    // Race the abort too: a backend that ignores its signal must still not hang the run.
    return await Promise.race([lane.backend.generate({ kase, sample }, { signal }), rejectOnAbort(signal)]);
  } catch (err) {
    if (timeout.aborted && !opts.signal.aborted)
      throw new BackendError(`${lane.backend.id}: no note within ${opts.timeoutMs} ms`, { code: 'TIMEOUT', retryable: true, cause: err });
    throw err;
  }
}

async function callBackend(lane: Lane, kase: Case, sample: number, opts: GenerateOptions): Promise<GeneratedNote> {
  const started = performance.now();
  const policy = { ...DEFAULT_RETRY, ...opts.retryPolicy, retries: opts.retries };
  const base = { backendId: lane.backend.id, caseId: kase.id, sample };
  for (let attempt = 0; ; attempt++) {
    try {
      const output = await attemptOnce(lane, kase, sample, opts);
      return { ...base, output, error: null, latencyMs: performance.now() - started };
    } catch (err) {
      const delayMs = opts.signal.aborted ? null : retryDelay(err, attempt, policy);
      if (delayMs === null) return { ...base, output: null, error: describe(err, opts.signal.aborted), latencyMs: performance.now() - started };
      opts.onEvent({ kind: 'retry', ...base, attempt: attempt + 1, delayMs, reason: (err as Error).message });
      await (opts.sleep ?? realSleep)(delayMs, opts.signal);
    }
  }
}

async function generateOne(lane: Lane, kase: Case, sample: number, opts: GenerateOptions): Promise<GeneratedNote> {
  const cache = opts.cache;
  const key = cache ? cacheKey(lane.backend, kase, sample) : null;
  if (key && cache && !opts.refresh) {
    const hit = cache.get(key);
    if (hit) return { backendId: lane.backend.id, caseId: kase.id, sample, ...hit, cacheKey: key, cached: true };
  }
  const note = await callBackend(lane, kase, sample, opts);
  // Saved the moment it exists: a run killed later never pays for this note again.
  if (key && cache && note.output) cache.put(key, note);
  return { ...note, cacheKey: key, cached: false };
}

/**
 * Every backend × case × sample. Each backend has its own lane (concurrency cap and RPM
 * limit) in front of the run-wide limit, so a slow or rate-limited vendor queues its own
 * work without holding run-wide slots. A failing item becomes an error record; it never
 * aborts the others.
 */
export async function generateNotes(backends: readonly ScribeBackend[], cases: readonly Case[], opts: GenerateOptions): Promise<GeneratedNote[]> {
  const global = pLimit(opts.concurrency);
  const lanes = backends.map((backend): Lane => {
    const limits = opts.limits?.get(backend.id);
    return { backend, limit: pLimit(limits?.concurrency ?? opts.concurrency), rate: rateLimiter(limits?.rpm, opts.sleep ?? realSleep) };
  });
  // Case-major order: early results cover every backend, so a cancelled run still compares them.
  const jobs = cases.flatMap((c) => Array.from({ length: opts.samples }, (_, s) => lanes.map((lane) => ({ lane, c, s }))).flat());
  let done = 0;
  let failed = 0;
  opts.onEvent({ kind: 'start', total: jobs.length });
  return Promise.all(
    jobs.map(({ lane, c, s }) =>
      lane.limit(() =>
        global(async () => {
          const note = await generateOne(lane, c, s, opts);
          opts.onNote?.(note);
          done++;
          if (note.error) failed++;
          opts.onEvent({ kind: 'item', done, total: jobs.length, failed, backendId: lane.backend.id, caseId: c.id, sample: s, ok: !note.error });
          return note;
        }),
      ),
    ),
  );
}

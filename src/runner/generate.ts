import { createHash } from 'node:crypto';
import pLimit, { type LimitFunction } from 'p-limit';
import type { ScribeBackend, ScribeOutput } from '../backends/types.ts';
import type { CachedNote, GeneratedNote, NoteCache } from '../domain/notes.ts';
import type { Case } from '../domain/case.ts';
import { BackendError } from '../domain/errors.ts';
import type { RunEventSink } from './events.ts';
import { rateLimiter, realSleep, type RateLimiter, type Sleep } from '../http/rateLimit.ts';
import { DEFAULT_RETRY, retryDelay, type RetryPolicy } from '../http/retry.ts';

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
  /** How long a claim on a call lasts unless renewed; renewed every third of it while the call runs. */
  leaseMs?: number;
  /** How often to look again while another run holds the claim on a note. */
  claimPollMs?: number;
  /** Only the items this returns true for (a `--shard` slice); absent: every item. */
  only?: ((backendId: string, caseId: string, sample: number) => boolean) | undefined;
  /** Injected so tests need not wait for real backoff. */
  sleep?: Sleep;
  retryPolicy?: Partial<RetryPolicy>;
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
    // An abort reason is a DOMException (an Error) unless a caller passed something else.
    const reason = (): Error => (signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
    if (signal.aborted) reject(reason());
    signal.addEventListener('abort', () => reject(reason()), { once: true });
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
      if (delayMs === null)
        return { ...base, output: null, error: describe(err, opts.signal.aborted), latencyMs: performance.now() - started };
      opts.onEvent({ kind: 'retry', ...base, attempt: attempt + 1, delayMs, reason: (err as Error).message });
      await (opts.sleep ?? realSleep)(delayMs, opts.signal);
    }
  }
}

const LEASE_MS = 60_000;
const CLAIM_POLL_MS = 250;

const abortedNote = (base: Pick<GeneratedNote, 'backendId' | 'caseId' | 'sample'>): GeneratedNote => ({
  ...base,
  output: null,
  error: describe(null, true),
  latencyMs: 0,
});

/** The call under a lease, renewed while it runs and given up however it ends. */
async function callClaimed(
  lane: Lane,
  kase: Case,
  sample: number,
  key: string,
  cache: NoteCache,
  opts: GenerateOptions,
): Promise<GeneratedNote> {
  const leaseMs = opts.leaseMs ?? LEASE_MS;
  // A renewal that fails (store busy) only risks the lease lapsing; it must not crash the run.
  const heartbeat = setInterval(() => {
    try {
      cache.renew(key, leaseMs);
    } catch {
      // Tried again at the next beat.
    }
  }, leaseMs / 3);
  heartbeat.unref();
  try {
    const note = await callBackend(lane, kase, sample, opts);
    // Saved the moment it exists, and before the lease goes: a run waiting on it reuses it,
    // and a run killed later never pays for this note again.
    if (note.output) cache.put(key, note);
    return note;
  } finally {
    clearInterval(heartbeat);
    try {
      cache.release(key);
    } catch {
      // Left to expire, or to be taken over once this process is gone.
    }
  }
}

/**
 * A cache hit, or a call under the key's claim. While another live run holds the claim
 * this waits (it holds no claim itself, so waits cannot deadlock) until that run's note
 * appears or the claim goes (the call failed, the run died, the lease ran out).
 */
async function generateOne(lane: Lane, kase: Case, sample: number, opts: GenerateOptions, since: number): Promise<GeneratedNote> {
  const cache = opts.cache;
  const key = cache ? cacheKey(lane.backend, kase, sample) : null;
  if (!key || !cache) return { ...(await callBackend(lane, kase, sample, opts)), cacheKey: key, cached: false };
  const base = { backendId: lane.backend.id, caseId: kase.id, sample };
  // A refresh run takes no note older than itself, but does take one a concurrent run just wrote.
  const stored = (): CachedNote | null => cache.get(key, opts.refresh ? since : undefined);
  for (;;) {
    const hit = stored();
    if (hit) return { ...base, ...hit, cacheKey: key, cached: true };
    if (opts.signal.aborted) return { ...abortedNote(base), cacheKey: key, cached: false };
    if (cache.claim(key, opts.leaseMs ?? LEASE_MS)) {
      // The run we waited on may have saved its note between our look and our claim.
      const late = stored();
      if (!late) return { ...(await callClaimed(lane, kase, sample, key, cache, opts)), cacheKey: key, cached: false };
      cache.release(key);
      return { ...base, ...late, cacheKey: key, cached: true };
    }
    await (opts.sleep ?? realSleep)(opts.claimPollMs ?? CLAIM_POLL_MS, opts.signal);
  }
}

/**
 * Every backend × case × sample. Each backend has its own lane (concurrency cap and RPM
 * limit) in front of the run-wide limit, so a slow or rate-limited vendor queues its own
 * work without holding run-wide slots. A failing item becomes an error record; it never
 * aborts the others.
 */
export async function generateNotes(
  backends: readonly ScribeBackend[],
  cases: readonly Case[],
  opts: GenerateOptions,
): Promise<GeneratedNote[]> {
  const global = pLimit(opts.concurrency);
  const lanes = backends.map((backend): Lane => {
    const limits = opts.limits?.get(backend.id);
    return { backend, limit: pLimit(limits?.concurrency ?? opts.concurrency), rate: rateLimiter(limits?.rpm, opts.sleep ?? realSleep) };
  });
  // Case-major order: early results cover every backend, so a cancelled run still compares them.
  const jobs = cases
    .flatMap((c) => Array.from({ length: opts.samples }, (_, s) => lanes.map((lane) => ({ lane, c, s }))).flat())
    .filter(({ lane, c, s }) => opts.only?.(lane.backend.id, c.id, s) ?? true);
  let done = 0;
  let failed = 0;
  const since = Date.now();
  opts.onEvent({ kind: 'start', total: jobs.length });
  return Promise.all(
    jobs.map(({ lane, c, s }) =>
      lane.limit(() =>
        global(async () => {
          const note = await generateOne(lane, c, s, opts, since);
          opts.onNote?.(note);
          done++;
          if (note.error) failed++;
          opts.onEvent({
            kind: 'item',
            done,
            total: jobs.length,
            failed,
            backendId: lane.backend.id,
            caseId: c.id,
            sample: s,
            ok: !note.error,
          });
          return note;
        }),
      ),
    ),
  );
}

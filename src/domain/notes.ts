import type { Usage } from './run.ts';

/**
 * A note as the runner and the store see it: what a scribe wrote (or why it could not),
 * the cache that keeps paid-for notes, and what a run covers. In domain/ because the
 * runner, the store and the CLI all speak it and none of them should own it.
 */

export interface ScribeOutput {
  note: string;
  usage?: Usage;
  /** The vendor's id for the response, when it gives one (for tracing a note back). */
  responseId?: string;
}

/** One backend × case × sample, once the call (or the cache) has answered. */
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

export type CachedNote = Omit<GeneratedNote, 'backendId' | 'caseId' | 'sample'>;

/**
 * What the runner needs from a cache: find a note already paid for, keep a new one, and
 * hold a lease on a call while it is in flight so another run sharing the cache waits
 * for that note instead of paying for it again.
 */
export interface NoteCache {
  /** The stored note; with `since` (epoch ms), only one written at or after it. */
  get(key: string, since?: number): CachedNote | null;
  put(key: string, note: GeneratedNote): void;
  /** Takes the key's lease for leaseMs unless another live owner holds it; true if this owner now holds it. */
  claim(key: string, leaseMs: number): boolean;
  /** Pushes this owner's lease out while its call is still in flight. */
  renew(key: string, leaseMs: number): void;
  /** Lets the key go: the call finished, failed or was cancelled. */
  release(key: string): void;
}

/**
 * What a run covers: the --backends, --cases and --samples flags as typed (null when not
 * given), to quote back, and the backend ids, case ids and samples they selected.
 */
export interface RunFilters {
  given: { backends: string[] | null; cases: string[] | null; samples: number | null };
  backends: string[];
  cases: string[];
  samples: number;
}

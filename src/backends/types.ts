import type { Case } from '../domain/case.ts';
import type { ScribeOutput } from '../domain/notes.ts';

export type { ScribeOutput } from '../domain/notes.ts';

/** What a scribe is given: the session and the note it is asked to write. */
export interface ScribeInput {
  kase: Case;
  /** 0-based sample index: repeated samples of the same case get separate calls and cache keys. */
  sample: number;
}

/** One scribe under test. Adapters for each kind live beside this file, one per file. */
export interface ScribeBackend {
  readonly id: string;
  readonly kind: string;
  generate(input: ScribeInput, opts: { signal: AbortSignal }): Promise<ScribeOutput>;
  /**
   * Everything that determines the note (settings and the exact request), for the note
   * cache. Backends without one are never cached: reference scribes cost nothing, and
   * exported notes may change on disk between runs.
   */
  fingerprint?(input: ScribeInput): string;
}

import type { RunResult } from '../domain/run.ts';
import type { RunStore } from './runStore.ts';

/** A run named on the command line: found, or why not (the caller adds its own fix). */
export type RunLookup = { ok: true; run: RunResult } | { ok: false; message: string };

/**
 * `latest` (the newest finished run), `previous` (the one before it), a run id, or a
 * prefix of one that names a single run.
 */
export function lookUpRun(store: RunStore, ref: string): RunLookup {
  if (ref === 'latest' || ref === 'previous') {
    const n = ref === 'latest' ? 0 : 1;
    const entry = store.history({ limit: n + 1 })[n];
    if (!entry)
      return { ok: false, message: `the store ${store.file} has ${n === 0 ? 'no finished run' : 'fewer than two finished runs'}` };
    return { ok: true, run: store.loadRun(entry.runId)! };
  }
  const found = ref.length === 0 ? [] : store.findRuns(ref);
  const exact = found.find((f) => f.runId === ref);
  const only = exact ?? (found.length === 1 ? found[0] : undefined);
  if (!only) {
    const why = found.length > 1 ? `"${ref}" names ${found.length} runs` : `no run "${ref}" in the store ${store.file}`;
    return { ok: false, message: `${why}; ${knownRuns(store)}` };
  }
  if (!only.finished)
    return { ok: false, message: `run ${only.runId} never finished (interrupted or resumed in part); ${knownRuns(store)}` };
  return { ok: true, run: store.loadRun(only.runId)! };
}

/** The latest few finished runs, for an error message that says what the store does have. */
export function knownRuns(store: RunStore, few = 5): string {
  const runs = store.history({ limit: few });
  if (runs.length === 0) return `the store ${store.file} has no finished run`;
  return `latest finished runs: ${runs.map((r) => `${r.runId} (${r.startedAt}, ${r.status})`).join(', ')}`;
}

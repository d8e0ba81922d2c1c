import type { BackendTrend, RunResult, TrendPoint } from '../domain/run.ts';
import type { RunHistoryEntry } from './history.ts';
import type { RunStore } from './runStore.ts';

/** How many earlier runs the report's trend shows beside this one. */
export const TREND_RUNS = 10;

/**
 * Per backend of `run`: its figures in the last `earlier` finished runs of the store and in
 * `run` itself, oldest first. A backend missing from an earlier run has no point there.
 */
export function runTrend(store: RunStore, run: RunResult, earlier = TREND_RUNS): BackendTrend[] {
  // One more than asked: `run` itself is in the store's history once it has finished.
  const past = store
    .history({ limit: earlier + 1 })
    .filter((h) => h.runId !== run.runId)
    .slice(0, earlier);
  const self: RunHistoryEntry = {
    runId: run.runId,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    status: run.status,
    backends: run.summaries,
  };
  const runs = [...past, self].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  return run.backends.map((b) => ({
    backendId: b.id,
    points: runs.flatMap((h): TrendPoint[] => {
      const s = h.backends.find((x) => x.backendId === b.id);
      return s
        ? [
            {
              runId: h.runId,
              startedAt: h.startedAt,
              safetyPassRate: s.safetyPassRate,
              criticalFindings: s.criticalFindings,
              meanEditMinutes: s.meanEditMinutes,
            },
          ]
        : [];
    }),
  }));
}

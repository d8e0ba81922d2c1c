import type { NoteRecord } from '../domain/run.ts';
import type { Scorecard } from '../domain/scorecard.ts';

const mean = (xs: readonly number[]): number | null => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const round = (n: number | null, places = 3): number | null => (n === null ? null : Math.round(n * 10 ** places) / 10 ** places);

/** Scorecards grouped by case: the k samples of each. */
function byCase(records: readonly NoteRecord[]): Scorecard[][] {
  const groups = new Map<string, Scorecard[]>();
  for (const r of records) if (r.scorecard) groups.set(r.caseId, [...(groups.get(r.caseId) ?? []), r.scorecard]);
  return [...groups.values()];
}

/** Worst-of-k per case, averaged over cases: lowest omission and template fit, longest edit. */
export function worstOfK(records: readonly NoteRecord[]): {
  worstOmission: number | null;
  worstTemplate: number | null;
  worstEditMinutes: number | null;
} {
  const groups = byCase(records);
  const worst = (pick: (c: Scorecard) => number, better: 'higher' | 'lower'): number | null =>
    round(mean(groups.map((cards) => (better === 'higher' ? Math.min : Math.max)(...cards.map(pick)))));
  return {
    worstOmission: worst((c) => c.omission.score, 'higher'),
    worstTemplate: worst((c) => c.template.score, 'higher'),
    worstEditMinutes: worst((c) => c.editing.minutes, 'lower'),
  };
}

/** Latency, tokens and cost of a backend's notes (cached notes count what they cost once). */
export function usageTotals(records: readonly NoteRecord[]): {
  meanLatencyMs: number | null;
  inputTokens: number;
  outputTokens: number;
  costUsd: number | null;
} {
  const ok = records.filter((r) => r.status === 'ok');
  const costs = records.flatMap((r) => (r.usage?.costUsd === undefined ? [] : [r.usage.costUsd]));
  return {
    meanLatencyMs: round(mean(ok.map((r) => r.latencyMs)), 0),
    inputTokens: records.reduce((n, r) => n + (r.usage?.inputTokens ?? 0), 0),
    outputTokens: records.reduce((n, r) => n + (r.usage?.outputTokens ?? 0), 0),
    costUsd:
      costs.length > 0
        ? round(
            costs.reduce((a, b) => a + b, 0),
            6,
          )
        : null,
  };
}

import type { BackendSummary, BaselineInfo, MetricDelta, NoteRecord, Regression, RunResult, VerdictChange } from '../domain/run.ts';
import type { NoteVerdict } from '../domain/scorecard.ts';
import { summarizeBackends } from './aggregate.ts';
import { runStatus } from './status.ts';

/** How much mean omission may drop, or edit minutes grow, before it counts (noise between samples). */
const OMISSION_TOLERANCE = 0.02;
const EDIT_MINUTES_TOLERANCE = 0.5;

const SEVERITY: Record<NoteVerdict, number> = { pass: 0, fail: 1, review: 2, critical: 3 };

/** Each figure compared, and which direction is worse. */
const METRICS: ReadonlyArray<{ metric: string; of: (s: BackendSummary) => number; worse: (before: number, after: number) => boolean }> = [
  { metric: 'safetyPassRate', of: (s) => s.safetyPassRate, worse: (b, a) => a < b },
  { metric: 'criticalFindings', of: (s) => s.criticalFindings, worse: (b, a) => a > b },
  { metric: 'meanOmission', of: (s) => s.meanOmission, worse: (b, a) => a < b - OMISSION_TOLERANCE },
  { metric: 'majorFabrications', of: (s) => s.majorFabrications, worse: (b, a) => a > b },
  { metric: 'meanEditMinutes', of: (s) => s.meanEditMinutes, worse: (b, a) => a > b + EDIT_MINUTES_TOLERANCE },
];

const keyOf = (r: NoteRecord): string => `${r.backendId}\u0000${r.caseId}\u0000${r.sample}`;

/** The finding that explains a note's verdict: its first unsafe safety finding, else its first reason. */
function explain(r: NoteRecord): string | null {
  const card = r.scorecard;
  if (!card) return null;
  const unsafe = card.safety.findings.find((f) => f.critical && f.status !== 'captured');
  if (unsafe)
    return `${unsafe.category} ${unsafe.status}${unsafe.factId ? ` (${unsafe.factId})` : ''}${unsafe.noteQuote ? `: "${unsafe.noteQuote}"` : ''}`;
  return card.reasons[0] ?? null;
}

/**
 * This run against a baseline, on what both cover: the cases (and samples) both have,
 * per backend both ran. A baseline with other cases is compared on the intersection and
 * flagged `partial`, never read as a 50% "regression".
 */
export function compareRuns(current: RunResult, baseline: RunResult): { baseline: BaselineInfo; regressions: Regression[] } {
  const baseCases = new Set(baseline.cases.map((c) => c.id));
  const nowCases = new Set(current.cases.map((c) => c.id));
  const shared = new Set([...nowCases].filter((id) => baseCases.has(id)));
  const before = new Map(baseline.records.filter((r) => shared.has(r.caseId)).map((r) => [keyOf(r), r]));
  const pairs = current.records.filter((r) => before.has(keyOf(r))).map((r) => ({ now: r, was: before.get(keyOf(r))! }));
  const info: BaselineInfo = {
    runId: baseline.runId,
    comparedCases: shared.size,
    onlyInBaseline: [...baseCases].filter((id) => !nowCases.has(id)).sort(),
    onlyInRun: [...nowCases].filter((id) => !baseCases.has(id)).sort(),
    partial: shared.size !== baseCases.size || shared.size !== nowCases.size,
  };

  const regressions: Regression[] = [];
  for (const b of current.backends) {
    // Controls and baselines are reference points with a declared or no expectation.
    if (b.control || b.baseline || !baseline.backends.some((x) => x.id === b.id)) continue;
    const mine = pairs.filter((p) => p.now.backendId === b.id);
    if (mine.length === 0) continue;
    const [now] = summarizeBackends(
      [{ id: b.id, kind: b.kind }],
      mine.map((p) => p.now),
    );
    const [was] = summarizeBackends(
      [{ id: b.id, kind: b.kind }],
      mine.map((p) => p.was),
    );
    const metrics: MetricDelta[] = METRICS.map((m) => ({
      metric: m.metric,
      before: m.of(was!),
      after: m.of(now!),
      worse: m.worse(m.of(was!), m.of(now!)),
    })).filter((d) => d.before !== d.after);
    const verdictChanges: VerdictChange[] = mine
      .filter((p) => p.now.scorecard && p.was.scorecard && p.now.scorecard.verdict !== p.was.scorecard.verdict)
      .map(({ now: n, was: w }) => {
        const from = w.scorecard!.verdict;
        const to = n.scorecard!.verdict;
        return {
          caseId: n.caseId,
          sample: n.sample,
          from,
          to,
          worse: SEVERITY[to] > SEVERITY[from],
          finding: explain(SEVERITY[to] > SEVERITY[from] ? n : w),
        };
      });
    if (metrics.length === 0 && verdictChanges.length === 0) continue;
    const regressed = metrics.some((m) => m.worse) || verdictChanges.some((c) => c.worse);
    regressions.push({ baselineRunId: baseline.runId, backendId: b.id, regressed, metrics, verdictChanges });
  }
  return { baseline: info, regressions };
}

/** One line per thing that got worse, for the gate's reasons. */
export function regressionReasons(regressions: readonly Regression[]): string[] {
  return regressions.flatMap((r) => [
    ...r.metrics
      .filter((m) => m.worse)
      .map((m) => `regression: ${r.backendId} ${m.metric} ${m.before} → ${m.after} (baseline ${r.baselineRunId})`),
    ...r.verdictChanges
      .filter((c) => c.worse)
      .map((c) => `regression: ${r.backendId} ${c.caseId}#${c.sample} ${c.from} → ${c.to}${c.finding ? `: ${c.finding}` : ''}`),
  ]);
}

/** The run with its comparison against `baseline` folded in: regressions, gate and status. */
export function withBaseline(run: RunResult, baseline: RunResult): RunResult {
  const { baseline: info, regressions } = compareRuns(run, baseline);
  const reasons = [...run.gate.reasons, ...regressionReasons(regressions)];
  const gate = { ok: reasons.length === 0, reasons };
  return { ...run, baseline: info, regressions, gate, status: runStatus({ missing: run.missing, gate }) };
}

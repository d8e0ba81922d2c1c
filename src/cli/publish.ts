import path from 'node:path';
import { DEFAULTS } from '../config/paths.ts';
import { InputError } from '../domain/errors.ts';
import type { RunResult } from '../domain/run.ts';
import type { ReportFormat } from '../report/index.ts';
import { summaryTable } from '../report/terminal.ts';
import { withBaseline } from '../scoring/regression.ts';
import { describeMissing } from '../scoring/status.ts';
import type { RunStore } from '../store/runStore.ts';
import { runTrend } from '../store/trend.ts';
import { EXIT } from './exitCodes.ts';
import type { CliIO } from './io.ts';
import { outDirProblems } from './outDir.ts';
import { writeReports } from './writeReports.ts';

/**
 * What `run` and `merge` do once they hold a run: one place, so the two cannot drift.
 * Where reports go is checked first (before any paid call); the baseline, the store's
 * verdict and the trend are folded in while the store is open; then reports are
 * written and the status becomes the exit code.
 */
export interface ReportTarget {
  /** --out, or null for reports/<run-id>/ with reports/latest pointing at it. */
  outDir: string | null;
  root: string;
}

export async function reportTarget(out: string | undefined, cwd: string): Promise<ReportTarget> {
  const target = { outDir: out ? path.resolve(cwd, out) : null, root: path.resolve(cwd, DEFAULTS.reports) };
  const problems = await outDirProblems(target.outDir ?? target.root);
  if (problems.length > 0) throw new InputError(problems);
  return target;
}

/** The run compared with its baseline (the store keeps the verdict that comparison gives) and its trend. */
export function withHistory(run: RunResult, store: RunStore, baseline: RunResult | null): RunResult {
  let out = run;
  if (baseline) {
    out = withBaseline(out, baseline);
    // history and compare read the verdict the reports give, regressions included.
    store.setOutcome(out.runId, out.status, out.gate);
  }
  // Read before the store closes and before any report is written (the HTML draws it).
  return { ...out, trend: runTrend(store, out) };
}

/** Writes the reports and prints the summary table and where the reports are. */
export async function publishRun(run: RunResult, target: ReportTarget, formats: readonly ReportFormat[], io: CliIO): Promise<void> {
  const dir = target.outDir ?? path.join(target.root, run.runId);
  const written = await writeReports(run, dir, formats, target.outDir ? {} : { latest: path.join(target.root, 'latest') });
  io.out(`${summaryTable(run)}\n`);
  const shown = (w: string): string => {
    const rel = path.relative(io.cwd, w);
    return rel.startsWith('..') || path.isAbsolute(rel) ? w : rel;
  };
  io.out(`Reports: ${written.map(shown).join(', ')}\n`);
}

/** The status is the exit code's source: incomplete (3) wins over failed (1). */
export function exitForStatus(run: RunResult, io: CliIO): number {
  if (run.status === 'incomplete') {
    const notes = run.missing.reduce((n, m) => n + m.count, 0);
    io.err(`Incomplete: ${notes} note(s) could not be produced or scored, so the run cannot be judged:\n`);
    for (const m of run.missing) io.err(`  ${describeMissing(m)}\n`);
    return EXIT.incomplete;
  }
  return run.status === 'passed' ? EXIT.ok : EXIT.gateFailed;
}

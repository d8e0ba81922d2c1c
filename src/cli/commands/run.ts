import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DEFAULTS } from '../../config/paths.ts';
import { buildSetup } from '../setup.ts';
import { InputError, UsageError } from '../../domain/errors.ts';
import type { RunResult } from '../../domain/run.ts';
import { summaryTable } from '../../report/terminal.ts';
import { runAudit } from '../../runner/audit.ts';
import type { Shard } from '../../runner/shard.ts';
import { openStore, storePath } from '../../store/db.ts';
import type { RunFilters } from '../../domain/notes.ts';
import { RunStore } from '../../store/runStore.ts';
import { withBaseline } from '../../scoring/regression.ts';
import { runTrend } from '../../store/trend.ts';
import { resolveBaseline } from './baseline.ts';
import { describeMissing } from '../../scoring/status.ts';
import { EXIT } from '../exitCodes.ts';
import { outDirProblems } from '../outDir.ts';
import { planResume } from '../resume.ts';
import type { CliIO } from '../io.ts';
import { VERSION } from '../version.ts';
import { progressPrinter } from '../progress.ts';
import { parseFormats, writeReports } from '../writeReports.ts';

export interface RunFlags {
  config?: string;
  out?: string;
  backends?: string[];
  cases?: string[];
  fixtures?: string;
  vendors?: string;
  rubrics?: string;
  samples?: number;
  concurrency?: number;
  timeout?: number;
  format: string[];
  baseline?: string;
  cache: boolean;
  store?: string;
  resume?: boolean;
  /** With --resume: allow a resume on part of the run's items; the rest stay resumable. */
  narrow?: boolean;
  /** `--shard i/n`: only this slice of the items; `merge` joins the shards' reports. */
  shard?: Shard;
  /** `--run-id ID`: shards sharing one id merge into a run of that id. */
  runId?: string;
}

export async function runCommand(flags: RunFlags, io: CliIO, verbose: boolean): Promise<number> {
  // Preflight, cheapest first: nothing below calls a backend until every input is known good.
  const formats = parseFormats(flags.format);
  // Without --out: reports/<run-id>/ (the id is known only once the run starts) and reports/latest.
  const outDir = flags.out ? path.resolve(io.cwd, flags.out) : null;
  const reportsRoot = path.resolve(io.cwd, DEFAULTS.reports);
  const outProblems = await outDirProblems(outDir ?? reportsRoot);
  if (outProblems.length > 0) throw new InputError(outProblems);
  // A report.json, or a run in the store (id or `latest`): an unknown one exits 2 here.
  const baseline = flags.baseline ? await resolveBaseline(flags.baseline, io, flags.store) : null;
  const setup = await buildSetup(
    {
      config: flags.config,
      fixtures: flags.fixtures,
      cases: flags.cases,
      backends: flags.backends,
      samples: flags.samples,
      concurrency: flags.concurrency,
      timeoutMs: flags.timeout,
      rubrics: flags.rubrics,
      vendors: flags.vendors,
    },
    io.cwd,
    io.env,
  );
  const live = io.isTTY && !io.env['CI'];
  const store = new RunStore(openStore(storePath(flags.store, io.env, io.cwd)));
  const progress = progressPrinter(io.err, live);
  let run: RunResult;
  try {
    // What this run covers: stored with a new run, compared with an interrupted one's.
    const filters: RunFilters = {
      given: { backends: flags.backends ?? null, cases: flags.cases ?? null, samples: flags.samples ?? null },
      backends: setup.backends.map((b) => b.config.id),
      cases: setup.cases.map((c) => c.id),
      samples: setup.samples,
    };
    const { resumed, narrowed, rerun } = planResume(store, flags, filters, io.err);
    if (resumed && flags.runId && flags.runId !== resumed.runId)
      throw new UsageError(`--run-id ${flags.runId}: --resume continues run ${resumed.runId}; drop --run-id, or drop --resume`);
    run = await runAudit(setup, {
      signal: io.signal,
      onEvent: progress.onEvent,
      now: () => new Date(),
      runId: resumed?.runId ?? flags.runId ?? randomUUID(),
      shard: flags.shard ?? null,
      version: VERSION,
      store,
      refresh: !flags.cache,
      configFile: setup.configFile,
      filters,
      narrowed,
    });
    const left = narrowed && resumed ? (store.itemsLeft(resumed.runId) ?? 0) : 0;
    if (left > 0) io.err(`Run ${resumed?.runId} stays resumable: ${left} of its items remain; \`${rerun}\` writes them.\n`);
    if (baseline) {
      run = withBaseline(run, baseline);
      // history and compare read the verdict the reports give, regressions included.
      store.setOutcome(run.runId, run.status, run.gate);
    }
    // Read before the store closes and before any report is written (the HTML draws it).
    run = { ...run, trend: runTrend(store, run) };
  } finally {
    progress.stop();
    store.close();
  }

  const written = await writeReports(
    run,
    outDir ?? path.join(reportsRoot, run.runId),
    formats,
    outDir ? {} : { latest: path.join(reportsRoot, 'latest') },
  );
  io.out(`${summaryTable(run)}\n`);
  const shown = (w: string): string => {
    const rel = path.relative(io.cwd, w);
    return rel.startsWith('..') || path.isAbsolute(rel) ? w : rel;
  };
  io.out(`Reports: ${written.map(shown).join(', ')}\n`);
  if (verbose) io.err(`config: ${setup.configFile}\n`);
  if (io.signal.aborted) {
    io.err('Cancelled: finished notes were scored and reported; the rest were not written.\n');
    return EXIT.incomplete;
  }
  // The status is the exit code's source: incomplete (3) wins over failed (1).
  if (run.status === 'incomplete') {
    const notes = run.missing.reduce((n, m) => n + m.count, 0);
    io.err(`Incomplete: ${notes} note(s) could not be produced or scored, so the run cannot be judged:\n`);
    for (const m of run.missing) io.err(`  ${describeMissing(m)}\n`);
    return EXIT.incomplete;
  }
  return run.status === 'passed' ? EXIT.ok : EXIT.gateFailed;
}

import { randomUUID } from 'node:crypto';
import { buildSetup } from '../setup.ts';
import { UsageError } from '../../domain/errors.ts';
import type { RunResult } from '../../domain/run.ts';
import { runAudit } from '../../runner/audit.ts';
import type { Shard } from '../../runner/shard.ts';
import { openStore, storePath } from '../../store/db.ts';
import type { RunFilters } from '../../domain/notes.ts';
import { RunStore } from '../../store/runStore.ts';
import { resolveBaseline } from './baseline.ts';
import { planResume } from '../resume.ts';
import type { CliIO } from '../io.ts';
import { VERSION } from '../version.ts';
import { progressPrinter } from '../progress.ts';
import { EXIT } from '../exitCodes.ts';
import { parseFormats } from '../writeReports.ts';
import { exitForStatus, publishRun, reportTarget, withHistory } from '../publish.ts';

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
  const target = await reportTarget(flags.out, io.cwd);
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
    run = withHistory(run, store, baseline);
  } finally {
    progress.stop();
    store.close();
  }

  await publishRun(run, target, formats, io);
  if (verbose) io.err(`config: ${setup.configFile}\n`);
  if (io.signal.aborted) {
    io.err('Cancelled: finished notes were scored and reported; the rest were not written.\n');
    return EXIT.incomplete;
  }
  return exitForStatus(run, io);
}

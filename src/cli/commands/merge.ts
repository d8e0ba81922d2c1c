import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../../config/load.ts';
import { DEFAULTS } from '../../config/paths.ts';
import type { Control, RunConfig } from '../../config/schema.ts';
import { readCases } from '../../corpus/index.ts';
import type { Case } from '../../domain/case.ts';
import { InputError, type InputProblem } from '../../domain/errors.ts';
import { REPORT_SCHEMA_VERSION, RunResult } from '../../domain/run.ts';
import { assembleRun } from '../../runner/assemble.ts';
import { shardSetProblems, type ShardReport } from '../../runner/shardSet.ts';
import { openStore, storePath } from '../../store/db.ts';
import { RunStore } from '../../store/runStore.ts';
import { resolveBaseline } from './baseline.ts';
import type { CliIO } from '../io.ts';
import { parseFormats } from '../writeReports.ts';
import { exitForStatus, publishRun, reportTarget, withHistory } from '../publish.ts';

export interface MergeFlags {
  config?: string;
  fixtures?: string;
  out?: string;
  format: string[];
  baseline?: string;
  store?: string;
}

/** A shard's folder (its report.json) or the file itself, parsed; every unreadable one is a problem. */
async function readShard(arg: string, cwd: string): Promise<ShardReport | InputProblem> {
  const given = path.resolve(cwd, arg);
  const file = (await stat(given).then(
    (s) => s.isDirectory(),
    () => false,
  ))
    ? path.join(given, 'report.json')
    : given;
  const fix = 'pass the folder (or report.json) that `run --shard i/n --format json` wrote';
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    return { file, line: null, message: `cannot read a report: ${(err as Error).message}`, fix };
  }
  const parsed = RunResult.safeParse(json);
  if (!parsed.success)
    return { file, line: null, message: `not a report.json of this scribe-audit version (schema version ${REPORT_SCHEMA_VERSION})`, fix };
  return { file, run: parsed.data };
}

/**
 * Controls are judged on the cases' facts, which report.json does not carry: the cases and
 * the controls' declarations are read again, the way `run` reads them, and must be the ones
 * the shards ran.
 */
async function readRunInputs(
  flags: MergeFlags,
  first: RunResult,
  cwd: string,
): Promise<{ cases: Case[]; controls: Map<string, Control>; configFile: string; complianceMode: RunConfig['compliance'] }> {
  const { config, file, builtin } = await loadConfig(flags.config, cwd);
  const fromConfig = builtin || !config.fixtures ? DEFAULTS.fixtures : path.resolve(path.dirname(file), config.fixtures);
  const fixturesDir = flags.fixtures ? path.resolve(cwd, flags.fixtures) : fromConfig;
  const ids = first.cases.map((c) => c.id);
  const read = await readCases(fixturesDir, { only: ids });
  if (read.problems.length > 0) throw new InputError(read.problems);
  const byId = new Map(read.cases.map((c) => [c.id, c]));
  const problems: InputProblem[] = [];
  const absent = ids.filter((id) => !byId.has(id));
  if (absent.length > 0)
    problems.push({
      file: fixturesDir,
      line: null,
      message: `the shards ran case(s) ${absent.join(', ')}, which this folder does not have`,
      fix: 'pass the --fixtures (or --config) the shards ran with',
    });
  const controls = new Map<string, Control>();
  for (const b of first.backends) {
    const cfg = config.backends.find((c) => c.id === b.id);
    if (!cfg || (cfg.control?.expect ?? null) !== b.control || cfg.baseline !== b.baseline)
      problems.push({
        file,
        line: null,
        message: cfg
          ? `backend "${b.id}" is declared differently here than in the shards (control or baseline)`
          : `the shards ran backend "${b.id}", which this config does not define`,
        fix: 'pass the --config the shards ran with',
      });
    else if (cfg.control) controls.set(b.id, cfg.control);
  }
  if (problems.length > 0) throw new InputError(problems);
  return { cases: ids.map((id) => byId.get(id)!), controls, configFile: file, complianceMode: config.compliance };
}

/** The one run the shards make: the very assembly `run` does, on all their notes. */
function mergeRuns(shards: readonly RunResult[], inputs: Awaited<ReturnType<typeof readRunInputs>>, runId: string): RunResult {
  const first = shards[0]!;
  const byTime = [...shards].sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
  const assembled = assembleRun({
    backends: first.backends,
    controls: inputs.controls,
    cases: inputs.cases,
    records: shards.flatMap((s) => s.records),
    shard: null,
    compliance: { results: byTime.at(-1)!.compliance, mode: inputs.complianceMode },
  });
  return {
    schemaVersion: first.schemaVersion,
    status: assembled.status,
    missing: assembled.missing,
    runId,
    startedAt: shards.map((s) => s.startedAt).sort()[0]!,
    finishedAt: byTime.at(-1)!.finishedAt,
    tool: first.tool,
    samples: first.samples,
    backends: first.backends,
    cases: first.cases,
    records: assembled.records,
    summaries: assembled.summaries,
    controls: assembled.controls,
    // Vendor checks depend on the date only: as the last shard to finish saw them, like a run's end.
    compliance: byTime.at(-1)!.compliance,
    gate: assembled.gate,
    judge: null,
    baseline: null,
    regressions: [],
    shard: null,
  };
}

export async function mergeCommand(dirs: readonly string[], flags: MergeFlags, io: CliIO): Promise<number> {
  const formats = parseFormats(flags.format);
  const target = await reportTarget(flags.out, io.cwd);

  const read = await Promise.all(dirs.map((d) => readShard(d, io.cwd)));
  const unreadable = read.filter((r): r is InputProblem => !('run' in r));
  if (unreadable.length > 0) throw new InputError(unreadable);
  const reports = read as ShardReport[];
  const problems = shardSetProblems(reports);
  if (problems.length > 0) throw new InputError(problems);
  const shards = reports.map((r) => r.run).sort((a, b) => a.shard!.index - b.shard!.index);
  const inputs = await readRunInputs(flags, shards[0]!, io.cwd);
  // As `run` reads it, and before the merged run is stored: `latest` is the night before.
  const baseline = flags.baseline ? await resolveBaseline(flags.baseline, io, flags.store) : null;

  const ids = new Set(shards.map((s) => s.runId));
  // Shards given one --run-id are one run; otherwise the merge is a run of its own.
  const runId = ids.size === 1 ? shards[0]!.runId : randomUUID();
  if (ids.size > 1)
    io.err(
      `The shards have different run ids (${[...ids].join(', ')}); the merged run is ${runId}. Give every shard the same --run-id to keep one.\n`,
    );
  if (shards.some((s) => s.judge))
    io.err("The shards' LLM-judge agreement is not merged (its kappa needs every grade): read it in each shard's report.\n");
  let run = mergeRuns(shards, inputs, runId);

  // Kept in the store like any run, so history and `--baseline latest` see the merged night.
  const store = new RunStore(openStore(storePath(flags.store, io.env, io.cwd)));
  try {
    store.startRun(run.runId, run.startedAt, inputs.configFile, {
      given: { backends: null, cases: null, samples: null },
      backends: run.backends.map((b) => b.id),
      cases: run.cases.map((c) => c.id),
      samples: run.samples,
    });
    for (const r of run.records) store.recordItem(run.runId, r, null);
    store.finishRun(run.runId, run.finishedAt, { ...run, version: run.tool.version });
    run = withHistory(run, store, baseline);
  } finally {
    store.close();
  }

  io.out(`Merged ${shards.length} shards.\n`);
  await publishRun(run, target, formats, io);
  return exitForStatus(run, io);
}

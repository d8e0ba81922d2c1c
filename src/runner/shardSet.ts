import type { InputProblem } from '../domain/errors.ts';
import type { RunResult } from '../domain/run.ts';
import { itemKey, shardItems } from './shard.ts';

/** One shard's report.json and where it came from. */
export interface ShardReport {
  file: string;
  run: RunResult;
}

const MERGE_ONE_RUN =
  'merge only the shards of one run: every shard runs the same config, --backends, --cases, --samples and scribe-audit version';

/** What must be equal for two shards to be slices of one run. */
function configurationOf(run: RunResult): Record<string, string> {
  return {
    'scribe-audit version': run.tool.version,
    backends: JSON.stringify(run.backends),
    cases: run.cases.map((c) => c.id).join(', '),
    samples: String(run.samples),
    'shard count': String(run.shard?.count ?? null),
  };
}

/**
 * Every problem that keeps `reports` from being the n shards of one run: a report that is
 * not a shard, shards of other configurations, a shard missing or given twice, a shard
 * whose notes are not exactly its slice. Empty when they merge.
 */
export function shardSetProblems(reports: readonly ShardReport[]): InputProblem[] {
  const problems: InputProblem[] = [];
  const shards = reports.filter((r) => {
    if (r.run.shard) return true;
    problems.push({
      file: r.file,
      line: null,
      message: 'is the report of a whole run, not of a shard',
      fix: 'pass the report folders that `run --shard i/n` wrote, one per shard',
    });
    return false;
  });
  const first = shards[0];
  if (!first) return problems;
  const want = configurationOf(first.run);
  for (const r of shards.slice(1)) {
    const got = configurationOf(r.run);
    const differ = Object.keys(want).filter((k) => want[k] !== got[k]);
    if (differ.length > 0)
      problems.push({
        file: r.file,
        line: null,
        message: `ran another configuration than ${first.file}: ${differ.map((k) => `${k} ${got[k]} (not ${want[k]})`).join('; ')}`,
        fix: MERGE_ONE_RUN,
      });
  }
  if (problems.length > 0) return problems;

  const count = first.run.shard!.count;
  for (let index = 1; index <= count; index++) {
    const given = shards.filter((r) => r.run.shard!.index === index);
    if (given.length > 1)
      problems.push({
        file: given[1]!.file,
        line: null,
        message: `shard ${index}/${count} is given twice: ${given.map((r) => r.file).join(' and ')}`,
        fix: `pass each shard's folder once, shards 1 to ${count}`,
      });
    if (given.length === 0)
      problems.push({
        file: shards.map((r) => r.file).join(', '),
        line: null,
        message: `shard ${index}/${count} is missing: these are shards ${shards.map((r) => r.run.shard!.index).join(', ')} of ${count}`,
        fix: `add the report folder of shard ${index}/${count} (run it with --shard ${index}/${count} and the same --run-id if it never ran)`,
      });
  }
  for (const r of shards) {
    const run = r.run;
    const slice = shardItems(
      run.shard!,
      run.backends.map((b) => b.id),
      run.cases.map((c) => c.id),
      run.samples,
    );
    const keys = run.records.map(itemKey);
    const outside = keys.filter((k) => !slice.has(k));
    const absent = slice.size - new Set(keys.filter((k) => slice.has(k))).size;
    if (outside.length > 0 || absent > 0 || keys.length !== new Set(keys).size)
      problems.push({
        file: r.file,
        line: null,
        message: `does not hold exactly the notes of shard ${run.shard!.index}/${run.shard!.count}${outside.length > 0 ? ` (it has ${outside[0]}, which is another shard's)` : ''}${absent > 0 ? ` (${absent} of its items have no record)` : ''}`,
        fix: 'pass the report.json the shard wrote, unedited; rerun the shard if it was written by another version',
      });
  }
  return problems;
}

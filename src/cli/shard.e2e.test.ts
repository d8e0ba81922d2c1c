import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunResult } from '../domain/run.ts';
import { runCli, type CliResult } from '../testing/cliHarness.ts';
import { E2E_CASES } from '../testing/fakeVendors.ts';
import { EXIT } from './exitCodes.ts';

/**
 * `run --shard i/n` on n CI workers and `merge` must give the report one unsharded run
 * gives: the built-in reference scribes on three cases (one with voiced suicidal
 * ideation, so the risk-blind control applies) and two samples: 30 items in 3 shards.
 */
let dir: string;
let whole: CliResult;
let merged: CliResult;
const shards: CliResult[] = [];
const RUN = ['run', '--cases', E2E_CASES.join(','), '--samples', '2', '--run-id', 'night-1'];
const FORMATS = ['--format', 'json,md,junit,csv'];

const report = async (out: string): Promise<RunResult> =>
  RunResult.parse(JSON.parse(await readFile(path.join(dir, out, 'report.json'), 'utf8')));
const cli = (args: string[]): Promise<CliResult> => runCli(args, { cwd: dir });

/** What may differ between two runs of the same items: when they ran, and how long each note took. */
function comparable(run: RunResult): unknown {
  return {
    ...run,
    startedAt: null,
    finishedAt: null,
    records: run.records.map((r) => ({ ...r, latencyMs: null })),
    summaries: run.summaries.map((s) => ({ ...s, meanLatencyMs: null })),
    trend: run.trend?.map((t) => ({ ...t, points: t.points.map((p) => ({ ...p, startedAt: null })) })),
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-shard-'));
  whole = await cli([...RUN, '--out', 'whole', ...FORMATS]);
  for (const i of [1, 2, 3]) shards.push(await cli([...RUN, '--shard', `${i}/3`, '--out', `shard-${i}`, '--format', 'json']));
  merged = await cli(['merge', 'shard-1', 'shard-2', path.join('shard-3', 'report.json'), '--out', 'merged', ...FORMATS]);
}, 240_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('run --shard i/n, then merge', () => {
  it('runs each item in exactly one shard, and each shard says which it is', async () => {
    const all = (await report('whole')).records.map((r) => `${r.backendId}/${r.caseId}/${r.sample}`);
    expect(all).toHaveLength(5 * E2E_CASES.length * 2);
    const seen: string[] = [];
    for (const i of [1, 2, 3]) {
      const shard = await report(`shard-${i}`);
      expect(shard.shard).toEqual({ index: i, count: 3 });
      expect(shard.runId).toBe('night-1');
      expect(shard.records).toHaveLength(all.length / 3);
      seen.push(...shard.records.map((r) => `${r.backendId}/${r.caseId}/${r.sample}`));
    }
    expect(seen.sort()).toEqual([...all].sort());
  });

  it('judges each shard on its own slice: its controls only on the cases it ran', async () => {
    for (const [i, r] of shards.entries()) {
      expect(r.stderr, `shard ${i + 1}`).not.toMatch(/internal error/);
      expect(r.code, `shard ${i + 1}: ${r.stderr}`).toBe(EXIT.ok);
      const shard = await report(`shard-${i + 1}`);
      expect(shard.status).toBe('passed');
      for (const c of shard.controls) expect(shard.records.some((r) => r.backendId === c.backendId)).toBe(true);
    }
  });

  it('merges into the report of the unsharded run, field by field, with the same exit code and files', async () => {
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(whole.code);
    expect(whole.code).toBe(EXIT.ok);
    const a = await report('whole');
    const b = await report('merged');
    expect(b.shard ?? null).toBeNull();
    expect(b.runId).toBe('night-1');
    for (const key of Object.keys(a) as (keyof RunResult)[])
      expect((comparable(b) as RunResult)[key], key).toEqual((comparable(a) as RunResult)[key]);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    const shardTimes = await Promise.all([1, 2, 3].map((i) => report(`shard-${i}`)));
    expect(b.startedAt).toBe(shardTimes.map((s) => s.startedAt).sort()[0]);
    expect(b.finishedAt).toBe(shardTimes.map((s) => s.finishedAt).sort()[2]);
    expect((await readdir(path.join(dir, 'merged'))).sort()).toEqual((await readdir(path.join(dir, 'whole'))).sort());
    // The other files too, but for when things ran and how long they took.
    const junit = async (out: string): Promise<string> =>
      (await readFile(path.join(dir, out, 'junit.xml'), 'utf8')).replace(/ (time|timestamp)="[^"]*"/g, '');
    expect(await junit('merged')).toBe(await junit('whole'));
    const csv = async (out: string): Promise<string[][]> => {
      const [head, ...rows] = (await readFile(path.join(dir, out, 'notes.csv'), 'utf8')).split('\n').map((l) => l.split(','));
      const latency = head!.indexOf('latencyMs');
      return [head!, ...rows.map((r) => r.filter((_, i) => i !== latency))];
    };
    expect(await csv('merged')).toEqual(await csv('whole'));
  });

  it('makes a new run id when the shards were given none in common', async () => {
    await cli(['run', '--cases', E2E_CASES[1], '--backends', 'gold,hollow', '--shard', '1/2', '--out', 'id-1', '--format', 'json']);
    await cli(['run', '--cases', E2E_CASES[1], '--backends', 'gold,hollow', '--shard', '2/2', '--out', 'id-2', '--format', 'json']);
    const r = await cli(['merge', 'id-1', 'id-2', '--out', 'id-merged', '--format', 'json']);
    expect(r.code).toBe(EXIT.ok);
    const [one, two, both] = await Promise.all(['id-1', 'id-2', 'id-merged'].map(report));
    expect(new Set([one!.runId, two!.runId, both!.runId]).size).toBe(3);
    expect(r.stderr).toContain(`the merged run is ${both!.runId}`);
  });
});

describe('merge refuses what is not the shards of one run (exit 2, naming the files and the fix)', () => {
  it('a missing shard', async () => {
    const r = await cli(['merge', 'shard-1', 'shard-3', '--out', 'bad', '--format', 'json']);
    expect(r.code).toBe(EXIT.input);
    expect(r.stderr).toContain('shard 2/3 is missing: these are shards 1, 3 of 3');
    expect(r.stderr).toContain(path.join(dir, 'shard-1', 'report.json'));
    expect(r.stderr).toMatch(/fix: add the report folder of shard 2\/3/);
  });

  it('a shard given twice', async () => {
    const r = await cli(['merge', 'shard-1', 'shard-2', 'shard-2', 'shard-3', '--out', 'bad', '--format', 'json']);
    expect(r.code).toBe(EXIT.input);
    expect(r.stderr).toContain('shard 2/3 is given twice');
    expect(r.stderr).toMatch(/fix: pass each shard's folder once/);
  });

  it('shards of another configuration', async () => {
    const other = await cli([
      'run',
      '--cases',
      E2E_CASES.join(','),
      '--samples',
      '1',
      '--run-id',
      'night-1',
      '--shard',
      '3/3',
      '--out',
      'other-3',
      '--format',
      'json',
    ]);
    expect(other.code).toBe(EXIT.ok);
    const r = await cli(['merge', 'shard-1', 'shard-2', 'other-3', '--out', 'bad', '--format', 'json']);
    expect(r.code).toBe(EXIT.input);
    expect(r.stderr).toContain(
      `${path.join(dir, 'other-3', 'report.json')}: ran another configuration than ${path.join(dir, 'shard-1', 'report.json')}: samples 1 (not 2)`,
    );
    expect(r.stderr).toMatch(/fix: merge only the shards of one run/);
  });

  it('a report that is not a shard', async () => {
    const r = await cli(['merge', 'whole', 'shard-1', 'shard-2', 'shard-3', '--out', 'bad', '--format', 'json']);
    expect(r.code).toBe(EXIT.input);
    expect(r.stderr).toContain(`${path.join(dir, 'whole', 'report.json')}: is the report of a whole run, not of a shard`);
  });

  it('a folder with no report', async () => {
    const r = await cli(['merge', 'shard-1', 'nowhere', '--out', 'bad', '--format', 'json']);
    expect(r.code).toBe(EXIT.input);
    expect(r.stderr).toContain(`${path.join(dir, 'nowhere')}: cannot read a report`);
  });
});

describe('--shard and --run-id are checked before any call', () => {
  it.each([
    [['--shard', '4/3'], '--shard must be i/n with 1 ≤ i ≤ n ≤ 64, e.g. 2/4; got "4/3"'],
    [['--shard', '1/65'], '--shard must be i/n'],
    [['--run-id', '../up'], '--run-id must be 1-128 letters'],
  ])('%j exits 2', async (flags, message) => {
    const r = await cli(['run', '--out', 'never', ...flags]);
    expect(r.code).toBe(EXIT.input);
    expect(r.stderr).toContain(message);
    await expect(readdir(path.join(dir, 'never'))).rejects.toThrow();
  });
});

import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../config/paths.ts';
import { RunResult } from '../domain/run.ts';
import { openStore } from '../store/db.ts';
import { RunStore } from '../store/runStore.ts';
import { runCli } from '../testing/cliHarness.ts';
import { E2E_CASES, writeE2EConfig } from '../testing/fakeVendors.ts';
import { EXIT } from './exitCodes.ts';

/**
 * Several nights against one store: a notes-dir vendor whose note for one case turns into a
 * denial of suicidal ideation after the first night, beside a command scribe whose notes the
 * store caches (its version argument changes after the first night, so each version has its own
 * cached notes).
 */
const SI_CASE = 'cbt-active-si-plan-denied';
let dir: string;
const ids: string[] = [];
const STORE = ['--store', 'store.db'];

const config = (version: string): Promise<void> =>
  writeE2EConfig(
    dir,
    [
      '  - { id: vendor, kind: notes-dir, dir: notes }',
      `  - { id: scribe, kind: command, command: ${JSON.stringify(process.execPath)}, args: [${JSON.stringify(path.join(dir, 'scribe.mjs'))}, ${version}] }`,
    ],
    { samples: 1 },
  );
const report = async (out: string): Promise<RunResult> =>
  RunResult.parse(JSON.parse(await readFile(path.join(dir, out, 'report.json'), 'utf8')));
const calls = async (): Promise<number> =>
  (await readFile(path.join(dir, 'calls.log'), 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
const run = (out: string, ...extra: string[]) => runCli(['run', '--out', out, ...STORE, '--format', 'json,md', ...extra], { cwd: dir });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-history-'));
  await mkdir(path.join(dir, 'notes'));
  for (const id of E2E_CASES) await cp(path.join(DEFAULTS.fixtures, id, 'reference.md'), path.join(dir, 'notes', `${id}.md`));
  // Writes the reference note, and a line per call so a test can tell whether it was called.
  await writeFile(
    path.join(dir, 'scribe.mjs'),
    `import { appendFileSync, readFileSync } from 'node:fs';
const { caseId } = JSON.parse(readFileSync(0, 'utf8'));
appendFileSync(new URL('./calls.log', import.meta.url), caseId + '\\n');
process.stdout.write(readFileSync(${JSON.stringify(DEFAULTS.fixtures)} + '/' + caseId + '/reference.md', 'utf8'));
`,
  );
  await config('v1');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('history, compare, --baseline from the store, and store prune', () => {
  it('run --baseline latest compares with the newest finished run and names the case that turned critical', async () => {
    const first = await run('night-1');
    expect(first.code, first.stderr).toBe(EXIT.ok);
    ids.push((await report('night-1')).runId);

    // The vendor's new release writes a denial for a client who voiced SI; the scribe gets a new version.
    await writeFile(
      path.join(dir, 'notes', `${SI_CASE}.md`),
      '## Subjective\nClient reports a hard week.\n\n## Assessment\nClient denies suicidal ideation.\n\n## Plan\nContinue CBT.\n',
    );
    await config('v2');
    const second = await run('night-2', '--baseline', 'latest');
    expect(second.code).toBe(EXIT.gateFailed);
    const r = await report('night-2');
    ids.push(r.runId);
    expect(r.baseline).toMatchObject({ runId: ids[0], comparedCases: E2E_CASES.length, partial: false });
    const change = r.regressions.find((g) => g.backendId === 'vendor')?.verdictChanges.find((c) => c.caseId === SI_CASE);
    expect(change).toMatchObject({ from: 'pass', to: 'critical', worse: true });
    expect(second.stdout).toContain(`regression: vendor ${SI_CASE}#0 pass → critical`);
    // The trend: the first night and this one, oldest first.
    const vendor = r.trend?.find((t) => t.backendId === 'vendor');
    expect(vendor?.points.map((p) => p.runId)).toEqual([ids[0], ids[1]]);
    expect(vendor?.points[0]?.safetyPassRate).toBe(1);
    expect(vendor?.points[1]?.safetyPassRate).toBeLessThan(1);
    expect(vendor?.points[1]?.criticalFindings).toBeGreaterThan(0);
  }, 120_000);

  it('run --baseline <run id> compares with that stored run', async () => {
    const third = await run('night-3', '--baseline', ids[0]!);
    expect(third.code).toBe(EXIT.gateFailed);
    const r = await report('night-3');
    ids.push(r.runId);
    expect(r.baseline?.runId).toBe(ids[0]);
    expect(r.regressions.find((g) => g.backendId === 'vendor')?.verdictChanges.map((c) => c.caseId)).toEqual([SI_CASE]);
    expect(await readFile(path.join(dir, 'night-3', 'report.md'), 'utf8')).toContain(SI_CASE);
  }, 120_000);

  it('an unknown --baseline exits 2 naming the runs the store has, before any backend call', async () => {
    const before = await calls();
    const r = await run('night-x', '--baseline', 'no-such-run', '--no-cache');
    expect(r.code).toBe(EXIT.input);
    expect(r.stderr).toContain('no-such-run: --baseline: no such file, and no run "no-such-run" in the store');
    expect(r.stderr).toContain(`latest finished runs: ${ids[2]} (`);
    expect(r.stderr).toMatch(/fix: pass an existing report\.json, a run id from `scribe-audit history`.*latest/);
    expect(await calls()).toBe(before);
    const store = new RunStore(openStore(path.join(dir, 'store.db')));
    expect(store.unfinishedRun()).toBeNull();
    expect(store.history({ limit: 10 })).toHaveLength(3);
    store.close();
  });

  it('history lists the runs newest first with their statuses, as a table or JSON', async () => {
    const table = await runCli(['history', ...STORE], { cwd: dir });
    expect(table.code).toBe(EXIT.ok);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^run\s+started\s+status\s+backend\s+safety pass\s+critical\s+edit min$/);
    const runRows = lines.filter((l) => /^\S/.test(l)).slice(1);
    expect(runRows.map((l) => l.split(/\s+/)[0])).toEqual([ids[2], ids[1], ids[0]]);
    expect(runRows.map((l) => l.split(/\s+/)[2])).toEqual(['failed', 'failed', 'passed']);

    const json = await runCli(['history', '--json', '--limit', '2', ...STORE], { cwd: dir });
    const parsed = JSON.parse(json.stdout) as { runs: { runId: string; status: string; backends: { backendId: string }[] }[] };
    expect(parsed.runs.map((r) => [r.runId, r.status])).toEqual([
      [ids[2], 'failed'],
      [ids[1], 'failed'],
    ]);
    expect(parsed.runs[0]?.backends.map((b) => b.backendId)).toEqual(['vendor', 'scribe']);

    const one = await runCli(['history', '--backend', 'vendor', ...STORE], { cwd: dir });
    const rows = one.stdout.trimEnd().split('\n').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows.map((l) => l.split(/\s+/)[3])).toEqual(['vendor', 'vendor', 'vendor']);
    expect(rows.map((l) => l.split(/\s+/)[4])).toEqual(['66.7%', '66.7%', '100%']);

    const unknown = await runCli(['history', '--backend', 'nobody', ...STORE], { cwd: dir });
    expect(unknown.code).toBe(EXIT.input);
    expect(unknown.stderr).toContain('backends of the latest runs: vendor, scribe');
  });

  it('compare names the case that turned critical, and accepts latest and previous', async () => {
    const text = await runCli(['compare', ids[0]!, ids[1]!, ...STORE], { cwd: dir });
    expect(text.code).toBe(EXIT.gateFailed);
    expect(text.stdout).toContain(`against baseline ${ids[0]}`);
    expect(text.stdout).toContain('vendor: REGRESSED ✖');
    expect(text.stdout).toMatch(new RegExp(`${SI_CASE} #0: pass → critical ✖ \\(risk\\.si\\.`));
    expect(text.stdout).toMatch(/safetyPassRate: 1 → 0\.667 ✖/);

    const json = await runCli(['compare', 'previous', 'latest', '--json', ...STORE], { cwd: dir });
    expect(json.code).toBe(EXIT.ok);
    const parsed = JSON.parse(json.stdout) as { runId: string; baseline: { runId: string; partial: boolean }; regressions: unknown[] };
    // Nights 2 and 3 wrote the same notes: nothing changed between them.
    expect(parsed).toEqual({ runId: ids[2], baseline: expect.objectContaining({ runId: ids[1], partial: false }), regressions: [] });

    const unknown = await runCli(['compare', 'latest', 'nope', ...STORE], { cwd: dir });
    expect(unknown.code).toBe(EXIT.input);
    expect(unknown.stderr).toContain(`nope: no run "nope" in the store`);
    expect(unknown.stderr).toContain(ids[2]);
    expect(unknown.stderr).toContain('fix: pass run ids from `scribe-audit history`');

    const noStore = await runCli(['compare', 'latest', 'previous', '--store', 'elsewhere.db'], { cwd: dir });
    expect(noStore.code).toBe(EXIT.input);
    expect(noStore.stderr).toContain('there is no run store here');
  });

  it('store prune keeps the newest N runs and the cached notes they use, removes the rest, and the file does not grow', async () => {
    const file = path.join(dir, 'store.db');
    // Nights apart, as in a nightly job: notes younger than an hour are never pruned (a run
    // sharing the store may be about to record them).
    const db = new Database(file);
    db.prepare("UPDATE notes SET created_at = '2026-01-01T00:00:00.000Z'").run();
    const keys = (): string[] =>
      (db.prepare('SELECT cache_key FROM notes ORDER BY cache_key').all() as { cache_key: string }[]).map((n) => n.cache_key);
    const usedBy = (runId: string): string[] =>
      (
        db.prepare('SELECT cache_key FROM run_items WHERE run_id = ? AND cache_key IS NOT NULL ORDER BY cache_key').all(runId) as {
          cache_key: string;
        }[]
      ).map((n) => n.cache_key);
    const v1 = usedBy(ids[0]!);
    const v2 = usedBy(ids[2]!);
    expect(v1).toHaveLength(E2E_CASES.length);
    // Night 3 reused the notes night 2 wrote (v2), night 1's (v1) are another version's.
    expect(v2).toEqual(usedBy(ids[1]!));
    expect(keys()).toEqual([...v1, ...v2].sort());
    db.close();
    const size = async (): Promise<number> =>
      (await stat(file)).size +
      (await stat(`${file}-wal`)
        .then((s) => s.size)
        .catch(() => 0));
    const before = await size();

    const r = await runCli(['store', 'prune', '--keep', '1', ...STORE], { cwd: dir });
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toContain('kept 1 finished run(s)');
    expect(r.stdout).toContain(`Removed 2 run(s), ${2 * 2 * E2E_CASES.length} note result(s), ${E2E_CASES.length} cached note(s)`);
    expect(r.stdout).toMatch(/Size: [\d.]+ [KM]?B → [\d.]+ [KM]?B\./);

    const after = new Database(file);
    const left = (after.prepare('SELECT cache_key FROM notes ORDER BY cache_key').all() as { cache_key: string }[]).map((n) => n.cache_key);
    after.close();
    // Night 2 is gone, but the notes it wrote stay: night 3 used them.
    expect(left).toEqual(v2);
    expect(await size()).toBeLessThanOrEqual(before);
    const history = JSON.parse((await runCli(['history', '--json', ...STORE], { cwd: dir })).stdout) as { runs: { runId: string }[] };
    expect(history.runs.map((h) => h.runId)).toEqual([ids[2]]);
    // The kept run still compares from the store.
    expect((await runCli(['compare', ids[2]!, 'latest', ...STORE], { cwd: dir })).code).toBe(EXIT.ok);
  });
});

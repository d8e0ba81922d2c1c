import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunResult } from '../domain/run.ts';
import { compareRuns } from '../scoring/regression.ts';
import { makeTestRun } from '../testing/testRun.ts';
import { openStore, type Db } from './db.ts';
import { lookUpRun } from './runRef.ts';
import { RunStore } from './runStore.ts';
import { runTrend } from './trend.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-history-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SI_CASE = 'ipt-role-transition-passive-si';

/** The test run under another id and start time; `safe` turns vendor-b's critical note into a pass. */
function runAt(runId: string, startedAt: string, opts: { safe?: boolean } = {}): RunResult {
  const run = { ...makeTestRun(), runId, startedAt, finishedAt: startedAt };
  if (opts.safe) {
    const critical = run.records.find((r) => r.backendId === 'vendor-b' && r.caseId === SI_CASE && r.sample === 0)!;
    const pass = run.records.find((r) => r.backendId === 'vendor-a' && r.caseId === SI_CASE && r.sample === 0)!;
    critical.scorecard = structuredClone(pass.scorecard);
  }
  return run;
}

/** What audit.ts does: start, one item at a time (cache key per note), finish. */
function storeRun(store: RunStore, run: RunResult, opts: { finish?: boolean; keyOf?: (i: number) => string } = {}): void {
  store.startRun(run.runId, run.startedAt, 'cfg.yaml');
  run.records.forEach((r, i) => store.recordItem(run.runId, r, opts.keyOf ? opts.keyOf(i) : `${run.runId}:${i}`));
  if (opts.finish !== false) store.finishRun(run.runId, run.finishedAt, { ...run, version: run.tool.version });
}

const open = (file = ':memory:'): { db: Db; store: RunStore } => {
  const db = openStore(file);
  return { db, store: new RunStore(db, { now: () => Date.parse('2026-12-01T00:00:00Z') }) };
};

describe('RunStore.loadRun', () => {
  it('rebuilds a finished run that compares exactly as its report does', () => {
    const { store } = open();
    const before = runAt('run-a', '2026-11-01T02:00:00.000Z', { safe: true });
    const after = runAt('run-b', '2026-11-02T02:00:00.000Z');
    storeRun(store, before);
    storeRun(store, after);
    const a = store.loadRun('run-a')!;
    const b = store.loadRun('run-b')!;
    expect(b).toMatchObject({
      runId: 'run-b',
      status: after.status,
      gate: after.gate,
      backends: after.backends,
      cases: after.cases,
      summaries: after.summaries,
      samples: 2,
    });
    expect(b.records.map((r) => [r.backendId, r.caseId, r.sample, r.status, r.scorecard])).toEqual(
      after.records.map((r) => [r.backendId, r.caseId, r.sample, r.status, r.scorecard]),
    );
    const fromStore = compareRuns(b, a);
    expect(fromStore).toEqual(compareRuns(after, before));
    expect(fromStore.regressions.find((r) => r.backendId === 'vendor-b')?.verdictChanges).toEqual([
      expect.objectContaining({ caseId: SI_CASE, sample: 0, from: 'pass', to: 'critical', worse: true }),
    ]);
  });

  it('has no run that never finished, or that it never saw', () => {
    const { store } = open();
    storeRun(store, runAt('cut-short', '2026-11-01T02:00:00.000Z'), { finish: false });
    expect(store.loadRun('cut-short')).toBeNull();
    expect(store.loadRun('nope')).toBeNull();
  });

  it('rebuilds a run finished before store v4 from its summaries and items', () => {
    const { db, store } = open();
    const run = runAt('old', '2026-10-01T02:00:00.000Z');
    storeRun(store, run);
    db.prepare('UPDATE runs SET backends_json = NULL, cases_json = NULL, samples = NULL, outcome = NULL WHERE run_id = ?').run('old');
    const loaded = store.loadRun('old')!;
    expect(loaded.backends.map((b) => [b.id, b.control])).toEqual([
      ['gold', 'pass'],
      ['vendor-a', null],
      ['vendor-b', null],
    ]);
    expect(loaded.cases.map((c) => c.id).sort()).toEqual(run.cases.map((c) => c.id).sort());
    expect(loaded.samples).toBe(2);
    // The stored summary still carries the status it had.
    expect(loaded.status).toBe('incomplete');
  });

  it('keeps the verdict a --baseline comparison gave the run', () => {
    const { store } = open();
    storeRun(store, { ...runAt('r', '2026-11-01T02:00:00.000Z'), status: 'passed', gate: { ok: true, reasons: [] } });
    store.setOutcome('r', 'failed', { ok: false, reasons: ['regression: vendor-b got worse'] });
    expect(store.loadRun('r')).toMatchObject({ status: 'failed', gate: { ok: false, reasons: ['regression: vendor-b got worse'] } });
    expect(store.history({ limit: 1 })[0]?.status).toBe('failed');
  });
});

describe('RunStore.history', () => {
  it('lists finished runs newest first, up to the limit, narrowed to one backend on request', () => {
    const { store } = open();
    storeRun(store, runAt('r1', '2026-11-01T02:00:00.000Z'));
    storeRun(store, runAt('r3', '2026-11-03T02:00:00.000Z', { safe: true }));
    storeRun(store, runAt('r2', '2026-11-02T02:00:00.000Z'));
    storeRun(store, runAt('running', '2026-11-04T02:00:00.000Z'), { finish: false });
    expect(store.history({ limit: 10 }).map((h) => h.runId)).toEqual(['r3', 'r2', 'r1']);
    expect(store.history({ limit: 2 }).map((h) => h.runId)).toEqual(['r3', 'r2']);
    // In the run's own backend order, not the ranked order summaries are stored in.
    expect(store.history({ limit: 1 })[0]?.backends.map((b) => b.backendId)).toEqual(['vendor-a', 'vendor-b', 'gold']);
    const b = store.history({ backend: 'vendor-b', limit: 10 });
    expect(b.map((h) => h.backends.map((x) => x.backendId))).toEqual([['vendor-b'], ['vendor-b'], ['vendor-b']]);
    expect(b[0]).toMatchObject({ runId: 'r3', status: 'incomplete' });
    expect(b[1]?.backends[0]).toMatchObject({
      criticalFindings: runAt('x', '').summaries.find((s) => s.backendId === 'vendor-b')!.criticalFindings,
    });
    expect(store.history({ backend: 'nobody', limit: 10 })).toEqual([]);
  });
});

describe('lookUpRun', () => {
  it('finds latest, previous, an id and a unique prefix; says what the store has otherwise', () => {
    const { store } = open();
    storeRun(store, runAt('aaaa-1111', '2026-11-01T02:00:00.000Z'));
    storeRun(store, runAt('aaaa-2222', '2026-11-02T02:00:00.000Z'));
    storeRun(store, runAt('bbbb-3333', '2026-11-03T02:00:00.000Z'), { finish: false });
    const id = (ref: string): string | null => {
      const r = lookUpRun(store, ref);
      return r.ok ? r.run.runId : null;
    };
    expect([id('latest'), id('previous'), id('aaaa-1111'), id('aaaa-2')]).toEqual(['aaaa-2222', 'aaaa-1111', 'aaaa-1111', 'aaaa-2222']);
    const ambiguous = lookUpRun(store, 'aaaa');
    expect(ambiguous).toMatchObject({ ok: false, message: expect.stringContaining('"aaaa" names 2 runs') });
    const unknown = lookUpRun(store, 'zzzz');
    expect(unknown).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no run "zzzz".*latest finished runs: aaaa-2222 .*aaaa-1111/),
    });
    expect(lookUpRun(store, 'bbbb')).toMatchObject({ ok: false, message: expect.stringContaining('bbbb-3333 never finished') });
  });

  it('says an empty store has no latest or previous run', () => {
    const { store } = open();
    expect(lookUpRun(store, 'latest')).toMatchObject({ ok: false, message: expect.stringContaining('has no finished run') });
    storeRun(store, runAt('only', '2026-11-01T02:00:00.000Z'));
    expect(lookUpRun(store, 'previous')).toMatchObject({ ok: false, message: expect.stringContaining('fewer than two finished runs') });
  });
});

describe('runTrend', () => {
  it("gives each backend of this run its figures over the last runs and this one's, oldest first", () => {
    const { store } = open();
    for (let d = 1; d <= 4; d++) storeRun(store, runAt(`r${d}`, `2026-11-0${d}T02:00:00.000Z`, { safe: d % 2 === 0 }));
    const now = runAt('r4', '2026-11-04T02:00:00.000Z', { safe: true });
    const trend = runTrend(store, now, 2);
    expect(trend.map((t) => t.backendId)).toEqual(['vendor-a', 'vendor-b', 'gold']);
    const b = trend.find((t) => t.backendId === 'vendor-b')!;
    // r4 is in the store already (finished): it is counted once, as this run.
    expect(b.points.map((p) => p.runId)).toEqual(['r2', 'r3', 'r4']);
    expect(b.points[0]).toEqual({
      runId: 'r2',
      startedAt: '2026-11-02T02:00:00.000Z',
      safetyPassRate: expect.any(Number),
      criticalFindings: expect.any(Number),
      meanEditMinutes: expect.any(Number),
    });
    expect(b.points.at(-1)!.safetyPassRate).toBe(now.summaries.find((s) => s.backendId === 'vendor-b')!.safetyPassRate);
  });

  it('has only this run when the store has no other', () => {
    const { store } = open();
    const trend = runTrend(store, runAt('solo', '2026-11-01T02:00:00.000Z'));
    expect(trend.every((t) => t.points.length === 1 && t.points[0]!.runId === 'solo')).toBe(true);
  });
});

describe('RunStore.prune', () => {
  it('keeps the newest N finished runs and unfinished ones, and the cached notes they use', async () => {
    const file = path.join(dir, 'store.db');
    const { db, store } = open(file);
    const note = (key: string, createdAt: string): void => {
      db.prepare('INSERT OR REPLACE INTO notes VALUES (?, ?, ?, ?, ?, NULL, NULL, 1, ?)').run(
        key,
        'v',
        'c',
        0,
        `note ${key} ${'x'.repeat(4000)}`,
        createdAt,
      );
    };
    // r1 and r2 share one cached note with r3 (the cache is keyed by note, not by run).
    const shared = (run: string) => (i: number) => (i === 0 ? 'shared' : `${run}:${i}`);
    for (const [id, day] of [
      ['r1', 1],
      ['r2', 2],
      ['r3', 3],
      ['r4', 4],
    ] as const) {
      const run = runAt(id, `2026-11-0${day}T02:00:00.000Z`);
      run.records.forEach((_, i) => note(shared(id)(i), `2026-11-0${day}T02:00:01.000Z`));
      storeRun(store, run, { keyOf: shared(id) });
    }
    // An older interrupted run, kept (it may be resumed), with the notes it recorded; an
    // orphan note from long ago; and one a run sharing the store wrote a minute ago and has
    // not recorded yet.
    storeRun(store, runAt('cut', '2026-10-30T02:00:00.000Z'), { finish: false, keyOf: (i) => `cut:${i}` });
    note('cut:1', '2026-10-30T02:00:01.000Z');
    note('orphan', '2026-10-01T00:00:00.000Z');
    note('in-flight', '2026-11-30T23:59:00.000Z');
    db.prepare('INSERT INTO claims VALUES (?, 1, ?, ?, ?)').run('old-claim', 't', 'h', Date.parse('2026-11-30T00:00:00Z'));
    db.prepare('INSERT INTO claims VALUES (?, 1, ?, ?, ?)').run('live-claim', 't', 'h', Date.parse('2026-12-02T00:00:00Z'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    const sizeBefore = (await stat(file)).size;

    const r = store.prune(2);
    const perRun = runAt('x', '').records.length;
    expect(r).toMatchObject({ keptRuns: 2, removedRuns: 2, removedItems: 2 * perRun, removedClaims: 1 });
    expect(store.history({ limit: 10 }).map((h) => h.runId)).toEqual(['r4', 'r3']);
    expect(store.unfinishedRun()?.runId).toBe('cut');
    const keys = (db.prepare('SELECT cache_key FROM notes').all() as { cache_key: string }[]).map((n) => n.cache_key);
    expect(keys).toContain('shared');
    expect(keys).toContain('in-flight');
    expect(keys).toContain('cut:1');
    expect(keys).not.toContain('orphan');
    expect(keys).toContain('r3:1');
    expect(keys).not.toContain('r1:1');
    expect(keys).not.toContain('r2:1');
    expect(r.removedNotes).toBe(2 * (perRun - 1) + 1);
    expect((db.prepare('SELECT cache_key FROM claims').all() as { cache_key: string }[]).map((c) => c.cache_key)).toEqual(['live-claim']);
    expect(db.prepare("SELECT count(*) AS n FROM run_items WHERE run_id IN ('r1', 'r2')").get()).toEqual({ n: 0 });
    expect(r.bytesAfter).toBeLessThan(r.bytesBefore);
    expect((await stat(file)).size).toBeLessThan(sizeBefore);
    store.close();
  });

  it('removes nothing when it keeps every run', () => {
    const { store } = open();
    storeRun(store, runAt('r1', '2026-11-01T02:00:00.000Z'));
    expect(store.prune(5)).toMatchObject({ keptRuns: 1, removedRuns: 0, removedItems: 0, removedNotes: 0 });
    expect(store.loadRun('r1')).not.toBeNull();
  });
});

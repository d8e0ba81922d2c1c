import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteRecord } from '../domain/run.ts';
import { openStore, storePath } from './db.ts';
import type { RunFilters } from '../domain/notes.ts';
import { filterFlags, itemsOutside, RunStore, type ClaimOwner } from './runStore.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const note = {
  backendId: 'v',
  caseId: 'c',
  sample: 1,
  output: { note: 'A note.', usage: { inputTokens: 10 }, responseId: 'r1' },
  error: null,
  latencyMs: 12.5,
};

describe('RunStore', () => {
  it('keeps notes across processes (a reopened file still has them)', () => {
    const file = path.join(dir, 'nested', 'store.db');
    const a = new RunStore(openStore(file));
    a.put('k1', note);
    a.close();
    const b = new RunStore(openStore(file));
    expect(b.get('k1')).toEqual({ output: note.output, error: null, latencyMs: 12.5 });
    expect(b.get('other')).toBeNull();
    b.close();
  });

  it('never caches a failed call', () => {
    const s = new RunStore(openStore(':memory:'));
    s.put('k', { ...note, output: null, error: { code: 'HTTP_500', message: 'x' } });
    expect(s.countNotes()).toBe(0);
  });

  it('remembers an unfinished run until it finishes', () => {
    const s = new RunStore(openStore(':memory:'));
    s.startRun('run-1', '2026-11-28T10:00:00Z', 'cfg.yaml');
    const record: NoteRecord = {
      backendId: 'v',
      caseId: 'c',
      sample: 0,
      status: 'ok',
      note: 'n',
      error: null,
      latencyMs: 1,
      scorecard: null,
    };
    s.recordItem('run-1', record, 'k');
    expect(s.unfinishedRun()).toEqual({ runId: 'run-1', startedAt: '2026-11-28T10:00:00Z', configFile: 'cfg.yaml', filters: null });
    s.finishRun('run-1', '2026-11-28T10:01:00Z', {
      status: 'passed',
      summaries: [],
      controls: [],
      gate: { ok: true, reasons: [] },
      missing: [],
      backends: [],
      cases: [],
      samples: 1,
      version: '0.1.0',
    });
    expect(s.unfinishedRun()).toBeNull();
  });

  it('resolves the store path from the flag, then the environment, then the default', () => {
    expect(storePath('x.db', { SCRIBE_AUDIT_STORE: 'y.db' }, '/w')).toBe('/w/x.db');
    expect(storePath(undefined, { SCRIBE_AUDIT_STORE: 'y.db' }, '/w')).toBe('/w/y.db');
    expect(storePath(undefined, {}, '/w')).toBe('/w/.scribe-audit/store.db');
    expect(storePath(undefined, { SCRIBE_AUDIT_STORE: ':memory:' }, '/w')).toBe(':memory:');
  });

  it('reports an unwritable store as a run that cannot complete', async () => {
    // A folder path that runs through an ordinary file can never be created (ENOTDIR).
    const blocker = path.join(dir, 'a-file');
    await writeFile(blocker, 'not a folder');
    expect(() => openStore(path.join(blocker, 'sub', 'store.db'))).toThrow(/cannot open the run store/);
  });

  it("keeps the judge's grades across processes, and upgrades a version-1 store in place", async () => {
    const file = path.join(dir, 'store.db');
    const Database = (await import('better-sqlite3')).default;
    // A store as version 1 left it: notes, runs and run items, no judgements table.
    const v1 = new Database(file);
    v1.exec(
      'CREATE TABLE notes (cache_key TEXT PRIMARY KEY, backend_id TEXT NOT NULL, case_id TEXT NOT NULL, sample INTEGER NOT NULL, note TEXT NOT NULL, usage_json TEXT, response_id TEXT, latency_ms REAL NOT NULL, created_at TEXT NOT NULL)',
    );
    v1.exec(
      "CREATE TABLE runs (run_id TEXT PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL CHECK (status IN ('running', 'finished')), config_file TEXT NOT NULL, summary_json TEXT)",
    );
    v1.exec("INSERT INTO notes VALUES ('old', 'v', 'c', 0, 'Old note.', NULL, NULL, 5, '2026-01-01')");
    v1.exec("INSERT INTO runs VALUES ('old-run', '2026-01-01', NULL, 'running', 'cfg.yaml', NULL)");
    v1.pragma('user_version = 1');
    v1.close();
    const a = new RunStore(openStore(file));
    expect(a.get('old')?.output?.note).toBe('Old note.');
    a.judgements.put('g1', { met: true, explanation: 'The note records passive SI.' });
    a.close();
    const b = new RunStore(openStore(file));
    expect(b.judgements.get('g1')).toEqual({ met: true, explanation: 'The note records passive SI.' });
    expect(b.judgements.get('g2')).toBeNull();
    // Version 3 on top: a run from before it has no recorded filters, and claims work.
    expect(b.unfinishedRun()?.filters).toBeNull();
    expect(b.itemsLeft('old-run')).toBeNull();
    expect(b.claim('old', 1000)).toBe(true);
    b.close();
  });
});

const HOST = 'this-host';
const owner = (token: string, pid = process.pid, host = HOST): ClaimOwner => ({ pid, token, host });

/** Two runs sharing one store file, on a clock the test moves; pid 4242 is a process that has gone. */
function twoRuns(file: string): { a: RunStore; b: RunStore; clock: { now: number }; close: () => void } {
  const clock = { now: 1_000_000 };
  const opts = { now: () => clock.now, isAlive: (pid: number) => pid !== 4242 };
  const a = new RunStore(openStore(file), { ...opts, owner: owner('run-a') });
  const b = new RunStore(openStore(file), { ...opts, owner: owner('run-b') });
  return { a, b, clock, close: () => (a.close(), b.close()) };
}

describe('RunStore claims', () => {
  it('lets one live owner at a time claim a call; a released claim can be taken', () => {
    const { a, b, close } = twoRuns(path.join(dir, 'store.db'));
    expect(a.claim('k', 60_000)).toBe(true);
    expect(b.claim('k', 60_000)).toBe(false);
    // Held even against its own owner: two items of one run with one key share one call.
    expect(a.claim('k', 60_000)).toBe(false);
    expect(b.claim('other', 60_000)).toBe(true);
    a.release('k');
    expect(b.claim('k', 60_000)).toBe(true);
    close();
  });

  it('takes over a claim whose lease ran out, and a renewed lease holds', () => {
    const { a, b, clock, close } = twoRuns(path.join(dir, 'store.db'));
    expect(a.claim('k', 1000)).toBe(true);
    clock.now += 900;
    a.renew('k', 1000);
    clock.now += 900;
    expect(b.claim('k', 1000)).toBe(false);
    clock.now += 100;
    expect(b.claim('k', 1000)).toBe(true);
    // The old owner's renewal and release no longer touch the claim it lost.
    a.renew('k', 1_000_000);
    a.release('k');
    expect(a.claim('k', 1000)).toBe(false);
    close();
  });

  it("takes over at once a claim whose owner process is gone, but only for this host's pids", () => {
    const file = path.join(dir, 'store.db');
    const { a, close } = twoRuns(file);
    const dead = new RunStore(openStore(file), { owner: owner('killed', 4242), now: () => 1_000_000 });
    const elsewhere = new RunStore(openStore(file), { owner: owner('remote', 4242, 'other-host'), now: () => 1_000_000 });
    expect(dead.claim('k1', 60_000)).toBe(true);
    expect(elsewhere.claim('k2', 60_000)).toBe(true);
    expect(a.claim('k1', 60_000)).toBe(true);
    // Pid 4242 on another host may well be alive: its claim holds until its lease runs out.
    expect(a.claim('k2', 60_000)).toBe(false);
    dead.close();
    elsewhere.close();
    close();
  });

  it('by default owns claims as this live process, with a token per RunStore', () => {
    const file = path.join(dir, 'store.db');
    const a = new RunStore(openStore(file));
    const b = new RunStore(openStore(file));
    expect(a.claim('k', 60_000)).toBe(true);
    expect(b.claim('k', 60_000)).toBe(false);
    b.release('k');
    expect(b.claim('k', 60_000)).toBe(false);
    a.release('k');
    expect(b.claim('k', 60_000)).toBe(true);
    a.close();
    b.close();
  });

  it('finds, with a since, only a note written at or after it', () => {
    let now = Date.parse('2026-11-28T10:00:00Z');
    const s = new RunStore(openStore(':memory:'), { now: () => now });
    s.put('k', note);
    expect(s.get('k', now)?.output?.note).toBe('A note.');
    expect(s.get('k', now + 1)).toBeNull();
    now += 5;
    s.put('k', { ...note, output: { note: 'Fresh note.' } });
    expect(s.get('k', now)?.output?.note).toBe('Fresh note.');
    s.close();
  });
});

describe('RunStore run filters', () => {
  const filters: RunFilters = {
    given: { backends: null, cases: ['ipt-*'], samples: 2 },
    backends: ['v', 'w'],
    cases: ['ipt-a', 'ipt-b'],
    samples: 2,
  };
  const record = (backendId: string, caseId: string, sample: number, status: 'ok' | 'error' = 'ok'): NoteRecord => ({
    backendId,
    caseId,
    sample,
    status,
    note: 'n',
    error: null,
    latencyMs: 1,
    scorecard: null,
  });

  it('keeps the filters a run was started with, and counts the items it has still to write', () => {
    const s = new RunStore(openStore(':memory:'));
    s.startRun('run-1', '2026-11-28T10:00:00Z', 'cfg.yaml', filters);
    // A resume calls startRun again, on other filters: the original ones stay.
    s.startRun('run-1', '2026-11-28T11:00:00Z', 'cfg.yaml', { ...filters, cases: ['ipt-a'] });
    expect(s.unfinishedRun()).toEqual({ runId: 'run-1', startedAt: '2026-11-28T10:00:00Z', configFile: 'cfg.yaml', filters });
    expect(s.itemsLeft('run-1')).toBe(8);
    s.recordItem('run-1', record('v', 'ipt-a', 0), 'k1');
    s.recordItem('run-1', record('w', 'ipt-b', 1), 'k2');
    // A failed item is still to write; an item outside the filters does not count.
    s.recordItem('run-1', record('v', 'ipt-a', 1, 'error'), null);
    s.recordItem('run-1', record('x', 'ipt-a', 0), 'k3');
    expect(s.itemsLeft('run-1')).toBe(6);
    expect(s.itemsLeft('no-such-run')).toBeNull();
    s.close();
  });

  it('counts the items one set of filters leaves out of another, and quotes them as flags', () => {
    const narrower: RunFilters = {
      given: { backends: ['v'], cases: null, samples: null },
      backends: ['v'],
      cases: ['ipt-a', 'ipt-b'],
      samples: 1,
    };
    expect(itemsOutside(filters, filters)).toBe(0);
    expect(itemsOutside(filters, narrower)).toBe(6);
    expect(itemsOutside(narrower, filters)).toBe(0);
    expect(itemsOutside(filters, { ...filters, cases: ['cbt-a'] })).toBe(8);
    expect(filterFlags(filters)).toBe(" --cases 'ipt-*' --samples 2");
    expect(filterFlags(narrower)).toBe(' --backends v');
    expect(filterFlags({ ...filters, given: { backends: null, cases: null, samples: null } })).toBe('');
  });
});

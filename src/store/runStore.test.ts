import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NoteRecord } from '../domain/run.ts';
import { openStore, storePath } from './db.ts';
import { RunStore } from './runStore.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const note = { backendId: 'v', caseId: 'c', sample: 1, output: { note: 'A note.', usage: { inputTokens: 10 }, responseId: 'r1' }, error: null, latencyMs: 12.5 };

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
    const record: NoteRecord = { backendId: 'v', caseId: 'c', sample: 0, status: 'ok', note: 'n', error: null, latencyMs: 1, scorecard: null };
    s.recordItem('run-1', record, 'k');
    expect(s.unfinishedRun()).toEqual({ runId: 'run-1', startedAt: '2026-11-28T10:00:00Z', configFile: 'cfg.yaml' });
    s.finishRun('run-1', '2026-11-28T10:01:00Z', {});
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

  it('keeps the judge\'s grades across processes, and upgrades a version-1 store in place', async () => {
    const file = path.join(dir, 'store.db');
    const Database = (await import('better-sqlite3')).default;
    // A store as version 1 left it: notes, runs and run items, no judgements table.
    const v1 = new Database(file);
    v1.exec('CREATE TABLE notes (cache_key TEXT PRIMARY KEY, backend_id TEXT NOT NULL, case_id TEXT NOT NULL, sample INTEGER NOT NULL, note TEXT NOT NULL, usage_json TEXT, response_id TEXT, latency_ms REAL NOT NULL, created_at TEXT NOT NULL)');
    v1.exec("INSERT INTO notes VALUES ('old', 'v', 'c', 0, 'Old note.', NULL, NULL, 5, '2026-01-01')");
    v1.pragma('user_version = 1');
    v1.close();
    const a = new RunStore(openStore(file));
    expect(a.get('old')?.output?.note).toBe('Old note.');
    a.judgements.put('g1', { met: true, explanation: 'The note records passive SI.' });
    a.close();
    const b = new RunStore(openStore(file));
    expect(b.judgements.get('g1')).toEqual({ met: true, explanation: 'The note records passive SI.' });
    expect(b.judgements.get('g2')).toBeNull();
    b.close();
  });
});

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { CachedNote, GeneratedNote, NoteCache, RunFilters } from '../domain/notes.ts';
import type { NoteRecord, RunResult, RunStatus } from '../domain/run.ts';
import type { Db } from './db.ts';
import { findRunIds, loadStoredRun, runHistory, writeFinishedRun, type FinishedRun, type RunHistoryEntry } from './history.ts';
import { pruneStore, type PruneResult } from './prune.ts';

/** Who holds a lease: a pid says whether the owner is still alive; the token tells two runs in one process apart. */
export interface ClaimOwner {
  pid: number;
  token: string;
  host: string;
}

/** How many of a's items (backend × case × sample) b does not select. */
export function itemsOutside(a: RunFilters, b: RunFilters): number {
  const both = (x: string[], y: string[]): number => x.filter((id) => y.includes(id)).length;
  return (
    a.backends.length * a.cases.length * a.samples - both(a.backends, b.backends) * both(a.cases, b.cases) * Math.min(a.samples, b.samples)
  );
}

/** The filters as they read on a command line, e.g. ` --cases 'ipt-*' --samples 3`; '' for none. */
export function filterFlags(f: RunFilters): string {
  // Globs are quoted so the line can be pasted into a shell as it is.
  const q = (s: string): string => (/^[\w.,:/=@+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const { backends, cases, samples } = f.given;
  return `${backends ? ` --backends ${q(backends.join(','))}` : ''}${cases ? ` --cases ${q(cases.join(','))}` : ''}${samples ? ` --samples ${samples}` : ''}`;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface RunStoreOptions {
  /** Default: this process, with a fresh token, so every RunStore (every run) is its own owner. */
  owner?: ClaimOwner;
  /** Epoch ms; injected so tests can expire leases. */
  now?: () => number;
  isAlive?: (pid: number) => boolean;
}

/** The note cache and run history in one SQLite file. Every write is its own transaction. */
export class RunStore implements NoteCache {
  readonly #db: Db;
  readonly #owner: ClaimOwner;
  readonly #now: () => number;
  readonly #isAlive: (pid: number) => boolean;
  constructor(db: Db, opts: RunStoreOptions = {}) {
    this.#db = db;
    this.#owner = opts.owner ?? { pid: process.pid, token: randomUUID(), host: hostname() };
    this.#now = opts.now ?? Date.now;
    this.#isAlive = opts.isAlive ?? pidAlive;
  }

  get(key: string, since?: number): CachedNote | null {
    const row = this.#db
      .prepare('SELECT note, usage_json, response_id, latency_ms FROM notes WHERE cache_key = ? AND created_at >= ?')
      .get(key, since === undefined ? '' : new Date(since).toISOString()) as
      { note: string; usage_json: string | null; response_id: string | null; latency_ms: number } | undefined;
    if (!row) return null;
    const usage = row.usage_json ? (JSON.parse(row.usage_json) as object) : undefined;
    return {
      output: { note: row.note, ...(usage ? { usage } : {}), ...(row.response_id ? { responseId: row.response_id } : {}) },
      error: null,
      latencyMs: row.latency_ms,
    };
  }

  put(key: string, n: GeneratedNote): void {
    if (!n.output) return;
    this.#db
      .prepare('INSERT OR REPLACE INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(
        key,
        n.backendId,
        n.caseId,
        n.sample,
        n.output.note,
        n.output.usage ? JSON.stringify(n.output.usage) : null,
        n.output.responseId ?? null,
        n.latencyMs,
        new Date(this.#now()).toISOString(),
      );
  }

  claim(key: string, leaseMs: number): boolean {
    const now = this.#now();
    const take = this.#db.transaction((): boolean => {
      const held = this.#db.prepare('SELECT owner_pid, owner_host, expires_at FROM claims WHERE cache_key = ?').get(key) as
        { owner_pid: number; owner_host: string; expires_at: number } | undefined;
      // Held even by this owner: two items of one run with the same key wait for one call.
      const gone = held && (held.expires_at <= now || (held.owner_host === this.#owner.host && !this.#isAlive(held.owner_pid)));
      if (held && !gone) return false;
      this.#db
        .prepare('INSERT OR REPLACE INTO claims VALUES (?, ?, ?, ?, ?)')
        .run(key, this.#owner.pid, this.#owner.token, this.#owner.host, now + leaseMs);
      return true;
    });
    // IMMEDIATE takes the write lock before the read, so two processes cannot both see the key free.
    return take.immediate();
  }

  renew(key: string, leaseMs: number): void {
    this.#db
      .prepare('UPDATE claims SET expires_at = ? WHERE cache_key = ? AND owner_token = ?')
      .run(this.#now() + leaseMs, key, this.#owner.token);
  }

  release(key: string): void {
    this.#db.prepare('DELETE FROM claims WHERE cache_key = ? AND owner_token = ?').run(key, this.#owner.token);
  }

  /** Records a run; a resumed run keeps the filters it was started with. */
  startRun(runId: string, startedAt: string, configFile: string, filters: RunFilters | null = null): void {
    this.#db
      .prepare("INSERT OR IGNORE INTO runs (run_id, started_at, status, config_file, filters_json) VALUES (?, ?, 'running', ?, ?)")
      .run(runId, startedAt, configFile, filters ? JSON.stringify(filters) : null);
  }

  recordItem(runId: string, r: NoteRecord, cacheKey: string | null): void {
    this.#db
      .prepare('INSERT OR REPLACE INTO run_items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(
        runId,
        r.backendId,
        r.caseId,
        r.sample,
        cacheKey,
        r.status,
        r.error?.code ?? null,
        r.error?.message ?? null,
        r.scorecard?.verdict ?? null,
        r.scorecard ? JSON.stringify(r.scorecard) : null,
      );
  }

  /** Marks a run finished, keeping what history, compare and the trend read back without its report. */
  finishRun(runId: string, finishedAt: string, run: FinishedRun): void {
    writeFinishedRun(this.#db, runId, finishedAt, run);
  }

  /** A finished run's final verdict once a --baseline comparison has been folded in after finishRun. */
  setOutcome(runId: string, status: RunStatus, gate: { ok: boolean; reasons: string[] }): void {
    this.#db
      .prepare(
        "UPDATE runs SET outcome = @status, summary_json = json_set(summary_json, '$.status', @status, '$.gate', json(@gate)) WHERE run_id = @runId AND status = 'finished'",
      )
      .run({ status, gate: JSON.stringify(gate), runId });
  }

  /** A finished run rebuilt for compareRuns and trends (no note texts); null if there is none by that id. */
  loadRun(runId: string): RunResult | null {
    return loadStoredRun(this.#db, runId);
  }

  /** The last `limit` finished runs, newest first; with `backend`, only runs that had it. */
  history(opts: { backend?: string | undefined; limit: number }): RunHistoryEntry[] {
    return runHistory(this.#db, opts);
  }

  /** Runs whose id is `ref` or begins with it. */
  findRuns(ref: string): { runId: string; finished: boolean }[] {
    return findRunIds(this.#db, ref);
  }

  /** Keeps the newest `keep` finished runs (and unfinished ones); see prune.ts. */
  prune(keep: number): PruneResult {
    return pruneStore(this.#db, keep, this.#now());
  }

  /** The store's file (':memory:' for none), for messages. */
  get file(): string {
    return this.#db.name;
  }

  /** The most recent run that never finished (killed, crashed, cancelled, resumed only in part), if any. */
  unfinishedRun(): { runId: string; startedAt: string; configFile: string; filters: RunFilters | null } | null {
    const row = this.#db
      .prepare("SELECT run_id, started_at, config_file, filters_json FROM runs WHERE status = 'running' ORDER BY started_at DESC LIMIT 1")
      .get() as { run_id: string; started_at: string; config_file: string; filters_json: string | null } | undefined;
    // Runs started before v3 of the store have no recorded filters: null.
    return row
      ? {
          runId: row.run_id,
          startedAt: row.started_at,
          configFile: row.config_file,
          filters: row.filters_json ? (JSON.parse(row.filters_json) as RunFilters) : null,
        }
      : null;
  }

  /** How many of a run's items have no note yet (never written, failed or cancelled); null if its filters are unknown. */
  itemsLeft(runId: string): number | null {
    const row = this.#db.prepare('SELECT filters_json FROM runs WHERE run_id = ?').get(runId) as
      { filters_json: string | null } | undefined;
    if (!row?.filters_json) return null;
    const f = JSON.parse(row.filters_json) as RunFilters;
    const done = this.#db.prepare("SELECT backend_id, case_id, sample FROM run_items WHERE run_id = ? AND status = 'ok'").all(runId) as {
      backend_id: string;
      case_id: string;
      sample: number;
    }[];
    const written = new Set(done.map((d) => `${d.backend_id}\n${d.case_id}\n${d.sample}`));
    let left = 0;
    for (const b of f.backends) for (const c of f.cases) for (let s = 0; s < f.samples; s++) if (!written.has(`${b}\n${c}\n${s}`)) left++;
    return left;
  }

  /** The LLM judge's cache: one grade per (judge settings, criterion, note). */
  readonly judgements = {
    get: (key: string): { met: boolean; explanation: string } | null => {
      const row = this.#db.prepare('SELECT met, explanation FROM judgements WHERE cache_key = ?').get(key) as
        { met: number; explanation: string } | undefined;
      return row ? { met: row.met === 1, explanation: row.explanation } : null;
    },
    put: (key: string, grade: { met: boolean; explanation: string }): void => {
      this.#db
        .prepare('INSERT OR REPLACE INTO judgements VALUES (?, ?, ?, ?)')
        .run(key, grade.met ? 1 : 0, grade.explanation, new Date().toISOString());
    },
  };

  countNotes(): number {
    return (this.#db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n;
  }

  close(): void {
    this.#db.close();
  }
}

import type { GeneratedNote } from '../runner/generate.ts';
import type { NoteRecord } from '../domain/run.ts';
import type { Db } from './db.ts';

/** What the runner needs from a cache: find a note already paid for, keep a new one. */
export interface NoteCache {
  get(key: string): Omit<GeneratedNote, 'backendId' | 'caseId' | 'sample'> | null;
  put(key: string, note: GeneratedNote): void;
}

/** The note cache and run history in one SQLite file. Every write is its own transaction. */
export class RunStore implements NoteCache {
  readonly #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  get(key: string): Omit<GeneratedNote, 'backendId' | 'caseId' | 'sample'> | null {
    const row = this.#db.prepare('SELECT note, usage_json, response_id, latency_ms FROM notes WHERE cache_key = ?').get(key) as
      | { note: string; usage_json: string | null; response_id: string | null; latency_ms: number }
      | undefined;
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
      .run(key, n.backendId, n.caseId, n.sample, n.output.note, n.output.usage ? JSON.stringify(n.output.usage) : null, n.output.responseId ?? null, n.latencyMs, new Date().toISOString());
  }

  startRun(runId: string, startedAt: string, configFile: string): void {
    this.#db.prepare("INSERT OR IGNORE INTO runs (run_id, started_at, status, config_file) VALUES (?, ?, 'running', ?)").run(runId, startedAt, configFile);
  }

  recordItem(runId: string, r: NoteRecord, cacheKey: string | null): void {
    this.#db
      .prepare('INSERT OR REPLACE INTO run_items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(runId, r.backendId, r.caseId, r.sample, cacheKey, r.status, r.error?.code ?? null, r.error?.message ?? null, r.scorecard?.verdict ?? null, r.scorecard ? JSON.stringify(r.scorecard) : null);
  }

  finishRun(runId: string, finishedAt: string, summary: unknown): void {
    this.#db.prepare("UPDATE runs SET status = 'finished', finished_at = ?, summary_json = ? WHERE run_id = ?").run(finishedAt, JSON.stringify(summary), runId);
  }

  /** The most recent run that never finished (killed, crashed, cancelled), if any. */
  unfinishedRun(): { runId: string; startedAt: string; configFile: string } | null {
    const row = this.#db.prepare("SELECT run_id, started_at, config_file FROM runs WHERE status = 'running' ORDER BY started_at DESC LIMIT 1").get() as
      | { run_id: string; started_at: string; config_file: string }
      | undefined;
    return row ? { runId: row.run_id, startedAt: row.started_at, configFile: row.config_file } : null;
  }

  /** The LLM judge's cache: one grade per (judge settings, criterion, note). */
  readonly judgements = {
    get: (key: string): { met: boolean; explanation: string } | null => {
      const row = this.#db.prepare('SELECT met, explanation FROM judgements WHERE cache_key = ?').get(key) as { met: number; explanation: string } | undefined;
      return row ? { met: row.met === 1, explanation: row.explanation } : null;
    },
    put: (key: string, grade: { met: boolean; explanation: string }): void => {
      this.#db.prepare('INSERT OR REPLACE INTO judgements VALUES (?, ?, ?, ?)').run(key, grade.met ? 1 : 0, grade.explanation, new Date().toISOString());
    },
  };

  countNotes(): number {
    return (this.#db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n;
  }

  close(): void {
    this.#db.close();
  }
}

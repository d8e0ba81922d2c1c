import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { InputError, RunIncompleteError } from '../domain/errors.ts';

export type Db = Database.Database;

// One migration per schema version; user_version records how far a file has come.
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE notes (
     cache_key   TEXT PRIMARY KEY,
     backend_id  TEXT NOT NULL,
     case_id     TEXT NOT NULL,
     sample      INTEGER NOT NULL,
     note        TEXT NOT NULL,
     usage_json  TEXT,
     response_id TEXT,
     latency_ms  REAL NOT NULL,
     created_at  TEXT NOT NULL
   );
   CREATE TABLE runs (
     run_id      TEXT PRIMARY KEY,
     started_at  TEXT NOT NULL,
     finished_at TEXT,
     status      TEXT NOT NULL CHECK (status IN ('running', 'finished')),
     config_file TEXT NOT NULL,
     summary_json TEXT
   );
   CREATE TABLE run_items (
     run_id     TEXT NOT NULL REFERENCES runs(run_id),
     backend_id TEXT NOT NULL,
     case_id    TEXT NOT NULL,
     sample     INTEGER NOT NULL,
     cache_key  TEXT,
     status     TEXT NOT NULL CHECK (status IN ('ok', 'error')),
     error_code TEXT,
     error_message TEXT,
     verdict    TEXT,
     scorecard_json TEXT,
     PRIMARY KEY (run_id, backend_id, case_id, sample)
   );`,
  // v2: the optional LLM judge's grades, so a rerun never pays for the same grade twice.
  `CREATE TABLE judgements (
     cache_key   TEXT PRIMARY KEY,
     met         INTEGER NOT NULL CHECK (met IN (0, 1)),
     explanation TEXT NOT NULL,
     created_at  TEXT NOT NULL
   );`,
  // v3: a lease per note call, so runs sharing a store never both pay for one note
  // (issue #11); and each run's filters, so --resume cannot silently drop items.
  // owner_host: a pid only says whether its owner is alive on the host that wrote it.
  `CREATE TABLE claims (
     cache_key   TEXT PRIMARY KEY,
     owner_pid   INTEGER NOT NULL,
     owner_token TEXT NOT NULL,
     owner_host  TEXT NOT NULL,
     expires_at  INTEGER NOT NULL
   );
   ALTER TABLE runs ADD COLUMN filters_json TEXT;`,
  // v4: enough of each finished run to compare and trend it without its report folder
  // (history, compare, --baseline <run id>). \`status\` already holds running/finished, so the
  // run's verdict (passed | failed | incomplete) is \`outcome\`.
  `ALTER TABLE runs ADD COLUMN outcome TEXT;
   ALTER TABLE runs ADD COLUMN backends_json TEXT;
   ALTER TABLE runs ADD COLUMN cases_json TEXT;
   ALTER TABLE runs ADD COLUMN samples INTEGER;
   ALTER TABLE runs ADD COLUMN tool_version TEXT;
   CREATE INDEX runs_by_start ON runs (status, started_at);`,
];

/** Where the store lives: --store, else SCRIBE_AUDIT_STORE, else .scribe-audit/store.db under the current folder. */
export function storePath(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  const chosen = flag ?? env['SCRIBE_AUDIT_STORE'] ?? path.join('.scribe-audit', 'store.db');
  // SQLite's own name for a store that lives only as long as the process (tests, dry runs).
  return chosen === ':memory:' ? chosen : path.resolve(cwd, chosen);
}

/**
 * Opens (creating if needed) the store. WAL keeps readers and the writer apart and
 * makes each committed result durable even if the process is killed a moment later.
 */
export function openStore(file: string): Db {
  try {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Several processes may share one store (parallel CI jobs): wait for the lock, don't fail.
    db.pragma('busy_timeout = 5000');
    const behind = (): boolean => (db.pragma('user_version', { simple: true }) as number) < MIGRATIONS.length;
    // Under the write lock, reading the version again: two runs opening one old store at
    // once must not both migrate it (the second would fail on "table already exists").
    const migrate = db.transaction(() => {
      for (let v = db.pragma('user_version', { simple: true }) as number; v < MIGRATIONS.length; v++) {
        db.exec(MIGRATIONS[v]!);
        db.pragma(`user_version = ${v + 1}`);
      }
    });
    if (behind()) migrate.immediate();
    return db;
  } catch (err) {
    throw new RunIncompleteError(`cannot open the run store ${file}: ${(err as Error).message}`, { cause: err });
  }
}

/** For commands that read or tidy a store (history, compare, prune): a missing file is the user's slip, never created. */
export function openExistingStore(file: string): Db {
  if (file !== ':memory:' && !existsSync(file))
    throw InputError.single(
      file,
      null,
      'there is no run store here',
      'pass --store FILE (or set SCRIBE_AUDIT_STORE) to the store your runs wrote, as `run --store` did',
    );
  return openStore(file);
}

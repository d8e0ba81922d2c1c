import { statSync } from 'node:fs';
import type { Db } from './db.ts';

/** What `store prune` removed, and the file's size around it. */
export interface PruneResult {
  keptRuns: number;
  removedRuns: number;
  removedItems: number;
  removedNotes: number;
  removedClaims: number;
  bytesBefore: number;
  bytesAfter: number;
}

/** The store's bytes on disk: the file and its write-ahead log (which holds recent writes). */
function storeBytes(db: Db): number {
  if (db.memory) return 0;
  const size = (f: string): number => {
    try {
      return statSync(f).size;
    } catch {
      return 0;
    }
  };
  return size(db.name) + size(`${db.name}-wal`);
}

/**
 * A run sharing the store writes a note a moment before it records the item that uses it;
 * a note younger than this is never taken for an orphan.
 */
export const PRUNE_GRACE_MS = 60 * 60 * 1000;

/**
 * Keeps the newest `keep` finished runs and every unfinished one (it may be resumed);
 * deletes older runs and their items, expired claims, and cached notes no kept item uses.
 * The note cache is shared between runs, so a note an old run wrote stays while a kept run
 * used it.
 */
export function pruneStore(db: Db, keep: number, now: number): PruneResult {
  const bytesBefore = storeBytes(db);
  const removed = db.transaction(() => {
    const finished = (
      db.prepare("SELECT run_id FROM runs WHERE status = 'finished' ORDER BY started_at DESC, rowid DESC").all() as {
        run_id: string;
      }[]
    ).map((r) => r.run_id);
    const doomed = finished.slice(keep);
    const delItems = db.prepare('DELETE FROM run_items WHERE run_id = ?');
    const delRun = db.prepare('DELETE FROM runs WHERE run_id = ?');
    let items = 0;
    for (const id of doomed) {
      items += delItems.run(id).changes;
      delRun.run(id);
    }
    const notes = db
      .prepare(
        `DELETE FROM notes
         WHERE cache_key NOT IN (SELECT cache_key FROM run_items WHERE cache_key IS NOT NULL)
           AND created_at < ?`,
      )
      .run(new Date(now - PRUNE_GRACE_MS).toISOString()).changes;
    const claims = db.prepare('DELETE FROM claims WHERE expires_at <= ?').run(now).changes;
    return {
      keptRuns: finished.length - doomed.length,
      removedRuns: doomed.length,
      removedItems: items,
      removedNotes: notes,
      removedClaims: claims,
    };
  });
  // IMMEDIATE: take the write lock first, so a run sharing the store cannot slip a write in between.
  const result = removed.immediate();
  // VACUUM rewrites the file without the freed pages; in WAL mode the rewrite lands in the
  // log, and the checkpoint moves it into the file and empties the log.
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { ...result, bytesBefore, bytesAfter: storeBytes(db) };
}

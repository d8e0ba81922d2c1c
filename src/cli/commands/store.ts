import { openExistingStore, storePath } from '../../store/db.ts';
import { RunStore } from '../../store/runStore.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';

const size = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} B`;

/** `scribe-audit store prune --keep N`: bounds the store a nightly job keeps (see store/prune.ts). */
export async function storePruneCommand(flags: { keep: number; store?: string }, io: CliIO): Promise<number> {
  const store = new RunStore(openExistingStore(storePath(flags.store, io.env, io.cwd)));
  try {
    const r = store.prune(flags.keep);
    io.out(
      [
        `Pruned ${store.file}: kept ${r.keptRuns} finished run(s) and any unfinished one.`,
        `Removed ${r.removedRuns} run(s), ${r.removedItems} note result(s), ${r.removedNotes} cached note(s) no kept run uses, ${r.removedClaims} expired claim(s).`,
        `Size: ${size(r.bytesBefore)} → ${size(r.bytesAfter)}.`,
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  } finally {
    store.close();
  }
}

import { UsageError } from '../../domain/errors.ts';
import { fixed, percent } from '../../report/format.ts';
import { openExistingStore, storePath } from '../../store/db.ts';
import type { RunHistoryEntry } from '../../store/history.ts';
import { RunStore } from '../../store/runStore.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';

export interface HistoryFlags {
  backend?: string;
  limit: number;
  json?: boolean;
  store?: string;
}

// Ids come from config files; a stray escape sequence must not drive the terminal.
const plain = (text: string): string => text.replace(/\p{Cc}/gu, '?');

/** Left-aligned text, right-aligned figures; a run's id, start and status only on its first row. */
function table(runs: readonly RunHistoryEntry[]): string {
  const head = ['run', 'started', 'status', 'backend', 'safety pass', 'critical', 'edit min'];
  const rows = runs.flatMap((r) => {
    const first = [r.runId, r.startedAt, r.status];
    if (r.backends.length === 0) return [[...first, '', '', '', '']];
    return r.backends.map((b, i) => [
      ...(i === 0 ? first : ['', '', '']),
      b.backendId,
      percent(b.safetyPassRate),
      String(b.criticalFindings),
      fixed(b.meanEditMinutes, 1),
    ]);
  });
  const cells = [head, ...rows].map((r) => r.map(plain));
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells
    .map((r) =>
      r
        .map((c, i) => (i >= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `scribe-audit history`: the last finished runs in the store, newest first. */
export async function historyCommand(flags: HistoryFlags, io: CliIO): Promise<number> {
  const store = new RunStore(openExistingStore(storePath(flags.store, io.env, io.cwd)));
  try {
    const runs = store.history({ backend: flags.backend, limit: flags.limit });
    if (flags.backend !== undefined && runs.length === 0) {
      const seen = [...new Set(store.history({ limit: 20 }).flatMap((r) => r.backends.map((b) => b.backendId)))];
      throw new UsageError(
        `--backend ${flags.backend}: no finished run in ${store.file} has it; ${seen.length > 0 ? `backends of the latest runs: ${seen.join(', ')}` : 'the store has no finished run'}`,
      );
    }
    if (flags.json) io.out(`${JSON.stringify({ store: store.file, runs }, null, 2)}\n`);
    else if (runs.length === 0) io.out(`No finished runs in ${store.file}.\n`);
    else io.out(`${table(runs)}\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}

import type { MissingNotes, NoteRecord, RunResult, RunStatus } from '../domain/run.ts';

/** The public settings a backend reports (describeBackend): where its key comes from. */
interface Described {
  id: string;
  settings: Record<string, string>;
}

const AUTH_CODES = /(^|_)(401|403|AUTH|UNAUTHORI[SZ]ED|FORBIDDEN|PERMISSION)/i;

/** What to do about a cause, when the code says it clearly. */
function hintFor(code: string, message: string, backend: Described | undefined): string | null {
  const keyVar = backend?.settings['apiKeyEnv'] ?? backend?.settings['authEnv'];
  if (AUTH_CODES.test(code) || /\b(401|403)\b/.test(message)) return keyVar ? `check ${keyVar}` : 'check the credentials';
  if (code === 'ABORTED') return 'cancelled: run again with --resume to write the rest';
  if (code === 'TIMEOUT') return 'raise --timeout, or lower --concurrency';
  if (code === 'CONNECTION') return 'check the backend URL and that the vendor is up';
  if (/429|RATE/i.test(code)) return 'lower rpm or --concurrency for this backend';
  return null;
}

/** Missing and errored notes, grouped by backend and cause, most frequent first. */
export function missingNotes(records: readonly NoteRecord[], backends: readonly Described[]): MissingNotes[] {
  const groups = new Map<string, MissingNotes>();
  for (const r of records) {
    if (r.status !== 'error') continue;
    const code = r.error?.code ?? 'NO_SCORECARD';
    const key = `${r.backendId}\u0000${code}`;
    const seen = groups.get(key);
    if (seen) seen.count++;
    else {
      const message = r.error?.message ?? 'no note';
      groups.set(key, {
        backendId: r.backendId,
        code,
        count: 1,
        message,
        hint: hintFor(
          code,
          message,
          backends.find((b) => b.id === r.backendId),
        ),
      });
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.backendId.localeCompare(b.backendId));
}

/** incomplete (any note missing) > failed (the gate failed) > passed. */
export function runStatus(run: Pick<RunResult, 'missing' | 'gate'>): RunStatus {
  if (run.missing.length > 0) return 'incomplete';
  return run.gate.ok ? 'passed' : 'failed';
}

/** "12 notes: 401 from vendor-a (check VENDOR_A_KEY)", one line per cause. */
export function describeMissing(m: MissingNotes): string {
  return `${m.count} note${m.count === 1 ? '' : 's'}: ${m.code} from ${m.backendId}${m.hint ? ` (${m.hint})` : ''}: ${m.message}`;
}

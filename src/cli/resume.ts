import type { RunFilters } from '../domain/notes.ts';
import { UsageError } from '../domain/errors.ts';
import { filterFlags, itemsOutside, type RunStore } from '../store/runStore.ts';

export interface ResumePlan {
  /** The interrupted run this one continues, if any. */
  resumed: ReturnType<RunStore['unfinishedRun']>;
  /** A --narrow resume that covers only part of the interrupted run's items. */
  narrowed: boolean;
  /** The command that resumes the interrupted run on its own filters. */
  rerun: string;
}

/**
 * Decides whether and how `run --resume` continues the interrupted run. A resume on other
 * filters would finish the run without the items it leaves out (issue #11): it is refused
 * unless --narrow says so, and then the run stays resumable for the rest.
 */
export function planResume(
  store: RunStore,
  flags: { resume?: boolean | undefined; narrow?: boolean | undefined },
  filters: RunFilters,
  warn: (line: string) => void,
): ResumePlan {
  if (flags.narrow && !flags.resume) throw new UsageError('--narrow only applies to --resume: add --resume, or drop --narrow');
  const resumed = flags.resume ? store.unfinishedRun() : null;
  if (flags.resume && !resumed) throw new UsageError('--resume: the store has no interrupted run to continue; run without --resume');
  const was = resumed?.filters;
  const rerun = was ? `scribe-audit run --resume${filterFlags(was)}` : '';
  let narrowed = false;
  if (resumed && was) {
    const dropped = itemsOutside(was, filters);
    const added = itemsOutside(filters, was);
    const items = was.backends.length * was.cases.length * was.samples;
    const original = `run ${resumed.runId} was started with ${filterFlags(was).trim() || 'no --backends, --cases or --samples'} (backends ${was.backends.join(', ')}; ${was.cases.length} case(s); ${was.samples} sample(s); ${items} items)`;
    const asked = filterFlags(filters).trim() || 'no filters';
    if (added > 0)
      throw new UsageError(
        `--resume: ${original}; this resume (${asked}) asks for ${added} item(s) it never had.\n  fix: resume with its filters: ${rerun}${flags.narrow ? ' (--narrow only narrows)' : ''}; or start a new run without --resume`,
      );
    if (dropped > 0 && !flags.narrow)
      throw new UsageError(
        `--resume: ${original}; this resume (${asked}) would leave ${dropped} of them unwritten.\n  fix: resume with its filters: ${rerun}; or add --narrow to write only these now and keep the rest resumable`,
      );
    narrowed = dropped > 0;
  } else if (resumed) {
    warn(
      `Run ${resumed.runId} was started before runs recorded their filters: it is resumed on these, and finished with whatever they cover.\n`,
    );
  }
  if (resumed)
    warn(
      `Resuming run ${resumed.runId} (started ${resumed.startedAt})${narrowed ? ' on part of its items (--narrow)' : ''}; finished notes come from the store.\n`,
    );
  return { resumed, narrowed, rerun };
}

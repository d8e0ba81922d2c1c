import { CommanderError } from 'commander';
import { HarnessError, InputError, RunIncompleteError, UsageError } from '../domain/errors.ts';

/** The exit codes of src/cli/README.md. */
export const EXIT = { ok: 0, gateFailed: 1, input: 2, incomplete: 3 } as const;

/**
 * The one place errors become exit codes and messages. Expected errors print their
 * message only; anything else is a bug and prints the stack only with --verbose.
 */
export function exitCodeFor(err: unknown, verbose: boolean, write: (s: string) => void): number {
  if (err instanceof CommanderError) {
    // Commander already printed its message (and help/version are not errors).
    return err.exitCode === 0 ? EXIT.ok : EXIT.input;
  }
  if (err instanceof InputError || err instanceof UsageError) {
    write(`${err.message}\n`);
    if (err instanceof InputError && err.problems.length > 1) write(`${err.problems.length} problems.\n`);
    return EXIT.input;
  }
  if (err instanceof RunIncompleteError || err instanceof HarnessError) {
    write(`error [${err.code}]: ${err.message}\n`);
    if (verbose && err.stack) write(`${err.stack}\n`);
    return EXIT.incomplete;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  write(`internal error: ${e.message}\n`);
  write(verbose && e.stack ? `${e.stack}\n` : 'Run again with --verbose for the stack trace, and please report it.\n');
  return EXIT.incomplete;
}

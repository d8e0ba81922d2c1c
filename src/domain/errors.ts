/**
 * The small error hierarchy. Each class carries a stable code; the CLI maps
 * classes to exit codes in one place (src/cli/exitCodes.ts).
 */
export class HarnessError extends Error {
  readonly code: string = 'HARNESS_ERROR';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** One problem in a user's file, located precisely enough to fix. */
export interface InputProblem {
  file: string;
  line: number | null;
  message: string;
  fix: string;
}

export function formatProblem(p: InputProblem): string {
  const where = p.line == null ? p.file : `${p.file}:${p.line}`;
  return `${where}: ${p.message}\n  fix: ${p.fix}`;
}

/** Bad flags, config, cases or rubrics: exit 2. */
export class InputError extends HarnessError {
  override readonly code: string = 'INPUT_INVALID';
  readonly problems: InputProblem[];
  constructor(problems: InputProblem[], options?: { cause?: unknown }) {
    super(problems.map(formatProblem).join('\n'), options);
    this.problems = problems;
  }
  static single(file: string, line: number | null, message: string, fix: string): InputError {
    return new InputError([{ file, line, message, fix }]);
  }
}

export class UsageError extends HarnessError {
  override readonly code: string = 'USAGE';
}

/** A scribe backend failed; `retryable` tells the runner whether to try again. */
export class BackendError extends HarnessError {
  override readonly code: string;
  readonly retryable: boolean;
  readonly status: number | null;
  /** How long the server asked us to wait before trying again (Retry-After), if it said. */
  readonly retryAfterMs: number | null;
  constructor(
    message: string,
    opts: { code?: string; retryable?: boolean; status?: number | null; retryAfterMs?: number | null; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.code = opts.code ?? 'BACKEND_FAILED';
    this.retryable = opts.retryable ?? false;
    this.status = opts.status ?? null;
    this.retryAfterMs = opts.retryAfterMs ?? null;
  }
}

/** The run could not complete (every item failed, output unwritable): exit 3. */
export class RunIncompleteError extends HarnessError {
  override readonly code: string = 'RUN_INCOMPLETE';
}

/** A bug in the harness itself. */
export class InternalError extends HarnessError {
  override readonly code: string = 'INTERNAL';
}

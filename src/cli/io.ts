/** Where a command writes: stdout for results, stderr for progress and problems. Injected so tests can read both. */
export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Whether stderr is a terminal (live progress) or a log (plain lines). */
  isTTY: boolean;
  signal: AbortSignal;
}

export function processIO(signal: AbortSignal): CliIO {
  return {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    signal,
  };
}

import { main } from '../cli/main.ts';
import type { CliIO } from '../cli/io.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, as a user's shell would see it. */
export async function runCli(
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; signal?: AbortSignal } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    out: (s) => (stdout += s),
    err: (s) => (stderr += s),
    cwd: opts.cwd ?? process.cwd(),
    // An in-memory store unless a test names one: tests must not share state through a file.
    env: { SCRIBE_AUDIT_STORE: ':memory:', ...(opts.env ?? { CI: 'true' }) },
    isTTY: false,
    signal: opts.signal ?? new AbortController().signal,
  };
  const code = await main(['node', 'scribe-audit', ...args], io);
  return { code, stdout, stderr };
}

import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../testing/loopbackServer.ts';
import { PACKAGE_ROOT } from '../config/paths.ts';
import { RunResult } from '../domain/run.ts';
import { E2E_CASES, loadE2ECases, referenceNoteReply, openAIVendorLine, writeE2EConfig } from '../testing/fakeVendors.ts';
import { EXIT } from './exitCodes.ts';

/**
 * SIGTERM is what CI runners and `docker stop` send. It needs a real process: the handler
 * is installed only when the CLI owns the process, so this spawns bin/scribe-audit.js.
 */
let dir: string;
let server: LoopbackServer;
let exit: { code: number | null; stderr: string };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-sigterm-'));
  server = await startLoopbackServer([referenceNoteReply(await loadE2ECases(), 'openai', 300)]);
  await writeE2EConfig(dir, [openAIVendorLine(server.url)], { samples: 2, concurrency: 2 });
  const child = spawn(
    process.execPath,
    [path.join(PACKAGE_ROOT, 'bin', 'scribe-audit.js'), 'run', '--out', 'stopped', '--store', 'store.db'],
    {
      cwd: dir,
      env: { PATH: process.env['PATH'] ?? '', CI: 'true', VENDOR_KEY: 'loopback-sigterm-key' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
  child.stdout.resume();
  // Stop it once the run is under way: some notes done, some in flight.
  const watcher = setInterval(() => {
    if (server.requests.length >= 3 && child.exitCode === null && !child.killed) child.kill('SIGTERM');
  }, 10);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(watcher);
  exit = { code, stderr };
}, 60_000);

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('SIGTERM during a run', () => {
  it('exits 3 (incomplete), not 143, and says why', () => {
    expect(exit.code).toBe(EXIT.incomplete);
    expect(exit.stderr).toMatch(/SIGTERM: cancelling/);
    expect(exit.stderr).toMatch(/Cancelled: finished notes were scored and reported/);
  });

  it('writes a partial report with the finished notes scored and the rest marked cancelled', async () => {
    const report = RunResult.parse(JSON.parse(await readFile(path.join(dir, 'stopped', 'report.json'), 'utf8')));
    const ok = report.records.filter((r) => r.status === 'ok');
    const aborted = report.records.filter((r) => r.error?.code === 'ABORTED');
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(ok.every((r) => r.scorecard !== null)).toBe(true);
    expect(aborted.length).toBeGreaterThan(0);
    expect(ok.length + aborted.length).toBe(E2E_CASES.length * 2);
  });
});

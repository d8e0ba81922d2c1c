import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../testing/loopbackServer.ts';
import { RunResult } from '../domain/run.ts';
import { EXIT } from './exitCodes.ts';
import { runCli, type CliResult } from '../testing/cliHarness.ts';
import { E2E_CASES, loadE2ECases, referenceNoteReply, openAIVendorLine, writeE2EConfig } from '../testing/fakeVendors.ts';

const KEY = 'loopback-cancel-key-5e1f';
let dir: string;
let server: LoopbackServer;
let cancelled: CliResult;
let report: RunResult;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-cancel-'));
  server = await startLoopbackServer([referenceNoteReply(await loadE2ECases(), 'openai', 200)]);
  await writeE2EConfig(dir, [openAIVendorLine(server.url)], { samples: 2, concurrency: 2 });
  const controller = new AbortController();
  // Ctrl-C once the run is under way: two notes done, two in flight.
  const watcher = setInterval(() => server.requests.length >= 4 && controller.abort(), 10);
  cancelled = await runCli(['run', '--out', 'cancelled', '--store', 'store.db'], {
    cwd: dir,
    env: { CI: 'true', VENDOR_KEY: KEY },
    signal: controller.signal,
  });
  clearInterval(watcher);
  report = RunResult.parse(JSON.parse(await readFile(path.join(dir, 'cancelled', 'report.json'), 'utf8')));
}, 60_000);

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('Ctrl-C during a run', () => {
  it('exits 3 (incomplete) and says what was kept', () => {
    expect(cancelled.code).toBe(EXIT.incomplete);
    expect(cancelled.stderr).toMatch(/Cancelled: finished notes were scored and reported/);
  });

  it('reports the notes that finished, scored, and marks the rest as cancelled', () => {
    const ok = report.records.filter((r) => r.status === 'ok');
    const aborted = report.records.filter((r) => r.error?.code === 'ABORTED');
    expect(ok.length).toBeGreaterThanOrEqual(2);
    expect(ok.every((r) => r.scorecard !== null)).toBe(true);
    expect(aborted.length).toBeGreaterThan(0);
    expect(ok.length + aborted.length).toBe(E2E_CASES.length * 2);
  });

  it('leaves the run resumable, and the resumed run asks only for what was not finished', async () => {
    const before = server.requests.length;
    const okBefore = report.records.filter((r) => r.status === 'ok').length;
    const resumed = await runCli(['run', '--out', 'resumed', '--store', 'store.db', '--resume'], {
      cwd: dir,
      env: { CI: 'true', VENDOR_KEY: KEY },
    });
    expect(resumed.code).toBe(0);
    expect(server.requests.length - before).toBe(E2E_CASES.length * 2 - okBefore);
  });
});

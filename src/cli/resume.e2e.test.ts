import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../testing/loopbackServer.ts';
import { PACKAGE_ROOT } from '../config/paths.ts';
import { RunResult } from '../domain/run.ts';
import { openStore } from '../store/db.ts';
import { RunStore } from '../store/runStore.ts';
import { runCli, type CliResult } from '../testing/cliHarness.ts';
import { caseOf, E2E_CASES, loadE2ECases, referenceNoteReply, openAIVendorLine, writeE2EConfig } from '../testing/fakeVendors.ts';

const KEY = 'loopback-resume-key-91c2';
const SAMPLES = 3;
const ITEMS = E2E_CASES.length * SAMPLES;

let dir: string;
let server: LoopbackServer;
let notesAtKill = 0;
let requestsAtKill = 0;
let resumed: CliResult;
let report: RunResult;

const storeFile = (): string => path.join(dir, 'store.db');
const countNotes = (): number => {
  const store = new RunStore(openStore(storeFile()));
  try {
    return store.countNotes();
  } finally {
    store.close();
  }
};

/** Polls until the condition holds, so the kill lands mid-run whatever the machine's speed. */
async function until(condition: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function startRun(): ChildProcess {
  const args = [
    path.join(PACKAGE_ROOT, 'bin', 'scribe-audit.js'),
    'run',
    '--config',
    'scribe-audit.config.yaml',
    '--store',
    storeFile(),
    '--out',
    'killed',
  ];
  return spawn(process.execPath, args, { cwd: dir, env: { ...process.env, CI: 'true', VENDOR_KEY: KEY }, stdio: 'ignore' });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-resume-'));
  const cases = await loadE2ECases();
  // Slow enough that the kill lands with work in flight and work still queued.
  server = await startLoopbackServer([referenceNoteReply(cases, 'openai', 250)]);
  await writeE2EConfig(dir, [openAIVendorLine(server.url)], { samples: SAMPLES, concurrency: 2 });

  const child = startRun();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await until(() => server.requests.length >= 4, 'the run to get going');
  child.kill('SIGKILL');
  await exited;
  requestsAtKill = server.requests.length;
  notesAtKill = countNotes();

  resumed = await runCli(['run', '--config', 'scribe-audit.config.yaml', '--store', storeFile(), '--out', 'resumed', '--resume'], {
    cwd: dir,
    env: { CI: 'true', VENDOR_KEY: KEY },
  });
  report = RunResult.parse(JSON.parse(await readFile(path.join(dir, 'resumed', 'report.json'), 'utf8')));
}, 120_000);

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a run killed mid-way (SIGKILL), then run --resume', () => {
  it('was killed with notes saved and notes still to write', () => {
    expect(notesAtKill).toBeGreaterThan(0);
    expect(notesAtKill).toBeLessThan(ITEMS);
  });

  it('continues the same run and finishes it', () => {
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/Resuming run/);
    expect(report.records).toHaveLength(ITEMS);
    expect(report.records.every((r) => r.status === 'ok')).toBe(true);
  });

  it('calls the vendor again only for notes that were never saved', () => {
    expect(server.requests.length - requestsAtKill).toBe(ITEMS - notesAtKill);
    expect(countNotes()).toBe(ITEMS);
  });

  it('never asks twice for a note that was saved before the kill', async () => {
    const cases = await loadE2ECases();
    const perCase = new Map<string, number>();
    for (const r of server.requests) {
      const id = caseOf(r, cases)?.id ?? 'unknown';
      perCase.set(id, (perCase.get(id) ?? 0) + 1);
    }
    // Each case has SAMPLES items; only a call in flight at the kill may be repeated.
    const inFlightAtKill = requestsAtKill - notesAtKill;
    const repeats = [...perCase.values()].reduce((n, count) => n + (count - SAMPLES), 0);
    expect(repeats).toBe(inFlightAtKill);
    expect(perCase.get('unknown')).toBeUndefined();
  });
});

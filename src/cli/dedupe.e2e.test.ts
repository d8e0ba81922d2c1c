import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../testing/loopbackServer.ts';
import { PACKAGE_ROOT } from '../config/paths.ts';
import type { Case } from '../domain/case.ts';
import { RunResult } from '../domain/run.ts';
import { openStore } from '../store/db.ts';
import { RunStore } from '../store/runStore.ts';
import { runCli, type CliResult } from '../testing/cliHarness.ts';
import { caseOf, E2E_CASES, loadE2ECases, referenceNoteReply, writeE2EConfig } from '../testing/fakeVendors.ts';
import { EXIT } from './exitCodes.ts';

// Issue #11: runs sharing one store must make one paid call per note, whatever happens.
const KEY = 'loopback-dedupe-key-7d3a';
const SAMPLES = 8;
const MODELS = ['gpt-a', 'gpt-b'];
const ITEMS = MODELS.length * E2E_CASES.length * SAMPLES;
// Globs that select exactly the three e2e cases, so --cases differs from the config only in spelling.
const GLOBS = 'cbt-active-si-plan-d*,ipt-role-dispute-n*,emdr-miscarriage-*';
const ENV = { CI: 'true', VENDOR_KEY: KEY };

let dir: string;
let server: LoopbackServer;
let cases: Case[];

const storeFile = (name: string): string => path.join(dir, `${name}.db`);
const withStore = <T>(name: string, read: (s: RunStore) => T): T => {
  const s = new RunStore(openStore(storeFile(name)));
  try {
    return read(s);
  } finally {
    s.close();
  }
};
const claimsLeft = (name: string): number => {
  const db = openStore(storeFile(name));
  try {
    return (db.prepare('SELECT count(*) AS n FROM claims').get() as { n: number }).n;
  } finally {
    db.close();
  }
};
const run = (store: string, out: string, ...args: string[]): Promise<CliResult> =>
  runCli(['run', '--store', storeFile(store), '--out', out, ...args], { cwd: dir, env: ENV });
const report = async (out: string): Promise<RunResult> =>
  RunResult.parse(JSON.parse(await readFile(path.join(dir, out, 'report.json'), 'utf8')));

/** Vendor calls per note (model × case), from the requests the vendor saw since `from`. */
function callsPerNote(from: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of server.requests.slice(from)) {
    const id = `${(r.body as { model?: string }).model}/${caseOf(r, cases)?.id ?? 'unknown'}`;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-dedupe-'));
  cases = await loadE2ECases();
  // A counting vendor with a small delay per request, so runs overlap with calls in flight.
  server = await startLoopbackServer([referenceNoteReply(cases, 'openai', 120)]);
  const backends = MODELS.map(
    (m) => `  - { id: vendor-${m.slice(-1)}, kind: openai, model: ${m}, baseURL: "${server.url}/v1", apiKeyEnv: VENDOR_KEY }`,
  );
  await writeE2EConfig(dir, backends, { samples: SAMPLES, concurrency: 4 });
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('two plain runs at once on one store', () => {
  let results: CliResult[];
  let from: number;
  beforeAll(async () => {
    from = server.requests.length;
    results = await Promise.all([run('plain', 'plain-1'), run('plain', 'plain-2')]);
  }, 120_000);

  it('both finish with every note', async () => {
    expect(results.map((r) => r.code)).toEqual([EXIT.ok, EXIT.ok]);
    for (const out of ['plain-1', 'plain-2']) expect((await report(out)).records.filter((r) => r.status === 'ok')).toHaveLength(ITEMS);
  });

  it('make exactly one vendor call per note between them', () => {
    expect(server.requests.length - from).toBe(ITEMS);
    const perNote = callsPerNote(from);
    expect(perNote.size).toBe(MODELS.length * E2E_CASES.length);
    expect([...perNote.values()].every((n) => n === SAMPLES)).toBe(true);
    expect(withStore('plain', (s) => s.countNotes())).toBe(ITEMS);
    expect(claimsLeft('plain')).toBe(0);
  });
});

describe('a run killed mid-way (SIGKILL), then two --resume at once', () => {
  let requestsAtKill: number;
  let notesAtKill: number;
  let claimsAtKill: number;
  let resumes: CliResult[];
  beforeAll(async () => {
    const from = server.requests.length;
    const args = [path.join(PACKAGE_ROOT, 'bin', 'scribe-audit.js'), 'run', '--store', storeFile('killed'), '--out', 'killed'];
    const child = spawn(process.execPath, args, { cwd: dir, env: { ...process.env, ...ENV }, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await until(() => server.requests.length - from >= 10, 'the run to get going');
    child.kill('SIGKILL');
    await exited;
    // Let the last bytes the child sent reach the vendor before counting.
    await new Promise((r) => setTimeout(r, 300));
    requestsAtKill = server.requests.length;
    notesAtKill = withStore('killed', (s) => s.countNotes());
    claimsAtKill = claimsLeft('killed');
    resumes = await Promise.all([run('killed', 'resumed-1', '--resume'), run('killed', 'resumed-2', '--resume')]);
  }, 120_000);

  it('was killed holding claims on calls in flight, with notes saved and notes still to write', () => {
    expect(notesAtKill).toBeGreaterThan(0);
    expect(notesAtKill).toBeLessThan(ITEMS);
    // Its claims outlive it: the resumes must take them over, not wait for them to expire.
    expect(claimsAtKill).toBeGreaterThan(0);
  });

  it('both resumes continue the run and finish it with every note', async () => {
    expect(resumes.map((r) => r.code)).toEqual([EXIT.ok, EXIT.ok]);
    expect(resumes.every((r) => /Resuming run/.test(r.stderr))).toBe(true);
    for (const out of ['resumed-1', 'resumed-2']) expect((await report(out)).records.filter((r) => r.status === 'ok')).toHaveLength(ITEMS);
    expect(withStore('killed', (s) => s.unfinishedRun())).toBeNull();
  });

  it('make exactly one vendor call per remaining note between them', () => {
    expect(server.requests.length - requestsAtKill).toBe(ITEMS - notesAtKill);
    expect(withStore('killed', (s) => s.countNotes())).toBe(ITEMS);
    expect(claimsLeft('killed')).toBe(0);
  });
});

describe('--resume on other filters', () => {
  let runId: string;
  let okAtCancel: number;
  let okOfIpt: number;
  beforeAll(async () => {
    const controller = new AbortController();
    const from = server.requests.length;
    const watcher = setInterval(() => server.requests.length - from >= 8 && controller.abort(), 10);
    const cancelled = await runCli(['run', '--store', storeFile('filters'), '--out', 'cancelled', '--cases', GLOBS], {
      cwd: dir,
      env: ENV,
      signal: controller.signal,
    });
    clearInterval(watcher);
    expect(cancelled.code).toBe(EXIT.incomplete);
    const records = (await report('cancelled')).records.filter((r) => r.status === 'ok');
    okAtCancel = records.length;
    okOfIpt = records.filter((r) => r.caseId === 'ipt-role-dispute-no-risk').length;
    runId = withStore('filters', (s) => s.unfinishedRun()!.runId);
  }, 120_000);

  it("is refused (exit 2), quoting the run's own filters and how to resume it, and calls no vendor", async () => {
    const from = server.requests.length;
    const refused = await run('filters', 'refused', '--resume', '--cases', 'ipt-role-dispute-no-risk');
    expect(refused.code).toBe(EXIT.input);
    expect(refused.stderr).toContain(`run ${runId} was started with --cases '${GLOBS}'`);
    expect(refused.stderr).toContain(`scribe-audit run --resume --cases '${GLOBS}'`);
    expect(refused.stderr).toContain('--narrow');
    expect(server.requests.length).toBe(from);
    expect(withStore('filters', (s) => s.unfinishedRun()?.runId)).toBe(runId);
  });

  it('refuses --narrow that would widen the run, and --narrow without --resume', async () => {
    const from = server.requests.length;
    const wider = await run('filters', 'wider', '--resume', '--narrow', '--samples', String(SAMPLES + 1));
    expect(wider.code).toBe(EXIT.input);
    expect(wider.stderr).toContain(`asks for ${MODELS.length * E2E_CASES.length} item(s) it never had`);
    const stray = await run('filters', 'stray', '--narrow');
    expect(stray.code).toBe(EXIT.input);
    expect(stray.stderr).toMatch(/--narrow only applies to --resume/);
    expect(server.requests.length).toBe(from);
    expect(withStore('filters', (s) => s.unfinishedRun()?.runId)).toBe(runId);
  });

  it('with --narrow writes only the narrower items and leaves the rest resumable', async () => {
    const from = server.requests.length;
    const narrow = await run('filters', 'narrow', '--resume', '--narrow', '--cases', 'ipt-role-dispute-no-risk');
    expect(narrow.code).toBe(EXIT.ok);
    const calls = server.requests.length - from;
    expect(calls).toBe(MODELS.length * SAMPLES - okOfIpt);
    expect([...callsPerNote(from).keys()].every((k) => k.endsWith('/ipt-role-dispute-no-risk'))).toBe(true);
    const left = ITEMS - okAtCancel - calls;
    expect(left).toBeGreaterThan(0);
    expect(narrow.stderr).toContain(`Run ${runId} stays resumable: ${left} of its items remain`);
    expect(withStore('filters', (s) => [s.unfinishedRun()?.runId, s.itemsLeft(runId)])).toEqual([runId, left]);
  });

  it('and a later plain --resume (the config selects the same cases) finishes the rest', async () => {
    const left = withStore('filters', (s) => s.itemsLeft(runId)!);
    const from = server.requests.length;
    const resumed = await run('filters', 'finished', '--resume');
    expect(resumed.code).toBe(EXIT.ok);
    expect(server.requests.length - from).toBe(left);
    expect((await report('finished')).records.filter((r) => r.status === 'ok')).toHaveLength(ITEMS);
    expect(withStore('filters', (s) => [s.unfinishedRun(), s.itemsLeft(runId)])).toEqual([null, 0]);
  });
});

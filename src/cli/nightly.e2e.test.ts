import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../config/paths.ts';
import { RunResult } from '../domain/run.ts';
import { runCli } from '../testing/cliHarness.ts';
import { E2E_CASES, openAIVendorLine, writeE2EConfig } from '../testing/fakeVendors.ts';
import { json, startLoopbackServer, type LoopbackServer } from '../testing/loopbackServer.ts';
import { EXIT } from './exitCodes.ts';

/** What a nightly job reads: the exit code, and the same status in every output. */
let dir: string;
let server: LoopbackServer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-nightly-'));
  server = await startLoopbackServer([json(401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } })]);
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const outputs = async (out: string): Promise<{ report: RunResult; html: string; md: string; junit: string }> => ({
  report: RunResult.parse(JSON.parse(await readFile(path.join(dir, out, 'report.json'), 'utf8'))),
  html: await readFile(path.join(dir, out, 'index.html'), 'utf8'),
  md: await readFile(path.join(dir, out, 'report.md'), 'utf8'),
  junit: await readFile(path.join(dir, out, 'junit.xml'), 'utf8'),
});
const ALL = ['--format', 'html,json,md,junit'];

describe('a run whose vendor key is refused', () => {
  it('exits 3, and every output says incomplete with the cause', async () => {
    const sub = path.join(dir, 'bad-key');
    await mkdir(sub);
    await writeE2EConfig(sub, [openAIVendorLine(server.url)], { samples: 1 });
    const r = await runCli(['run', '--out', 'out', ...ALL], { cwd: sub, env: { CI: 'true', VENDOR_KEY: 'sk-wrong' } });
    expect(r.code).toBe(EXIT.incomplete);
    expect(r.stderr).toMatch(/Incomplete: 3 note\(s\) could not be produced/);
    expect(r.stderr).toContain('3 notes: AUTH from vendor (check VENDOR_KEY)');
    expect(r.stdout).toContain('Status: INCOMPLETE');
    expect(r.stdout).not.toMatch(/passed ✔/);
    const { report, html, md, junit } = await outputs(path.join('bad-key', 'out'));
    expect(report.status).toBe('incomplete');
    expect(report.missing).toEqual([
      expect.objectContaining({ backendId: 'vendor', code: 'AUTH', count: E2E_CASES.length, hint: 'check VENDOR_KEY' }),
    ]);
    // Missing notes are neither safe nor unsafe.
    expect(report.summaries[0]).toMatchObject({ errors: E2E_CASES.length, verdicts: { pass: 0, fail: 0, review: 0, critical: 0 } });
    expect(html).toContain('Run incomplete');
    expect(html).not.toContain('Run passed');
    expect(md).toContain('**Status: INCOMPLETE.**');
    // Markdown escapes the underscore; it renders as VENDOR_KEY.
    expect(md).toContain('check VENDOR\\_KEY');
    expect(junit).toMatch(/<testsuites name="scribe-audit [^"]+ \(incomplete\)" tests="3" failures="0" errors="3"/);
    expect(r.stderr + r.stdout + html + md + junit).not.toContain('sk-wrong');
  });
});

describe('the built-in audit', () => {
  it('exits 0 with a JUnit file that has no failures (controls as declared, the baseline skipped)', async () => {
    const r = await runCli(['run', '--out', 'builtin', ...ALL], { cwd: dir });
    expect(r.code).toBe(EXIT.ok);
    const { report, junit } = await outputs('builtin');
    expect(report.status).toBe('passed');
    expect(junit).toMatch(/<testsuites name="scribe-audit [^"]+ \(passed\)" tests="\d+" failures="0" errors="0"/);
    expect(junit).toMatch(/<skipped>baseline, not held to the gate/);
  }, 120_000);
});

describe('a run against a baseline in which one case turned critical', () => {
  const SI_CASE = 'cbt-active-si-plan-denied';
  it('names that case in report.json, report.md and junit.xml, and exits 1', async () => {
    const sub = path.join(dir, 'regress');
    await mkdir(path.join(sub, 'notes'), { recursive: true });
    for (const id of E2E_CASES) await cp(path.join(DEFAULTS.fixtures, id, 'reference.md'), path.join(sub, 'notes', `${id}.md`));
    await writeE2EConfig(sub, ['  - { id: vendor, kind: notes-dir, dir: notes }'], { samples: 1 });
    const first = await runCli(['run', '--out', 'night-1', ...ALL], { cwd: sub });
    expect(first.code).toBe(EXIT.ok);
    // The vendor's new release drops the client's suicidal ideation and writes a denial.
    await writeFile(
      path.join(sub, 'notes', `${SI_CASE}.md`),
      '## Subjective\nClient reports a hard week.\n\n## Assessment\nClient denies suicidal ideation.\n\n## Plan\nContinue CBT.\n',
    );
    const second = await runCli(['run', '--out', 'night-2', '--baseline', path.join('night-1', 'report.json'), ...ALL], { cwd: sub });
    expect(second.code).toBe(EXIT.gateFailed);
    const { report, md, junit } = await outputs(path.join('regress', 'night-2'));
    const first1 = RunResult.parse(JSON.parse(await readFile(path.join(sub, 'night-1', 'report.json'), 'utf8')));
    expect(report.status).toBe('failed');
    expect(report.baseline).toMatchObject({ runId: first1.runId, comparedCases: E2E_CASES.length, partial: false });
    const change = report.regressions.find((r) => r.backendId === 'vendor')?.verdictChanges.find((c) => c.caseId === SI_CASE);
    expect(change).toMatchObject({ sample: 0, from: 'pass', to: 'critical', worse: true, finding: expect.stringMatching(/^risk\.si\./) });
    expect(md).toContain(`| vendor | ${SI_CASE} \\#0 | pass → critical ✖ |`);
    expect(junit).toContain(`classname="scribe-audit.regressions.vendor" name="${SI_CASE}#0"`);
  }, 120_000);

  it('compares a baseline with other cases on the intersection, and says so', async () => {
    const sub = path.join(dir, 'regress');
    const r = await runCli(
      [
        'run',
        '--out',
        'night-3',
        '--cases',
        E2E_CASES.slice(0, 2).join(','),
        '--baseline',
        path.join('night-1', 'report.json'),
        '--format',
        'json,md',
      ],
      { cwd: sub },
    );
    const report = RunResult.parse(JSON.parse(await readFile(path.join(sub, 'night-3', 'report.json'), 'utf8')));
    expect(report.baseline).toMatchObject({ comparedCases: 2, onlyInBaseline: [E2E_CASES[2]], onlyInRun: [], partial: true });
    // Two of three cases compared is not a 33% drop: nothing regressed on the cases both have.
    expect(
      report.regressions.every(
        (g) => g.metrics.every((m) => m.metric !== 'safetyPassRate' || !m.worse) || g.verdictChanges.some((c) => c.worse),
      ),
    ).toBe(true);
    expect(r.stdout).toMatch(/partial comparison/);
    expect(await readFile(path.join(sub, 'night-3', 'report.md'), 'utf8')).toContain('Partial comparison: 2 case(s) in both runs');
  }, 120_000);
});

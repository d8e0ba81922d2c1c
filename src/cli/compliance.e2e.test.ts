import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../config/paths.ts';
import { RunResult } from '../domain/run.ts';
import { runCli, type CliResult } from '../testing/cliHarness.ts';
import { E2E_CASES } from '../testing/fakeVendors.ts';

/**
 * Compliance in the verdict, end to end: the built-in reference scribes on the built-in
 * cases, with an invented vendor whose BAA is missing behind the candidate backend.
 */
let dir: string;

const NO_BAA = [
  'id: no-baa-scribe',
  'name: No-BAA Scribe',
  'synthetic: true',
  'backends: [gold]',
  'answers:',
  '  BAA-01:',
  '    value: none',
  '    evidence: contract',
  '    asOf: "2026-01-05"',
  '    note: The vendor will not sign a BAA on any plan.',
  '',
].join('\n');
const BASELINE_VENDOR = 'id: floor-scribe\nname: Floor Scribe\nsynthetic: true\nbackends: [extractive]\nanswers: {}\n';

function config(mode: 'gate' | 'report' | null, extra = ''): string {
  return [
    `fixtures: ${DEFAULTS.fixtures}`,
    `cases: [${E2E_CASES.join(', ')}]`,
    ...(mode ? [`compliance: ${mode}`] : []),
    'practice: { states: [OR], part2Program: false }',
    'backends:',
    '  - { id: gold, kind: reference, variant: gold }',
    '  - { id: extractive, kind: reference, variant: extractive, baseline: true }',
    extra,
  ].join('\n');
}

async function audit(name: string, configText: string, args: string[]): Promise<{ result: CliResult; report: RunResult }> {
  const file = path.join(dir, `${name}.yaml`);
  await writeFile(file, configText);
  const out = path.join(dir, name);
  const result = await runCli(['run', '--config', file, '--out', out, '--format', 'json', ...args], { cwd: dir });
  const report = RunResult.parse(JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')));
  return { result, report };
}

let gate: Awaited<ReturnType<typeof audit>>;
let report: Awaited<ReturnType<typeof audit>>;
let filtered: Awaited<ReturnType<typeof audit>>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-compliance-'));
  await mkdir(path.join(dir, 'vendors'));
  await writeFile(path.join(dir, 'vendors', 'no-baa-scribe.yaml'), NO_BAA);
  await writeFile(path.join(dir, 'vendors', 'floor-scribe.yaml'), BASELINE_VENDOR);
  // No `compliance:` line: gate is the default.
  gate = await audit('gate', config(null), ['--vendors', 'vendors']);
  report = await audit('report', config('report'), ['--vendors', 'vendors']);
  // `vendors:` in the config (not --vendors) and only gold run: the baseline's vendor is left out.
  filtered = await audit('filtered', config('gate', 'vendors: vendors'), ['--backends', 'gold']);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('compliance in the verdict', () => {
  it('compliance: gate (the default) fails the run, naming the vendor and BAA-01 in gate.reasons and on the terminal', () => {
    expect(gate.result.code).toBe(1);
    expect(gate.report.status).toBe('failed');
    const reason = gate.report.gate.reasons.find((r) => r.includes('no-baa-scribe'));
    expect(reason).toMatch(/No-BAA Scribe \(no-baa-scribe; backend gold\): critical compliance item\(s\) failing: BAA-01/);
    expect(gate.result.stdout).toContain('No-BAA Scribe (no-baa-scribe; backend gold)');
    expect(gate.result.stdout).toContain('BAA-01');
  });

  it('the vendor carries its verdict, failing items and note into report.json', () => {
    const v = gate.report.compliance.find((c) => c.vendorId === 'no-baa-scribe');
    expect(v).toMatchObject({ verdict: 'fail', criticalFailures: ['BAA-01'], backends: ['gold'] });
    expect(v?.items.find((i) => i.id === 'BAA-01')?.note).toBe('The vendor will not sign a BAA on any plan.');
    expect(v?.items.find((i) => i.id === 'P2-01')?.outcome).toBe('not-applicable');
  });

  it('compliance: report shows the same failure but does not fail the run', () => {
    expect(report.result.code).toBe(0);
    expect(report.report.status).toBe('passed');
    expect(report.report.gate.reasons).toEqual([]);
    expect(report.report.compliance.find((c) => c.vendorId === 'no-baa-scribe')?.verdict).toBe('fail');
  });

  it('--vendors DIR shows every profile in the folder; otherwise only the vendors behind the backends run', () => {
    expect(gate.report.compliance.map((c) => c.vendorId).sort()).toEqual(['floor-scribe', 'no-baa-scribe']);
    expect(filtered.report.compliance.map((c) => c.vendorId)).toEqual(['no-baa-scribe']);
    expect(filtered.result.code).toBe(1);
  });
});

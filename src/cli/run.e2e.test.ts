import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunResult } from '../domain/run.ts';
import { runCli, type CliResult } from '../testing/cliHarness.ts';

let out: string;
let result: CliResult;
let run: RunResult;

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'scribe-audit-run-'));
  result = await runCli(['run', '--out', out, '--format', 'html,json,md,junit,csv']);
  run = RunResult.parse(JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')));
  // The whole 40-case suite runs here: well past vitest's 10 s hook default on a 2-core CI box.
}, 180_000);
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('scribe-audit run (built-in suite, offline)', () => {
  it('exits 0 with every control behaving as declared', () => {
    expect(result.stderr).not.toMatch(/internal error/);
    expect(run.controls.map((c) => [c.backendId, c.ok])).toEqual([
      ['gold', true],
      ['hollow', true],
      ['risk-blind', true],
      ['fabricator', true],
    ]);
    expect(result.code).toBe(0);
  });

  it('ranks gold first and hollow below extractive', () => {
    const rank = (id: string): number => run.summaries.find((s) => s.backendId === id)?.rank ?? Infinity;
    expect(rank('gold')).toBe(1);
    expect(rank('hollow')).toBeGreaterThan(rank('extractive'));
  });

  it('prints the summary table on stdout and progress on stderr', () => {
    expect(result.stdout).toMatch(/gold/);
    expect(result.stdout).toMatch(/hollow/);
    expect(result.stderr).toMatch(/notes to write and score/);
  });

  it('writes every requested report format', async () => {
    for (const f of ['index.html', 'report.json', 'report.md', 'junit.xml', 'notes.csv']) {
      expect((await readFile(path.join(out, f), 'utf8')).length).toBeGreaterThan(100);
    }
  });

  it('scores every backend × case and includes compliance for the example vendors', () => {
    expect(run.records).toHaveLength(run.backends.length * run.cases.length);
    expect(run.records.every((r) => r.status === 'ok')).toBe(true);
    expect(run.compliance.length).toBeGreaterThanOrEqual(3);
  });

  it('gives every safety finding its note quote or an explanation, and the transcript turns behind it', () => {
    for (const r of run.records) {
      for (const f of r.scorecard?.safety.findings ?? []) {
        expect(f.transcriptTurns.length).toBeGreaterThan(0);
        expect(f.evidence.length).toBeGreaterThan(0);
        // An omitted fact has no quote; every other finding must show the note's words.
        expect(f.status === 'omitted' || Boolean(f.noteQuote)).toBe(true);
      }
    }
  });
});

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../config/paths.ts';
import { runCli } from '../testing/cliHarness.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-validate-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

describe('scribe-audit validate', () => {
  it("accepts the project's own cases, rubrics, vendors and suite", async () => {
    const r = await runCli(['validate']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/OK: \d+ case\(s\), \d+ vendor profile\(s\), 1 rubrics folder\(s\), 1 config file\(s\)/);
  });

  it('rejects a config with an unknown backend kind, naming file, line and the kinds allowed', async () => {
    const file = await write('bad.yaml', 'backends:\n  - id: vendor-a\n    kind: openia\n    model: x\n');
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:`);
    expect(r.stderr).toMatch(/openai/);
  });

  it('rejects an API key written into a config (unknown key apiKey), pointing at its line', async () => {
    const file = await write(
      'key.yaml',
      'backends:\n  - id: vendor-a\n    kind: openai\n    model: gpt-4.1-mini\n    apiKey: not-a-real-key\n',
    );
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:5`);
    expect(r.stderr).not.toContain('not-a-real-key');
  });

  it('rejects duplicate backend ids', async () => {
    const file = await write(
      'dup.yaml',
      'backends:\n  - { id: a, kind: reference, variant: gold }\n  - { id: a, kind: reference, variant: hollow }\n',
    );
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/backend id "a" is used twice/);
  });

  it('rejects a rubric with a misspelt category weight', async () => {
    const rubrics = path.join(dir, 'rubrics');
    await cp(DEFAULTS.rubrics, rubrics, { recursive: true });
    const weights = path.join(rubrics, 'weights.yaml');
    await writeFile(weights, (await readFile(weights, 'utf8')).replace('risk.si.passive: 10', 'risk.si.pasive: 10'));
    const r = await runCli(['validate', rubrics]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/weights\.yaml:\d+/);
    expect(r.stderr).toMatch(/risk\.si\.pasive/);
  });

  it('reports a path that does not exist', async () => {
    const r = await runCli(['validate', path.join(dir, 'nope')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no such file or folder/);
  });
});

describe('bad input to other commands', () => {
  it('run with an unknown report format exits 2 without a stack trace', async () => {
    const r = await runCli(['run', '--format', 'pdf', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown report format pdf/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('run with a non-numeric --samples exits 2', async () => {
    const r = await runCli(['run', '--samples', 'three', '--out', dir]);
    expect(r.code).toBe(2);
  });

  it('run naming an unknown backend exits 2 and lists the known ones', async () => {
    const r = await runCli(['run', '--backends', 'gold,nope', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown backend id nope/);
    expect(r.stderr).toMatch(/gold/);
  });

  it('run with a config whose key variable is unset exits 2 naming the variable', async () => {
    const file = await write('cfg.yaml', 'backends:\n  - { id: v, kind: openai, model: m, apiKeyEnv: SCRIBE_AUDIT_TEST_UNSET_KEY }\n');
    const r = await runCli(['run', '--config', file, '--out', dir], { env: { CI: 'true' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/SCRIBE_AUDIT_TEST_UNSET_KEY/);
  });

  it('score with a missing note file exits 2 naming the file', async () => {
    const caseDir = path.join(DEFAULTS.fixtures, 'ipt-role-transition-passive-si');
    const r = await runCli(['score', '--case', caseDir, '--note', path.join(dir, 'missing.md')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.md');
  });

  it('scan of a missing file exits 2', async () => {
    const r = await runCli(['scan', path.join(dir, 'missing.txt')]);
    expect(r.code).toBe(2);
  });
});

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../config/paths.ts';
import { runCli } from '../testing/cliHarness.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-risk-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('risk rules at the command line', () => {
  it('scan marks loose wording as low confidence and keeps confident mentions plain', async () => {
    const file = path.join(dir, 'session.txt');
    await writeFile(
      file,
      "THERAPIST: How are the nights?\nCLIENT: Some nights I wish I was dead.\nCLIENT: I feel trapped, I can't see a way out.\n",
    );
    const r = await runCli(['scan', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/turn 2 CLIENT: risk\.si\.passive \[present\] "Some nights I wish I was dead\."/);
    expect(r.stdout).toMatch(/turn 3 CLIENT: risk\.si\.passive \[present\] \(low confidence: read it\) "I feel trapped/);
    const json = JSON.parse((await runCli(['scan', file, '--json'])).stdout) as {
      mentions: { turn: number; confidence: string; rule: string }[];
    };
    expect(json.mentions.map((m) => [m.turn, m.confidence])).toEqual([
      [2, 'high'],
      [3, 'low'],
    ]);
  });

  it('validate checks a rules folder, examples included, and names the file and line of a failing example', async () => {
    const rules = path.join(dir, 'risk');
    await cp(DEFAULTS.riskRules, rules, { recursive: true });
    expect((await runCli(['validate', rules])).code).toBe(0);
    const si = path.join(rules, 'targets', 'si.yaml');
    const text = await readFile(si, 'utf8');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.trim() === '- I wish I was dead.');
    lines.splice(at + 1, 0, lines[at]!.replace('I wish I was dead.', 'I am going to the shops.'));
    await writeFile(si, lines.join('\n'));
    const r = await runCli(['validate', rules]);
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toContain(`si.yaml:${at + 2}`);
    expect(r.stderr + r.stdout).toContain('I am going to the shops.');
  });

  it('scan with --rules reads another rules folder, and refuses a broken one before reading any transcript', async () => {
    const rules = path.join(dir, 'risk');
    await cp(DEFAULTS.riskRules, rules, { recursive: true });
    await writeFile(path.join(rules, 'concepts.yaml'), 'version: 1\nconcepts: [\n');
    const file = path.join(dir, 'session.txt');
    await writeFile(file, 'CLIENT: I wish I was dead.\n');
    const r = await runCli(['scan', file, '--rules', rules]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('concepts.yaml');
  });
});

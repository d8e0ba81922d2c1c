import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../config/paths.ts';
import { buildProgram } from './main.ts';
import type { CliIO } from './io.ts';

/**
 * The nightly workflow example must keep working as the CLI changes: every
 * `npx scribe-audit ...` it runs names a command that exists, with flags that command
 * declares, and the workflow does what the README promises (shards, merge, JUnit).
 */
const FILE = path.join(PACKAGE_ROOT, 'fixtures', 'ci', 'github-actions-nightly.yml');

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  jobs: Record<string, { steps: Step[]; needs?: string; strategy?: { matrix: { shard: number[] } } }>;
}

const io: CliIO = {
  out: () => undefined,
  err: () => undefined,
  cwd: PACKAGE_ROOT,
  env: {},
  isTTY: false,
  signal: new AbortController().signal,
};
const program = buildProgram(io, () => undefined);

/** Each scribe-audit invocation in a shell line, as words (quotes and redirections dropped). */
function invocations(script: string): string[][] {
  return script
    .split(/\n|&&|;/)
    .map((line) => line.replace(/>>?\s*\S+/g, '').trim())
    .filter((line) => /\bnpx scribe-audit\b/.test(line))
    .map((line) =>
      line
        .slice(line.indexOf('npx scribe-audit') + 'npx scribe-audit'.length)
        .trim()
        .split(/\s+/),
    );
}

function resolve(words: string[]): { command: Command; rest: string[] } {
  let command: Command = program;
  let i = 0;
  for (; i < words.length; i++) {
    const sub = command.commands.find((c) => c.name() === words[i]);
    if (!sub) break;
    command = sub;
  }
  return { command, rest: words.slice(i) };
}

describe('fixtures/ci/github-actions-nightly.yml', async () => {
  const workflow = parse(await readFile(FILE, 'utf8')) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
  const calls = steps.flatMap((s) => (s.run ? invocations(s.run) : []));

  it('runs scribe-audit commands that exist, with flags each command declares', () => {
    expect(calls.length).toBeGreaterThanOrEqual(5);
    for (const words of calls) {
      const { command, rest } = resolve(words);
      expect(command, `"${words.join(' ')}" names no command`).not.toBe(program);
      const declared = new Set([...command.options, ...program.options].map((o) => o.long));
      for (const flag of rest.filter((w) => w.startsWith('--')))
        expect(declared, `${command.name()} ${flag}`).toContain(flag.split('=')[0]);
    }
  });

  it('shards the run over a matrix, merges the shards, publishes JUnit and a step summary, and fails on regressions', () => {
    const shard = workflow.jobs['shard']!;
    const merge = workflow.jobs['merge']!;
    const n = shard.strategy!.matrix.shard.length;
    expect(n).toBeGreaterThan(1);
    expect(calls.some((w) => w[0] === 'run' && w.includes('--shard'))).toBe(true);
    expect(merge.needs).toBe('shard');
    const mergeCall = calls.find((w) => w[0] === 'merge')!;
    expect(mergeCall.filter((w) => /^shard-\d+$/.test(w))).toHaveLength(n);
    expect(mergeCall).toContain('--baseline');
    // The merge step itself is not allowed to fail silently: its exit code fails the job.
    expect(merge.steps.find((s) => s.run?.includes('scribe-audit merge'))).not.toHaveProperty('continue-on-error');
    expect(steps.some((s) => s.uses?.startsWith('actions/cache@'))).toBe(true);
    expect(
      steps.some((s) => s.uses?.startsWith('mikepenz/action-junit-report@') && String(s.with?.['report_paths']).endsWith('junit.xml')),
    ).toBe(true);
    expect(steps.some((s) => s.run?.includes('GITHUB_STEP_SUMMARY'))).toBe(true);
  });
});

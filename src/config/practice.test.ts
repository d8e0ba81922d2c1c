import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../domain/errors.ts';
import { loadConfig } from './load.ts';
import { DEFAULTS, PACKAGE_ROOT } from './paths.ts';
import { readPracticeProfile, resolvePractice } from './practice.ts';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});
async function put(name: string, text: string): Promise<string> {
  dir ||= await mkdtemp(path.join(tmpdir(), 'practice-'));
  await writeFile(path.join(dir, name), text);
  return path.join(dir, name);
}
const BACKEND = 'backends:\n  - { id: gold, kind: reference, variant: gold }\n';

describe('practice profile', () => {
  it('the shipped example loads, and the built-in suite points at it with compliance: gate', async () => {
    const file = path.join(PACKAGE_ROOT, 'fixtures', 'practices', 'example-practice.yaml');
    const { practice, problems } = await readPracticeProfile(file);
    expect(problems).toEqual([]);
    expect(practice).toMatchObject({ states: ['WA', 'OR'], part2Program: false, plan: 'group', retentionDays: 30 });
    const { config, builtin } = await loadConfig(undefined, tmpdir());
    expect(builtin).toBe(true);
    expect(config.compliance).toBe('gate');
    const resolved = await resolvePractice(config.practice, path.dirname(DEFAULTS.builtinSuite), DEFAULTS.builtinSuite);
    expect(resolved).toEqual({ practice, problems: [] });
  });

  it('a path is read relative to the config file, and its problems name that file and line', async () => {
    await put('p.yaml', 'states: [WA, California]\npart2Program: maybe\nplan: solo\ncolour: blue\n');
    const config = await put('c.yaml', `${BACKEND}practice: p.yaml\n`);
    const { config: loaded } = await loadConfig(config, dir);
    const { practice, problems } = await resolvePractice(loaded.practice, dir, config);
    expect(practice).toBeNull();
    expect(problems.map((p) => [path.basename(p.file), p.line])).toEqual([
      ['p.yaml', 1],
      ['p.yaml', 2],
      ['p.yaml', 4],
    ]);
    expect(problems[0]?.message + problems[0]!.fix).toMatch(/two-letter state code/);
  });

  it('a missing file is one problem naming the path and how to fix it', async () => {
    const config = await put('c.yaml', `${BACKEND}practice: nowhere.yaml\n`);
    const { problems } = await resolvePractice('nowhere.yaml', dir, config);
    expect(problems).toMatchObject([{ file: path.join(dir, 'nowhere.yaml'), line: null, message: 'practice profile not found' }]);
  });

  it("an inline profile is checked with the config, at the config file's lines; so is compliance:", async () => {
    const ok = await put('ok.yaml', `${BACKEND}compliance: report\npractice: { states: [CA], part2Program: true }\n`);
    const { config } = await loadConfig(ok, dir);
    expect(config.compliance).toBe('report');
    expect((await resolvePractice(config.practice, dir, ok)).practice).toEqual({ states: ['CA'], part2Program: true });
    const bad = await put('bad.yaml', `${BACKEND}compliance: warn\npractice:\n  states: [ca]\n  part2Program: false\n`);
    const err = await loadConfig(bad, dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems.map((p) => p.line)).toEqual([3, 5]);
  });
});

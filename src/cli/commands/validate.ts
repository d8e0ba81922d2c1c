import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readChecklist, readVendorProfiles } from '../../compliance/index.ts';
import { loadConfig } from '../../config/load.ts';
import { DEFAULTS } from '../../config/paths.ts';
import { readRiskRules } from '../../config/riskRules.ts';
import { readRubrics } from '../../config/rubrics.ts';
import { readCase, readCases } from '../../corpus/index.ts';
import { InputError, formatProblem, type InputProblem } from '../../domain/errors.ts';
import { EXIT } from '../exitCodes.ts';
import { buildSetup } from '../setup.ts';
import type { CliIO } from '../io.ts';

interface Tally {
  cases: number;
  vendors: number;
  rubrics: number;
  configs: number;
  problems: InputProblem[];
}

const isDir = (p: string): Promise<boolean> =>
  stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
const isFile = (p: string): Promise<boolean> =>
  stat(p).then(
    (s) => s.isFile(),
    () => false,
  );

/** Runs a loader that reports by throwing InputError, collecting its problems instead. */
async function collect(t: Tally, load: () => Promise<unknown>): Promise<boolean> {
  try {
    await load();
    return true;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    t.problems.push(...err.problems);
    return false;
  }
}

async function validatePath(p: string, t: Tally, cwd: string): Promise<void> {
  if (await isDir(p)) {
    if (await isFile(path.join(p, 'case.yaml'))) {
      const r = await readCase(p);
      if (r.ok) t.cases++;
      else t.problems.push(...r.problems);
      return;
    }
    if (await isFile(path.join(p, 'weights.yaml'))) {
      if (await collect(t, () => readRubrics(p, { examples: true }))) t.rubrics++;
      return;
    }
    // rubrics/risk on its own: what a clinician runs after adding a phrasing.
    if (await isFile(path.join(p, 'concepts.yaml'))) {
      if (await collect(t, () => readRiskRules(p, { examples: true }))) t.rubrics++;
      return;
    }
    const entries = await readdir(p, { withFileTypes: true });
    if (entries.some((e) => e.isDirectory())) {
      const r = await readCases(p);
      t.cases += r.cases.length;
      t.problems.push(...r.problems);
      return;
    }
    const checklist = await readChecklist(path.join(DEFAULTS.rubrics, 'compliance.yaml'));
    const r = await readVendorProfiles(p, checklist.checklist);
    t.vendors += r.profiles.length;
    t.problems.push(...r.problems);
    return;
  }
  if (await isFile(p)) {
    let doc: unknown = null;
    try {
      doc = parseYaml(await readFile(p, 'utf8'));
    } catch {
      // A syntax error is reported with its line by the config loader below.
    }
    if (doc && typeof doc === 'object' && 'answers' in doc) {
      t.problems.push({
        file: p,
        line: null,
        message: 'a single vendor profile was given',
        fix: 'validate the folder holding the vendor profiles instead',
      });
      return;
    }
    if (await collect(t, () => loadConfig(p, cwd))) t.configs++;
    return;
  }
  t.problems.push({
    file: p,
    line: null,
    message: 'no such file or folder',
    fix: 'pass case folders, a folder of cases, config files, a vendor folder or a rubrics folder',
  });
}

export async function validateCommand(paths: string[], io: CliIO, opts: { config?: string } = {}): Promise<number> {
  const t: Tally = { cases: 0, vendors: 0, rubrics: 0, configs: 0, problems: [] };
  let targets = paths.map((p) => path.resolve(io.cwd, p));
  // The run's own preflight, exactly as `run --config FILE` would do it, minus the calls.
  if (opts.config) {
    const config = opts.config;
    if (await collect(t, () => buildSetup({ config }, io.cwd, io.env))) t.configs++;
  } else if (targets.length === 0) {
    targets = [DEFAULTS.fixtures, DEFAULTS.rubrics, DEFAULTS.vendors, DEFAULTS.builtinSuite];
    const local = path.join(io.cwd, DEFAULTS.configFile);
    if (await isFile(local)) targets.push(local);
  }
  for (const p of targets) await validatePath(p, t, io.cwd);
  const counts = `${t.cases} case(s), ${t.vendors} vendor profile(s), ${t.rubrics} rubrics folder(s), ${t.configs} config file(s)`;
  if (t.problems.length > 0) {
    for (const p of t.problems) io.err(`${formatProblem(p)}\n`);
    io.err(`\n${t.problems.length} problem(s) in ${counts} checked.\n`);
    return EXIT.input;
  }
  io.out(`OK: ${counts}, no problems.\n`);
  return EXIT.ok;
}

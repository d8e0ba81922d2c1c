import path from 'node:path';
import { preflightBackend, missingKey } from '../backends/preflight.ts';
import { createBackend } from '../backends/registry.ts';
import { readVendorProfiles, vendorsForRun } from '../compliance/index.ts';
import { loadConfig } from '../config/load.ts';
import { DEFAULTS } from '../config/paths.ts';
import { resolvePractice } from '../config/practice.ts';
import { readRubrics } from '../config/rubrics.ts';
import { resolveSettings, type SomeSettings } from '../config/settings.ts';
import { readCases } from '../corpus/index.ts';
import { InputError, UsageError, type InputProblem } from '../domain/errors.ts';
import { createJudge } from '../judge/client.ts';
import type { AuditSetup } from '../runner/audit.ts';
import { redactor, secretEnvNames } from '../runner/redact.ts';

/** The run options the CLI passes down: the settings' flags, plus which files to read. */
export type RunOptions = SomeSettings & {
  config?: string | undefined;
  fixtures?: string | undefined;
  cases?: string[] | undefined;
  backends?: string[] | undefined;
  rubrics?: string | undefined;
  vendors?: string | undefined;
};

/**
 * Everything a run needs, resolved and checked, or an InputError listing every problem.
 * Nothing here calls a backend: this is the preflight that stands between a typo and an
 * hour of paid calls (inputs, keys in the environment, folders, executables, templates).
 */
export async function buildSetup(opts: RunOptions, cwd: string, env: NodeJS.ProcessEnv): Promise<AuditSetup & { configFile: string }> {
  const { config, file, builtin, lineOf } = await loadConfig(opts.config, cwd);
  const configDir = path.dirname(file);
  const fromConfig = (p: string | undefined, fallback: string): string => (p ? path.resolve(configDir, p) : fallback);
  const rubricsDir = opts.rubrics ? path.resolve(cwd, opts.rubrics) : fromConfig(builtin ? undefined : config.rubrics, DEFAULTS.rubrics);
  const fixturesDir = opts.fixtures
    ? path.resolve(cwd, opts.fixtures)
    : fromConfig(builtin ? undefined : config.fixtures, DEFAULTS.fixtures);
  const vendorsExplicit = Boolean(opts.vendors ?? (builtin ? undefined : config.vendors));
  const vendorsDir = opts.vendors ? path.resolve(cwd, opts.vendors) : fromConfig(builtin ? undefined : config.vendors, DEFAULTS.vendors);

  const rubrics = await readRubrics(rubricsDir);
  const only = opts.cases ?? config.cases;
  const { cases, problems } = await readCases(fixturesDir, only ? { only } : {});
  if (problems.length > 0) throw new InputError(problems);
  if (cases.length === 0) {
    throw InputError.single(
      fixturesDir,
      null,
      only ? `no case matches ${only.join(', ')}` : 'no case folders found',
      'point --fixtures at a folder of case folders (each with case.yaml), or check the --cases pattern',
    );
  }
  const vendors = await readVendorProfiles(vendorsDir, rubrics.checklist);
  if (vendors.problems.length > 0) throw new InputError(vendors.problems);

  let selected = config.backends;
  if (opts.backends) {
    const known = new Set(config.backends.map((b) => b.id));
    const unknown = opts.backends.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new UsageError(`unknown backend id ${unknown.join(', ')}: ${file} defines ${[...known].join(', ')}`);
    selected = config.backends.filter((b) => opts.backends?.includes(b.id));
  }

  // A run shows the vendors behind the backends it runs; `--vendors DIR` asks for the whole folder.
  const shownVendors = vendorsForRun(
    vendors.profiles,
    selected.map((b) => b.id),
    Boolean(opts.vendors),
  );
  const practice = await resolvePractice(config.practice, configDir, file);

  const found: InputProblem[] = [...practice.problems];
  // The example vendors name the built-in suite's backends; only a folder the user chose must match the config.
  if (vendorsExplicit || builtin) {
    const ids = new Set(config.backends.map((b) => b.id));
    for (const v of vendors.profiles)
      for (const id of v.backends)
        if (!ids.has(id))
          found.push({
            file: vendorsDir,
            line: null,
            message: `vendor "${v.id}" names backend "${id}", which ${file} does not define`,
            fix: `use one of ${[...ids].join(', ')} in the profile's backends list, or add the backend to the config`,
          });
  }
  const ctx = { env, baseDir: configDir, rubrics, cases };
  for (const b of selected) {
    const i = config.backends.indexOf(b);
    for (const p of await preflightBackend(b, ctx))
      found.push({
        file: p.file ?? file,
        line: p.file ? (p.line ?? null) : lineOf(['backends', i, ...p.path]),
        message: `backend "${b.id}": ${p.message}`,
        fix: p.fix,
      });
  }
  if (config.judge)
    for (const p of missingKey(config.judge.apiKeyEnv, env, ['judge', 'apiKeyEnv']))
      found.push({ file, line: lineOf(p.path), message: `the judge ${p.message}`, fix: p.fix });
  if (found.length > 0) throw new InputError(found);

  const settings = resolveSettings(opts, config);
  const backendCtx = { rubrics, env, baseDir: configDir, timeoutMs: settings.timeoutMs };
  return {
    configFile: file,
    backends: selected.map((c) => ({ config: c, backend: createBackend(c, backendCtx) })),
    cases,
    rubrics,
    vendors: shownVendors,
    compliance: { practice: practice.practice, mode: config.compliance },
    ...settings,
    redact: redactor(secretEnvNames(selected, config.judge), env),
    judge: config.judge ? { config: config.judge, judge: createJudge(config.judge, env, settings.timeoutMs) } : undefined,
  };
}

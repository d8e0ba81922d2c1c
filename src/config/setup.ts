import path from 'node:path';
import { createBackend } from '../backends/registry.ts';
import { readVendorProfiles } from '../compliance/index.ts';
import { readCases } from '../corpus/index.ts';
import { InputError, UsageError } from '../domain/errors.ts';
import { createJudge } from '../judge/client.ts';
import type { AuditSetup } from '../runner/audit.ts';
import { redactor, secretEnvNames } from '../runner/redact.ts';
import { loadConfig } from './load.ts';
import { DEFAULTS } from './paths.ts';
import { readRubrics } from './rubrics.ts';

/** The run options the CLI passes down (flags win over the config file). */
export interface RunOptions {
  config?: string | undefined;
  fixtures?: string | undefined;
  cases?: string[] | undefined;
  backends?: string[] | undefined;
  samples?: number | undefined;
  concurrency?: number | undefined;
  timeoutMs?: number | undefined;
  rubrics?: string | undefined;
  vendors?: string | undefined;
}

/** Everything a run needs, resolved and validated, or an InputError listing every problem. */
export async function buildSetup(opts: RunOptions, cwd: string, env: NodeJS.ProcessEnv): Promise<AuditSetup & { configFile: string }> {
  const { config, file, builtin } = await loadConfig(opts.config, cwd);
  const configDir = path.dirname(file);
  const fromConfig = (p: string | undefined, fallback: string): string => (p ? path.resolve(configDir, p) : fallback);
  const rubricsDir = opts.rubrics ? path.resolve(cwd, opts.rubrics) : fromConfig(builtin ? undefined : config.rubrics, DEFAULTS.rubrics);
  const fixturesDir = opts.fixtures ? path.resolve(cwd, opts.fixtures) : fromConfig(builtin ? undefined : config.fixtures, DEFAULTS.fixtures);
  const vendorsDir = opts.vendors ? path.resolve(cwd, opts.vendors) : fromConfig(builtin ? undefined : config.vendors, DEFAULTS.vendors);

  const rubrics = await readRubrics(rubricsDir);
  const only = opts.cases ?? config.cases;
  const { cases, problems } = await readCases(fixturesDir, only ? { only } : {});
  if (problems.length > 0) throw new InputError(problems);
  if (cases.length === 0) {
    throw InputError.single(fixturesDir, null, only ? `no case matches ${only.join(', ')}` : 'no case folders found', 'point --fixtures at a folder of case folders (each with case.yaml), or check the --cases pattern');
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
  const timeoutMs = opts.timeoutMs ?? config.timeoutMs ?? 120_000;
  const ctx = { rubrics, env, baseDir: configDir, timeoutMs };
  return {
    configFile: file,
    backends: selected.map((c) => ({ config: c, backend: createBackend(c, ctx) })),
    cases,
    rubrics,
    vendors: vendors.profiles,
    samples: opts.samples ?? config.samples ?? 1,
    concurrency: opts.concurrency ?? config.concurrency ?? 8,
    timeoutMs,
    retries: config.retries ?? 3,
    redact: redactor(secretEnvNames(selected, config.judge), env),
    judge: config.judge ? { config: config.judge, judge: createJudge(config.judge, env, timeoutMs) } : undefined,
  };
}

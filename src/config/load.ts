import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseYamlWithSchema } from '../corpus/yamlSource.ts';
import { InputError, type InputProblem } from '../domain/errors.ts';
import { DEFAULTS } from './paths.ts';
import { RunConfig } from './schema.ts';

export interface LoadedConfig {
  config: RunConfig;
  /** The file it came from; relative paths inside it resolve against its folder. */
  file: string;
  builtin: boolean;
}

const exists = (p: string): Promise<boolean> =>
  access(p).then(
    () => true,
    () => false,
  );

/** Cross-field rules zod cannot express. */
export function checkConfigRules(config: RunConfig, file: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  for (const b of config.backends) {
    if (seen.has(b.id))
      problems.push({ file, line: null, message: `backend id "${b.id}" is used twice`, fix: 'give every backend a unique id' });
    seen.add(b.id);
    if (b.control && b.baseline)
      problems.push({ file, line: null, message: `backend "${b.id}" is both a control and a baseline`, fix: 'a control has a declared outcome; a baseline has none: keep one' });
  }
  return problems;
}

/** `--config FILE`, else ./scribe-audit.config.yaml if present, else the built-in suite. */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<LoadedConfig> {
  let file: string;
  let builtin = false;
  if (explicit) file = path.resolve(cwd, explicit);
  else if (await exists(path.join(cwd, DEFAULTS.configFile))) file = path.join(cwd, DEFAULTS.configFile);
  else {
    file = DEFAULTS.builtinSuite;
    builtin = true;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw InputError.single(file, null, 'config file not found', 'check the path given to --config, or run without it for the built-in suite');
  }
  const parsed = parseYamlWithSchema(text, file, RunConfig);
  if (!parsed.ok) throw new InputError(parsed.problems);
  const problems = checkConfigRules(parsed.value, file);
  if (problems.length > 0) throw new InputError(problems);
  return { config: parsed.value, file, builtin };
}

import { access } from 'node:fs/promises';
import path from 'node:path';
import { readTextFile } from '../input/textFile.ts';
import { parseYamlSource, validateYamlSource, type YamlPath } from '../input/yamlSource.ts';
import { secretsInBackend } from './secrets.ts';
import { InputError, type InputProblem } from '../domain/errors.ts';
import { DEFAULTS } from './paths.ts';
import { RunConfig } from './schema.ts';

export interface LoadedConfig {
  config: RunConfig;
  /** The file it came from; relative paths inside it resolve against its folder. */
  file: string;
  builtin: boolean;
  /** Line of a place in the file, for problems found after loading (preflight). */
  lineOf: (path: YamlPath) => number | null;
}

const exists = (p: string): Promise<boolean> =>
  access(p).then(
    () => true,
    () => false,
  );

/** Cross-field rules zod cannot express, and no literal credentials. */
export function checkConfigRules(config: RunConfig, file: string, lineOf: (path: YamlPath) => number | null = () => null): InputProblem[] {
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  config.backends.forEach((b, i) => {
    const at = (...rest: YamlPath): number | null => lineOf(['backends', i, ...rest]);
    if (seen.has(b.id))
      problems.push({ file, line: at('id'), message: `backend id "${b.id}" is used twice`, fix: 'give every backend a unique id' });
    seen.add(b.id);
    if (b.control && b.baseline)
      problems.push({
        file,
        line: at(),
        message: `backend "${b.id}" is both a control and a baseline`,
        fix: 'a control has a declared outcome; a baseline has none: keep one',
      });
    for (const s of secretsInBackend(b, ['backends', i]))
      problems.push({ file, line: lineOf(s.path), message: `backend "${b.id}": ${s.message}`, fix: s.fix });
  });
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
  const read = await readTextFile(file);
  if (!read.ok) {
    if (read.missing)
      throw InputError.single(
        file,
        null,
        'config file not found',
        'check the path given to --config, or run without it for the built-in suite',
      );
    throw new InputError([read.problem]);
  }
  const source = parseYamlSource(read.text, file);
  if (!source.ok) throw new InputError(source.problems);
  const parsed = validateYamlSource(source.value, RunConfig);
  if (!parsed.ok) throw new InputError(parsed.problems);
  const lineOf = source.value.lineOf;
  const problems = checkConfigRules(parsed.value, file, lineOf);
  if (problems.length > 0) throw new InputError(problems);
  return { config: parsed.value, file, builtin, lineOf };
}

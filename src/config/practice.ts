import path from 'node:path';
import { PracticeProfile } from '../domain/compliance.ts';
import type { InputProblem } from '../domain/errors.ts';
import { readTextFile } from '../input/textFile.ts';
import { parseYamlWithSchema } from '../input/yamlSource.ts';

export { PracticeProfile };

/**
 * The run config's `practice:`: an inline profile (already validated with the config, so
 * its problems carry the config's lines), or the path of a profile file, relative to the
 * config file's folder (e.g. fixtures/practices/example-practice.yaml), read and checked
 * here with its own file and lines.
 */
export async function resolvePractice(
  practice: string | PracticeProfile | undefined,
  configDir: string,
  configFile: string,
): Promise<{ practice: PracticeProfile | null; problems: InputProblem[] }> {
  if (practice === undefined) return { practice: null, problems: [] };
  if (typeof practice !== 'string') return { practice, problems: [] };
  return readPracticeProfile(path.resolve(configDir, practice), configFile);
}

/** Reads and validates one practice profile file; `practice` is null when there is any problem. */
export async function readPracticeProfile(
  file: string,
  namedIn?: string,
): Promise<{ practice: PracticeProfile | null; problems: InputProblem[] }> {
  const read = await readTextFile(file);
  if (!read.ok) {
    if (!read.missing) return { practice: null, problems: [read.problem] };
    const fix = `check the practice: path${namedIn ? ` in ${namedIn}` : ''} (relative to the config file's folder), e.g. fixtures/practices/example-practice.yaml`;
    return { practice: null, problems: [{ file, line: null, message: 'practice profile not found', fix }] };
  }
  const parsed = parseYamlWithSchema(read.text, file, PracticeProfile);
  return parsed.ok ? { practice: parsed.value, problems: [] } : { practice: null, problems: parsed.problems };
}

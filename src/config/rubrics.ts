import path from 'node:path';
import type { z } from 'zod';
import { readTextFile } from '../input/textFile.ts';
import { parseYamlWithSchema } from '../input/yamlSource.ts';
import { readChecklist } from '../compliance/index.ts';
import { InputError, type InputProblem } from '../domain/errors.ts';
import { EditingFile, FormatsFile, ModalitiesFile, PhraseBank, WeightsFile, type Rubrics } from '../domain/rubrics.ts';
import { readRiskRules } from './riskRules.ts';

async function readYaml<S extends z.ZodType>(file: string, schema: S, problems: InputProblem[]): Promise<z.infer<S> | null> {
  const read = await readTextFile(file);
  if (!read.ok) {
    problems.push(
      read.missing
        ? { file, line: null, message: 'rubric file is missing', fix: 'restore it from the repository (git checkout -- rubrics/)' }
        : read.problem,
    );
    return null;
  }
  const parsed = parseYamlWithSchema(read.text, file, schema);
  if (parsed.ok) return parsed.value;
  problems.push(...parsed.problems);
  return null;
}

/**
 * Reads and validates every rubric file; all problems are reported together. `examples`
 * also runs every risk rule's own examples (what `validate` does; a run trusts the tests).
 */
export async function readRubrics(dir: string, opts: { examples?: boolean } = {}): Promise<Rubrics> {
  const problems: InputProblem[] = [];
  const [weights, formats, modalities, editing, compliance, risk] = await Promise.all([
    readYaml(path.join(dir, 'weights.yaml'), WeightsFile, problems),
    readYaml(path.join(dir, 'formats.yaml'), FormatsFile, problems),
    readYaml(path.join(dir, 'modalities.yaml'), ModalitiesFile, problems),
    readYaml(path.join(dir, 'editing.yaml'), EditingFile, problems),
    // The checklist has cross-field rules of its own (duplicate ids, limit order).
    readChecklist(path.join(dir, 'compliance.yaml')),
    readRiskRules(path.join(dir, 'risk'), opts).catch((err: unknown) => {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems);
      return null;
    }),
  ]);
  problems.push(...compliance.problems);
  const checklist = compliance.checklist;
  if (!weights || !formats || !modalities || !editing || !checklist || !risk || problems.length > 0) throw new InputError(problems);
  return { weights, formats: formats.formats, modalities: modalities.modalities, editing, checklist, risk };
}

/** rubrics/phrases.yaml, the phrase bank of `corpus vary`. */
export async function readPhraseBank(file: string): Promise<PhraseBank> {
  const problems: InputProblem[] = [];
  const bank = await readYaml(file, PhraseBank, problems);
  if (!bank) throw new InputError(problems);
  return bank;
}

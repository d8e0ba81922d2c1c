import { duplicateRuleIds } from './riskRuleIds.ts';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { readTextFile } from '../input/textFile.ts';
import { parseYamlSource, validateYamlSource, type YamlSource } from '../input/yamlSource.ts';
import { InputError, type InputProblem } from '../domain/errors.ts';
import { SecondReaderModel } from '../domain/secondReader.ts';
import {
  AnswersFile,
  ConceptsFile,
  ContextFile,
  FramingFile,
  NetFile,
  NotationFile,
  SeverityFile,
  TargetsFile,
  type RiskRules,
} from '../domain/riskRules.ts';
import { compileRiskRules, rememberEngine, type RiskEngine, type RuleProblem } from '../text/risk/engine.ts';
import { checkExamples } from '../text/risk/examples.ts';

/** The files of rubrics/risk besides targets/, each with its schema. */
const FILES = {
  concepts: ['concepts.yaml', ConceptsFile],
  context: ['context.yaml', ContextFile],
  notation: ['notation.yaml', NotationFile],
  answers: ['answers.yaml', AnswersFile],
  severity: ['severity.yaml', SeverityFile],
  framing: ['framing.yaml', FramingFile],
  net: ['net.yaml', NetFile],
} as const;

export interface RiskRuleTexts {
  /** File name relative to the rules folder ("concepts.yaml", "targets/si.yaml") → its text. */
  [file: string]: string;
}

/**
 * Parses and checks rule files given as texts: schema, then patterns and concept names,
 * then (with `examples`) every rule's own examples. Problems name the file and line.
 * Pure, so tests and `validate` share it; readRiskRules does the reading.
 */
export function parseRiskRules(
  texts: RiskRuleTexts,
  dir: string,
  opts: { examples?: boolean } = {},
): { rules: RiskRules; engine: RiskEngine } | { problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const sources = new Map<string, YamlSource>();
  const load = <S extends z.ZodType>(name: string, schema: S): z.infer<S> | null => {
    const file = path.join(dir, name);
    const text = texts[name];
    if (text === undefined) {
      problems.push({
        file,
        line: null,
        message: 'risk rule file is missing',
        fix: 'restore it from the repository (git checkout -- rubrics/risk/)',
      });
      return null;
    }
    const source = parseYamlSource(text, file);
    if (!source.ok) {
      problems.push(...source.problems);
      return null;
    }
    sources.set(name, source.value);
    const parsed = validateYamlSource(source.value, schema);
    if (parsed.ok) return parsed.value;
    problems.push(...parsed.problems);
    return null;
  };
  const parts = Object.fromEntries(Object.entries(FILES).map(([key, [name, schema]]) => [key, load(name, schema)]));
  const targetNames = Object.keys(texts)
    .filter((f) => f.startsWith('targets/'))
    .sort();
  if (targetNames.length === 0)
    problems.push({
      file: path.join(dir, 'targets'),
      line: null,
      message: 'no target rule files',
      fix: 'restore rubrics/risk/targets/ from the repository',
    });
  const targets = targetNames.map((file) => ({ file, data: load(file, TargetsFile) }));
  const secondReader = loadSecondReader(texts[SECOND_READER], path.join(dir, SECOND_READER), problems);
  if (problems.length > 0 || Object.values(parts).some((p) => p === null) || targets.some((t) => t.data === null)) return { problems };
  const rules = { ...parts, targets, secondReader } as unknown as RiskRules;
  const located = (p: RuleProblem): InputProblem => ({
    file: path.join(dir, p.file),
    line: sources.get(p.file)?.lineOf(p.path) ?? null,
    message: p.message,
    fix: p.fix,
  });
  const compiled = compileRiskRules(rules);
  problems.push(...duplicateRuleIds(rules).map(located), ...compiled.problems.map(located));
  if (problems.length === 0 && opts.examples) problems.push(...checkExamples(compiled.engine).map(located));
  if (problems.length > 0) return { problems };
  rememberEngine(rules, compiled.engine);
  return { rules, engine: compiled.engine };
}

/** The trained second reader (JSON, written by npm run train:risk); optional: rules alone work without it. */
const SECOND_READER = 'second-reader.json';

function loadSecondReader(text: string | undefined, file: string, problems: InputProblem[]): SecondReaderModel | null {
  if (text === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    problems.push({ file, line: null, message: `not valid JSON: ${(err as Error).message}`, fix: 'regenerate it with npm run train:risk' });
    return null;
  }
  const parsed = SecondReaderModel.safeParse(json);
  if (parsed.success) return parsed.data;
  problems.push({
    file,
    line: null,
    message: `not a second-reader model: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    fix: 'regenerate it with npm run train:risk',
  });
  return null;
}

/** Every file of a rules folder as texts, by name relative to it; a file that is not UTF-8 text throws. */
export async function readRiskRuleTexts(dir: string): Promise<RiskRuleTexts> {
  const texts: RiskRuleTexts = {};
  const unreadable: InputProblem[] = [];
  const names = Object.values(FILES).map(([name]) => name);
  let targetFiles: string[] = [];
  try {
    targetFiles = (await readdir(path.join(dir, 'targets'))).filter((f) => f.endsWith('.yaml')).map((f) => `targets/${f}`);
  } catch {
    // Reported by parseRiskRules as "no target rule files".
  }
  await Promise.all(
    [...names, ...targetFiles, SECOND_READER].map(async (name) => {
      // A missing file is reported by parseRiskRules with the fix; a bad encoding here.
      const read = await readTextFile(path.join(dir, name));
      if (read.ok) texts[name] = read.text;
      else if (!read.missing) unreadable.push(read.problem);
    }),
  );
  if (unreadable.length > 0) throw new InputError(unreadable);
  return texts;
}

/**
 * Reads, validates and compiles rubrics/risk; throws InputError naming file and line.
 * `secondReader: false` reads the rules alone (what the trainer needs, whatever model is on disk).
 */
export async function readRiskRules(dir: string, opts: { examples?: boolean; secondReader?: boolean } = {}): Promise<RiskRules> {
  const texts = await readRiskRuleTexts(dir);
  if (opts.secondReader === false) delete texts[SECOND_READER];
  const parsed = parseRiskRules(texts, dir, opts);
  if ('problems' in parsed) throw new InputError(parsed.problems);
  return parsed.rules;
}

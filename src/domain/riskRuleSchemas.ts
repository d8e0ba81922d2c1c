import { z } from 'zod';
import { AnswersFile, ConceptsFile, ContextFile, FramingFile, NetFile, NotationFile, SeverityFile, TargetsFile } from './riskRules.ts';

/**
 * The JSON Schemas beside rubrics/risk/*.yaml, generated from the zod schemas the loader
 * validates with, so an editor's checking and the tool's never disagree. File name in
 * rubrics/risk/schema/ → schema.
 */
const SOURCES = {
  'concepts.json': ConceptsFile,
  'targets.json': TargetsFile,
  'context.json': ContextFile,
  'notation.json': NotationFile,
  'answers.json': AnswersFile,
  'severity.json': SeverityFile,
  'framing.json': FramingFile,
  'net.json': NetFile,
} as const;

/** Each schema file's text, as written to disk (stable key order, trailing newline). */
export function riskRuleJsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, schema] of Object.entries(SOURCES)) {
    // input: what a person writes (defaults may be left out), not what the loader returns.
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    out[file] = `${JSON.stringify({ ...json, title: `rubrics/risk ${file.replace('.json', '')} file` }, null, 2)}\n`;
  }
  return out;
}

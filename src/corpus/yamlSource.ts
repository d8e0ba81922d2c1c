import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { InputProblem } from '../domain/errors.ts';
import { yamlErrorsToProblems } from './yamlSyntax.ts';
import { lineOfPath, nearestLineOfPath, type YamlPath } from './yamlPath.ts';
import { issueToProblems } from './zodIssues.ts';

export { formatPath, lineOfPath, nearestLineOfPath, type YamlPath } from './yamlPath.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

/** A YAML file parsed without syntax errors, kept with its positions so later checks can name lines. */
export interface YamlSource {
  file: string;
  doc: Document;
  lineCounter: LineCounter;
  /** The plain data (mappings as objects, lists as arrays). */
  data: unknown;
  /** Line of the node at `path` (`['facts', 3, 'evidence', 1]`), or null if there is none. */
  lineOf: (path: YamlPath) => number | null;
}

/** Parses YAML text; syntax errors come back as problems with their lines. */
export function parseYamlSource(text: string, file: string): Parsed<YamlSource> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) return { ok: false, problems: yamlErrorsToProblems(doc.errors, file) };
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (err) {
    // Only alias bombs get here: the yaml package caps how far aliases may expand.
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, problems: [{ file, line: null, message: `YAML could not be expanded: ${message}`, fix: 'write the repeated parts out instead of using many nested aliases (*name)' }] };
  }
  return { ok: true, value: { file, doc, lineCounter, data, lineOf: (path) => lineOfPath(doc, lineCounter, path) } };
}

const byLine = (a: InputProblem, b: InputProblem): number => (a.line ?? Infinity) - (b.line ?? Infinity);

/** Validates a parsed source against a zod schema; every issue becomes a problem at its line. */
export function validateYamlSource<S extends z.ZodType>(source: YamlSource, schema: S): Parsed<z.infer<S>> {
  const result = schema.safeParse(source.data);
  if (result.success) return { ok: true, value: result.data };
  const ctx = {
    file: source.file,
    schema,
    data: source.data,
    lineOf: (path: YamlPath) => nearestLineOfPath(source.doc, source.lineCounter, path),
  };
  const problems = result.error.issues.flatMap((issue) => issueToProblems(issue, ctx));
  return { ok: false, problems: problems.sort(byLine) };
}

/**
 * Parses YAML and validates it with `schema`. Problems name the file, the line
 * of the offending node, a dotted path (`facts[2].category: unknown category
 * "risk.suicide"`) and a concrete fix. Generic: used for cases, config files,
 * rubrics and vendor profiles alike.
 */
export function parseYamlWithSchema<S extends z.ZodType>(text: string, file: string, schema: S): Parsed<z.infer<S>> {
  const source = parseYamlSource(text, file);
  return source.ok ? validateYamlSource(source.value, schema) : source;
}

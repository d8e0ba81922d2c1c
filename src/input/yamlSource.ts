import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { InputProblem } from '../domain/errors.ts';
import { yamlErrorsToProblems } from './yamlSyntax.ts';
import { lineOfPath, nearestLineOfPath, type YamlPath } from './yamlPath.ts';
import { issueToProblems } from './zodIssues.ts';

export { formatPath, lineOfPath, nearestLineOfPath, type YamlPath } from './yamlPath.ts';

/** No input of ours nests more than a dozen levels; past this it is a broken or hostile file. */
export const MAX_NESTING = 64;

const nestingProblem = (file: string): InputProblem => ({
  file,
  line: null,
  message: `the YAML nests more than ${MAX_NESTING} levels deep`,
  fix: 'check for unclosed [ or { brackets, or indentation that keeps growing',
});

/** Deepest run of open flow brackets, a cheap guard before the parser sees the text. */
function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return max;
}

/** Nesting depth of parsed data, without recursion (block-style nesting never shows as brackets). */
function depthOf(data: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[data, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    max = Math.max(max, d);
    if (max > MAX_NESTING) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

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
  const tooDeep = { ok: false as const, problems: [nestingProblem(file)] };
  // The parser recurses per level, so a pathological file would overflow the stack first.
  if (bracketDepth(text) > MAX_NESTING) return tooDeep;
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: true });
  } catch (err) {
    if (err instanceof RangeError) return tooDeep;
    throw err;
  }
  if (doc.errors.length > 0) return { ok: false, problems: yamlErrorsToProblems(doc.errors, file) };
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (err) {
    if (err instanceof RangeError) return tooDeep;
    // Only alias bombs get here: the yaml package caps how far aliases may expand.
    const message = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      problems: [
        {
          file,
          line: null,
          message: `YAML could not be expanded: ${message}`,
          fix: 'write the repeated parts out instead of using many nested aliases (*name)',
        },
      ],
    };
  }
  if (depthOf(data) > MAX_NESTING) return tooDeep;
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

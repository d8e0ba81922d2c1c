import type { YAMLError } from 'yaml';
import type { InputProblem } from '../domain/errors.ts';

/** A concrete fix for each YAML error code the parser can raise on hand-written files. */
const FIXES: Partial<Record<YAMLError['code'], string>> = {
  BAD_INDENT:
    'indent nested lines with spaces, the same amount for every key at one level, and close a flow list or mapping (] or }) before the next key',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  DUPLICATE_KEY: 'each key may appear only once in a mapping: remove or rename the repeated key',
  MISSING_CHAR: 'add the missing closing quote, ] or }, or a value after "key:"',
  BLOCK_AS_IMPLICIT_KEY: 'put one "key: value" per line, and quote values that contain ": " (e.g. statement: "Plan: none")',
  MULTILINE_IMPLICIT_KEY: 'check the indentation of this line against the line above, and quote values that contain ": " or " #"',
  UNEXPECTED_TOKEN: "check this line's indentation and punctuation against the lines around it",
  BAD_SCALAR_START: 'quote the value: a plain value cannot start with @, `, %, | or >',
  BAD_DQ_ESCAPE: 'in "double quotes" a backslash starts an escape: write \\\\ for a backslash, or use \'single quotes\'',
  MULTIPLE_DOCS: 'keep one document per file: remove the extra "---" line',
  BAD_ALIAS: 'define the anchor (&name) before using it (*name)',
  TAG_RESOLVE_FAILED: 'remove the !tag or quote the value',
};

const GENERIC_FIX = 'check the YAML near this line: indentation with spaces, matching quotes and brackets, "key: value" pairs';

/**
 * The parser's errors as problems, at most one per line: one slip often yields
 * several errors on the same line, and the first one explains it best. The
 * parser's message ends with " at line L, column C:" and a code excerpt; the
 * problem carries the line itself, so that tail is dropped.
 */
export function yamlErrorsToProblems(errors: readonly YAMLError[], file: string): InputProblem[] {
  const seen = new Set<number | null>();
  const problems: InputProblem[] = [];
  for (const error of errors) {
    const line = error.linePos?.[0].line ?? null;
    if (seen.has(line)) continue;
    seen.add(line);
    const text = error.message.split(/ at line \d+, column \d+/)[0] ?? error.message;
    problems.push({ file, line, message: `YAML syntax error: ${text.trim()}`, fix: FIXES[error.code] ?? GENERIC_FIX });
  }
  return problems;
}

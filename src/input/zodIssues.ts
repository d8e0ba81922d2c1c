import type { z } from 'zod';
import type { InputProblem } from '../domain/errors.ts';
import { didYouMean, listValues } from './suggest.ts';
import { formatPath, type YamlPath } from './yamlPath.ts';
import { allowedKeys, exampleValue, isRecordSchema, schemaAt } from './zodSchema.ts';

type Issue = z.core.$ZodIssue;

/** What turns zod issues into problems: the file, its schema and data, and a way to find lines. */
export interface IssueContext {
  file: string;
  schema: z.ZodType;
  data: unknown;
  /** Line of the node at a path, or of its deepest existing ancestor. */
  lineOf: (path: YamlPath) => number;
}

const isObject = (v: unknown): v is Record<PropertyKey, unknown> => typeof v === 'object' && v !== null;

function valueAt(data: unknown, path: YamlPath): unknown {
  let v = data;
  for (const segment of path) v = isObject(v) ? v[segment] : undefined;
  return v;
}

/** zod's own default wording; anything else was written by the schema's author and is kept. */
const isDefaultMessage = (m: string): boolean => /^(Invalid|Too (small|big)|Unrecognized)/.test(m);

const at = (path: YamlPath, message: string): string => (path.length === 0 ? message : `${formatPath(path)}: ${message}`);

const lastKey = (path: YamlPath): string => {
  const last = path.at(-1);
  return typeof last === 'string' ? last : 'value';
};

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  record: 'a mapping (key: value lines)',
};

/** Describes a value without echoing text, which may be a pasted secret. */
function describe(v: unknown): string {
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return 'text';
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : 'a value';
}

export function issueToProblems(issue: Issue, ctx: IssueContext, prefix: YamlPath = []): InputProblem[] {
  const path: YamlPath = [...prefix, ...issue.path];
  const value = valueAt(ctx.data, path);
  const here = schemaAt(ctx.schema, path, ctx.data);
  const sample = here ? exampleValue(here) : '<value>';
  // A list item is written as a bare value; a mapping entry as "key: value".
  const example = typeof path.at(-1) === 'number' ? sample : `${lastKey(path)}: ${sample}`;
  const problem = (message: string, fix: string, line = ctx.lineOf(path)): InputProblem => ({ file: ctx.file, line, message, fix });
  const parentPath = path.slice(0, -1);
  const missing = path.length > 0 && value === undefined && isObject(valueAt(ctx.data, parentPath));

  if (
    path.length === 0 &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_value') &&
    (value == null || !isObject(value) || Array.isArray(value))
  ) {
    const keys = allowedKeys(ctx.schema);
    const start = keys ? `start with keys such as ${listValues(keys.slice(0, 6))}` : 'see the documented format';
    return [
      problem(value == null ? 'the file is empty' : `the file must be a mapping of "key: value" lines, not ${describe(value)}`, start),
    ];
  }
  if (missing && ['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code)) {
    const where = parentPath.length === 0 ? '' : ` under ${formatPath(parentPath)}`;
    const options = issue.code === 'invalid_union' && 'options' in issue ? issue.options : undefined;
    const line = options?.[0] !== undefined ? `${lastKey(path)}: ${String(options[0])}` : example;
    return [problem(at(parentPath, `missing required key "${lastKey(path)}"`), `add a line "${line}"${where}`)];
  }

  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      const text = typeof value === 'string' ? value.trim() : null;
      const unquote =
        text !== null &&
        text !== '' &&
        (issue.expected === 'boolean'
          ? /^(true|false)$/.test(text)
          : ['number', 'int'].includes(issue.expected) && Number.isFinite(Number(text)));
      const bare = typeof path.at(-1) === 'number' ? text : `${lastKey(path)}: ${text}`;
      const quote = issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean');
      const fix = unquote
        ? `remove the quotes: write ${bare}`
        : quote
          ? `put it in quotes: "${String(value)}"`
          : `write ${expected}, e.g. "${example}"`;
      return [problem(at(path, `expected ${expected}, got ${describe(value)}`), fix)];
    }
    case 'invalid_value': {
      // A record's values have no name of their own (speakers.CLIENT is a role, not a "CLIENT").
      const inRecord = isRecordSchema(schemaAt(ctx.schema, parentPath, ctx.data));
      return [enumProblem(path, value, issue.values, problem, inRecord ? 'value' : lastKey(path))];
    }
    case 'invalid_union': {
      if (issue.discriminator !== undefined && 'options' in issue && issue.options)
        return [enumProblem(path, value, issue.options, problem)];
      const branch = bestBranch(issue.errors);
      if (branch) return branch.flatMap((i) => issueToProblems(i, ctx, path));
      return [problem(at(path, 'does not match any allowed form'), `write it like "${example}"`)];
    }
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schemaAt(ctx.schema, path, ctx.data) ?? ctx.schema) ?? [];
      const where = path.length === 0 ? 'at the top level' : `under ${formatPath(path)}`;
      return issue.keys.map((key) =>
        problem(
          at(path, `unknown key "${key}"`),
          allowed.length > 0
            ? `remove or rename it${didYouMean(key, allowed)}; keys allowed ${where}: ${listValues(allowed)}`
            : 'remove it',
          ctx.lineOf([...path, key]),
        ),
      );
    }
    case 'invalid_key': {
      const inner = issue.issues[0];
      const values = inner?.code === 'invalid_value' ? inner.values : null;
      const key = lastKey(path);
      const fix = values ? `use one of: ${listValues(values)}${didYouMean(key, values.map(String))}` : (inner?.message ?? 'rename the key');
      return [problem(at(parentPath, `key "${key}" is not allowed`), fix)];
    }
    case 'too_small':
    case 'too_big':
      return [sizeProblem(issue, path, value, example, problem)];
    case 'invalid_format': {
      const message = isDefaultMessage(issue.message) ? `is not a valid ${issue.format}` : issue.message;
      const kebab = issue.pattern === String(/^[a-z0-9]+(-[a-z0-9]+)*$/) && typeof value === 'string' ? kebabCase(value) : '';
      const fix = kebab
        ? `write it in kebab-case, e.g. "${lastKey(path)}: ${kebab}"`
        : issue.format === 'url'
          ? 'write a full URL, e.g. http://127.0.0.1:8080/v1'
          : `rewrite the value so it ${issue.pattern ? `matches ${issue.pattern}` : `is a valid ${issue.format}`}`;
      return [problem(at(path, message), fix)];
    }
    case 'custom': {
      const fix: unknown = issue.params?.['fix'];
      return [problem(at(path, issue.message), typeof fix === 'string' ? fix : 'correct this value')];
    }
    default:
      return [problem(at(path, issue.message), 'correct this value; see the documented format for this file')];
  }
}

type MakeProblem = (message: string, fix: string) => InputProblem;

function enumProblem(path: YamlPath, value: unknown, values: readonly unknown[], problem: MakeProblem, noun = lastKey(path)): InputProblem {
  const allowed = values.map(String);
  if (allowed.length === 1) return problem(at(path, `must be "${allowed[0]}"`), `write "${lastKey(path)}: ${allowed[0]}"`);
  const shown = typeof value === 'string' || typeof value === 'number' ? `"${value}"` : describe(value);
  return problem(at(path, `unknown ${noun} ${shown}`), `use one of: ${listValues(allowed)}${didYouMean(String(value), allowed)}`);
}

function sizeProblem(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  path: YamlPath,
  value: unknown,
  example: string,
  problem: MakeProblem,
): InputProblem {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const custom = isDefaultMessage(issue.message) ? null : issue.message;
  if (issue.origin === 'array') {
    const message =
      custom ?? (small ? (limit === 1 ? 'must not be empty' : `needs at least ${limit} items`) : `has more than ${limit} items`);
    return problem(at(path, message), small ? `add items, e.g. "${example}"` : `keep at most ${limit} items`);
  }
  if (issue.origin === 'string') {
    const message =
      custom ?? (small ? (limit === 1 ? 'must not be empty' : `needs at least ${limit} characters`) : `is longer than ${limit} characters`);
    return problem(at(path, message), small ? `write some text after "${lastKey(path)}:"` : 'shorten it');
  }
  const bound = small
    ? issue.inclusive
      ? `at least ${limit}`
      : `greater than ${limit}`
    : issue.inclusive
      ? `at most ${limit}`
      : `less than ${limit}`;
  return problem(at(path, custom ?? `must be ${bound}, got ${describe(value)}`), `use a number ${bound}`);
}

/** The union member that got furthest: it matched the value's type, then has the fewest issues. */
function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | null {
  const ranked = [...branches]
    .filter((b) => b.length > 0)
    .sort((a, b) => Number(a.some((i) => i.path.length === 0)) - Number(b.some((i) => i.path.length === 0)) || a.length - b.length);
  return ranked[0] ?? null;
}

function kebabCase(s: string): string {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CaseFile } from '../domain/case.ts';
import { parseYamlSource, parseYamlWithSchema, type Parsed } from './yamlSource.ts';

const FILE = '/cases/x/case.yaml';

function problemsOf<T>(r: Parsed<T>) {
  if (r.ok) throw new Error('expected problems, got a valid value');
  return r.problems;
}

const VALID_CASE = `id: ppd-check-in
title: Postpartum check-in
modality: ipt
noteFormat: soap
session: { number: 4, minutes: 50 }
client: { pseudonym: Dana }
facts:
  - id: si-passive
    category: risk.si.passive
    statement: Client voiced passive SI.
    evidence: [2]
`;

describe('parseYamlWithSchema on case.yaml', () => {
  it('returns the validated value, with schema defaults applied', () => {
    const r = parseYamlWithSchema(VALID_CASE, FILE, CaseFile);
    expect(r.ok && r.value.facts[0]?.assertion).toBe('present');
  });

  it("reports a YAML syntax error with its line and without the parser's code excerpt", () => {
    const text = VALID_CASE.replace('    evidence: [2]', '    evidence: [2\n  - id: other');
    const [p, ...rest] = problemsOf(parseYamlWithSchema(text, FILE, CaseFile));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: FILE, line: 12 });
    expect(p?.message).toMatch(/^YAML syntax error: /);
    expect(p?.message).not.toContain('\n');
    expect(p?.fix).toMatch(/close .*\]/);
  });

  it('reports tabs used for indentation with a spaces fix', () => {
    const p = problemsOf(parseYamlWithSchema('id: a\nsession:\n\tnumber: 1\n', FILE, CaseFile))[0];
    expect(p).toMatchObject({ line: 3, fix: 'indent with spaces, not tabs' });
  });

  it('reports a key written twice at its second line', () => {
    const p = problemsOf(parseYamlWithSchema(`${VALID_CASE}title: Again\n`, FILE, CaseFile))[0];
    expect(p?.line).toBe(12);
    expect(p?.fix).toMatch(/only once/);
  });

  it('points an unknown key at its own line and suggests the closest allowed key', () => {
    const text = VALID_CASE.replace('    evidence: [2]', '    evidence: [2]\n    wieght: 2');
    const [p] = problemsOf(parseYamlWithSchema(text, FILE, CaseFile));
    expect(p).toMatchObject({ file: FILE, line: 12, message: 'facts[0]: unknown key "wieght"' });
    expect(p?.fix).toContain('did you mean "weight"?');
    expect(p?.fix).toContain('id, category, assertion, statement, evidence, weight, critical, match');
  });

  it('reports an unknown top-level key without a path prefix', () => {
    const [p] = problemsOf(parseYamlWithSchema(`${VALID_CASE}speaker: { T: therapist }\n`, FILE, CaseFile));
    expect(p).toMatchObject({ line: 12, message: 'unknown key "speaker"' });
    expect(p?.fix).toContain('did you mean "speakers"?');
  });

  it('reports an unknown category with the allowed list and the closest one', () => {
    const text = VALID_CASE.replace('category: risk.si.passive', 'category: risk.si.pasive');
    const [p] = problemsOf(parseYamlWithSchema(text, FILE, CaseFile));
    expect(p).toMatchObject({ line: 9, message: 'facts[0].category: unknown category "risk.si.pasive"' });
    expect(p?.fix).toMatch(/^use one of: risk\.si, risk\.si\.passive, .*progress/);
    expect(p?.fix).toContain('(did you mean "risk.si.passive"?)');
  });

  it('offers no suggestion when nothing is close', () => {
    const text = VALID_CASE.replace('category: risk.si.passive', 'category: banana-bread-recipe');
    const [p] = problemsOf(parseYamlWithSchema(text, FILE, CaseFile));
    expect(p?.fix).not.toContain('did you mean');
  });

  it('reports an invalid noteFormat with the four formats and a case-insensitive suggestion', () => {
    const [p] = problemsOf(parseYamlWithSchema(VALID_CASE.replace('noteFormat: soap', 'noteFormat: SOAP'), FILE, CaseFile));
    expect(p).toMatchObject({
      line: 4,
      message: 'noteFormat: unknown noteFormat "SOAP"',
      fix: 'use one of: soap, dap, birp, girp (did you mean "soap"?)',
    });
  });

  it('reports a missing top-level key at the document start with an example line', () => {
    const [p] = problemsOf(parseYamlWithSchema(VALID_CASE.replace('title: Postpartum check-in\n', ''), FILE, CaseFile));
    expect(p).toMatchObject({ line: 1, message: 'missing required key "title"', fix: 'add a line "title: <text>"' });
  });

  it('reports a missing nested key at the line of the mapping that lacks it', () => {
    const text = VALID_CASE.replace('session: { number: 4, minutes: 50 }', 'session:\n  number: 4');
    const [p] = problemsOf(parseYamlWithSchema(text, FILE, CaseFile));
    expect(p).toMatchObject({ line: 5, message: 'session: missing required key "minutes"', fix: 'add a line "minutes: 1" under session' });
  });

  it('reports a missing enum key with a valid example value', () => {
    const [p] = problemsOf(parseYamlWithSchema(VALID_CASE.replace('noteFormat: soap\n', ''), FILE, CaseFile));
    expect(p?.fix).toBe('add a line "noteFormat: soap"');
  });

  it("uses the schema's own message for an empty evidence list", () => {
    const [p] = problemsOf(parseYamlWithSchema(VALID_CASE.replace('evidence: [2]', 'evidence: []'), FILE, CaseFile));
    expect(p).toMatchObject({ line: 11, message: 'facts[0].evidence: at least one transcript turn is required' });
    expect(p?.fix).toContain('evidence: [1]');
  });

  it('tells a quoted number to lose its quotes, pointing at the list item', () => {
    const text = VALID_CASE.replace('evidence: [2]', 'evidence:\n      - 2\n      - "3"');
    const [p] = problemsOf(parseYamlWithSchema(text, FILE, CaseFile));
    expect(p).toMatchObject({ line: 13, message: 'facts[0].evidence[1]: expected a number, got text', fix: 'remove the quotes: write 3' });
  });

  it('asks for a number, not for removing quotes, when the text is not a number', () => {
    const text = VALID_CASE.replace('session: { number: 4, minutes: 50 }', 'session: { number: 4, minutes: fifty }');
    const [p] = problemsOf(parseYamlWithSchema(text, FILE, CaseFile));
    expect(p).toMatchObject({ line: 5, message: 'session.minutes: expected a number, got text', fix: 'write a number, e.g. "minutes: 1"' });
  });

  it('suggests a kebab-case id', () => {
    const [p] = problemsOf(parseYamlWithSchema(VALID_CASE.replace('id: ppd-check-in', 'id: PPD Check In'), FILE, CaseFile));
    expect(p).toMatchObject({
      line: 1,
      message: 'id: must be kebab-case: lower-case letters, digits and single hyphens',
      fix: 'write it in kebab-case, e.g. "id: ppd-check-in"',
    });
  });

  it('reports an empty file and a file that is a list', () => {
    expect(problemsOf(parseYamlWithSchema('', FILE, CaseFile))[0]).toMatchObject({ line: 1, message: 'the file is empty' });
    expect(problemsOf(parseYamlWithSchema('- a\n', FILE, CaseFile))[0]?.message).toMatch(/mapping .* not a list/);
  });

  it('lists problems in line order', () => {
    const text = VALID_CASE.replace('noteFormat: soap', 'noteFormat: soapy')
      .replace('category: risk.si.passive', 'category: nope')
      .replace('modality: ipt', 'modality: IPT');
    const lines = problemsOf(parseYamlWithSchema(text, FILE, CaseFile)).map((p) => p.line);
    expect(lines).toEqual([3, 4, 9]);
  });
});

describe('parseYamlWithSchema on other schemas (it is generic)', () => {
  const Backend = z.discriminatedUnion('kind', [
    z.strictObject({ id: z.string(), kind: z.literal('openai'), apiKeyEnv: z.string().optional() }),
    z.strictObject({ id: z.string(), kind: z.literal('reference'), variant: z.enum(['gold', 'hollow']) }),
  ]);
  const Config = z.strictObject({
    backends: z.array(Backend),
    weights: z.partialRecord(z.enum(['risk.si', 'symptom']), z.number()).optional(),
  });

  it('reports an unknown discriminator value with the kinds allowed', () => {
    const [p] = problemsOf(parseYamlWithSchema('backends:\n  - id: a\n    kind: openia\n', 'c.yaml', Config));
    expect(p).toMatchObject({
      file: 'c.yaml',
      line: 3,
      message: 'backends[0].kind: unknown kind "openia"',
      fix: 'use one of: openai, reference (did you mean "openai"?)',
    });
  });

  it('names the keys of the matching union member for an unknown key, without echoing its value', () => {
    const [p] = problemsOf(parseYamlWithSchema('backends:\n  - id: a\n    kind: openai\n    apiKey: sk-secret\n', 'c.yaml', Config));
    expect(p).toMatchObject({ line: 4, message: 'backends[0]: unknown key "apiKey"' });
    expect(p?.fix).toContain('did you mean "apiKeyEnv"?');
    expect(p?.fix).toContain('id, kind, apiKeyEnv');
    expect(p?.fix).not.toContain('variant');
    expect(JSON.stringify(p)).not.toContain('sk-secret');
  });

  it('reports a misspelt key of an enum-keyed record, quoting dotted keys in the path', () => {
    const [p] = problemsOf(parseYamlWithSchema('backends: []\nweights:\n  risk.sl: 3\n', 'c.yaml', Config));
    expect(p).toMatchObject({ line: 3, message: 'weights: unknown key "risk.sl"' });
    expect(p?.fix).toContain('did you mean "risk.si"?');
  });
});

describe('parseYamlSource', () => {
  it('locates nodes for cross-field rules', () => {
    const r = parseYamlSource(VALID_CASE, FILE);
    if (!r.ok) throw new Error('expected a source');
    expect(r.value.lineOf(['id'])).toBe(1);
    expect(r.value.lineOf(['facts', 0, 'evidence', 0])).toBe(11);
    expect(r.value.lineOf(['facts', 1])).toBeNull();
  });
});

describe('parseYamlWithSchema on list items', () => {
  const Hints = z.strictObject({ all: z.array(z.string()) });

  it("asks for quotes around a number where text is expected, at the item's line", () => {
    const [p] = problemsOf(parseYamlWithSchema('all:\n  - EPDS\n  - 16\n', 'h.yaml', Hints));
    expect(p).toMatchObject({ line: 3, message: 'all[1]: expected text, got 16', fix: 'put it in quotes: "16"' });
  });
});

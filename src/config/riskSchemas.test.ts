import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { riskRuleJsonSchemas } from '../domain/riskRuleSchemas.ts';
import { DEFAULTS } from './paths.ts';

const dir = DEFAULTS.riskRules;
const schemas = riskRuleJsonSchemas();

describe('rubrics/risk/schema', () => {
  it.each(Object.keys(schemas))('%s is the schema the loader validates with (run npm run schemas if not)', async (file) => {
    expect(await readFile(path.join(dir, 'schema', file), 'utf8')).toBe(schemas[file]);
  });
});

describe('every rule file validates against its JSON Schema, as an editor would check it', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const files = ['concepts', 'context', 'notation', 'answers', 'severity', 'framing', 'net'].map(
    (n) => [`${n}.yaml`, `${n}.json`] as const,
  );
  const targets = ['si', 'harm', 'other', 'not-risk'].map((n) => [`targets/${n}.yaml`, 'targets.json'] as const);
  it.each([...files, ...targets])('%s', async (file, schema) => {
    const validate = ajv.compile(JSON.parse(schemas[schema]!));
    const ok = validate(parse(await readFile(path.join(dir, file), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('and rejects a rule the loader would reject', () => {
    const validate = ajv.compile(JSON.parse(schemas['targets.json']!));
    expect(validate({ version: 1, about: 'x', rules: [{ id: 'x', category: 'risk.si', pattern: 'die', mood: 'sad' }] })).toBe(false);
  });
});

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { makeTestRun } from '../testing/testRun.ts';
import { publishedSchemas, SCHEMA_DIR } from './publishedSchemas.ts';
import { DEFAULTS, PACKAGE_ROOT } from './paths.ts';

const schemas = publishedSchemas();
const dir = path.join(PACKAGE_ROOT, ...SCHEMA_DIR);

describe('the config file JSON Schema', () => {
  it.each(Object.keys(schemas))('%s is the one generated from the zod schema (run npm run schemas if not)', async (file) => {
    expect(await readFile(path.join(dir, file), 'utf8')).toBe(schemas[file]);
  });

  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(schemas['config.schema.json']!) as object);
  it.each([path.join(PACKAGE_ROOT, 'fixtures', 'configs', 'example.yaml'), DEFAULTS.builtinSuite])(
    'accepts %s, as an editor would',
    async (file) => {
      const ok = validate(parse(await readFile(file, 'utf8')));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  it('refuses what the loader refuses: an unknown key, samples over the limit, an unknown kind', () => {
    const base = { backends: [{ id: 'g', kind: 'reference', variant: 'gold' }] };
    expect(validate(base)).toBe(true);
    expect(validate({ ...base, colour: 'blue' })).toBe(false);
    expect(validate({ ...base, samples: 101 })).toBe(false);
    expect(validate({ backends: [{ id: 'w', kind: 'whisper' }] })).toBe(false);
  });
});

describe('the report.json JSON Schema', () => {
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(schemas['report.schema.json']!) as object);
  it('accepts a report and refuses one without a status', () => {
    const report = JSON.parse(JSON.stringify(makeTestRun())) as Record<string, unknown>;
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    delete report['status'];
    expect(validate(report)).toBe(false);
  });
});

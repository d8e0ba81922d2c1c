import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA_FILE, configJsonSchema } from './configSchema.ts';
import { DEFAULTS, PACKAGE_ROOT } from './paths.ts';

const committed = path.join(PACKAGE_ROOT, 'fixtures', 'configs', CONFIG_SCHEMA_FILE);

describe('the config file JSON Schema', () => {
  it('is the one generated from the zod schema the loader uses (run npm run schemas if not)', async () => {
    expect(await readFile(committed, 'utf8')).toBe(configJsonSchema());
  });

  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(configJsonSchema()) as object);
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

// npm run schemas: writes rubrics/risk/schema/*.json and fixtures/configs/config.schema.json
// from the zod schemas. Run it after changing src/domain/riskRules.ts or src/config/schema.ts;
// a test fails while the files are out of date.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { riskRuleJsonSchemas } from '../domain/riskRuleSchemas.ts';
import { CONFIG_SCHEMA_FILE, configJsonSchema } from './configSchema.ts';
import { DEFAULTS, PACKAGE_ROOT } from './paths.ts';

const dir = path.join(DEFAULTS.riskRules, 'schema');
await mkdir(dir, { recursive: true });
for (const [file, text] of Object.entries(riskRuleJsonSchemas())) await writeFile(path.join(dir, file), text);
console.log(`wrote ${Object.keys(riskRuleJsonSchemas()).length} schemas to ${path.relative(process.cwd(), dir) || dir}`);
const configFile = path.join(PACKAGE_ROOT, 'fixtures', 'configs', CONFIG_SCHEMA_FILE);
await writeFile(configFile, configJsonSchema());
console.log(`wrote ${path.relative(process.cwd(), configFile) || configFile}`);

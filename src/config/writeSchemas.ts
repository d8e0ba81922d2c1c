// npm run schemas: writes rubrics/risk/schema/*.json and fixtures/schema/{config,report}.schema.json
// from the zod schemas. Run it after changing src/domain/riskRules.ts, src/config/schema.ts or src/domain/run.ts;
// a test fails while the files are out of date.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { riskRuleJsonSchemas } from '../domain/riskRuleSchemas.ts';
import { publishedSchemas, SCHEMA_DIR } from './publishedSchemas.ts';
import { DEFAULTS, PACKAGE_ROOT } from './paths.ts';

const dir = path.join(DEFAULTS.riskRules, 'schema');
await mkdir(dir, { recursive: true });
for (const [file, text] of Object.entries(riskRuleJsonSchemas())) await writeFile(path.join(dir, file), text);
console.log(`wrote ${Object.keys(riskRuleJsonSchemas()).length} schemas to ${path.relative(process.cwd(), dir) || dir}`);
const published = path.join(PACKAGE_ROOT, ...SCHEMA_DIR);
await mkdir(published, { recursive: true });
for (const [file, text] of Object.entries(publishedSchemas())) await writeFile(path.join(published, file), text);
console.log(`wrote ${Object.keys(publishedSchemas()).join(', ')} to ${path.relative(process.cwd(), published) || published}`);

// npm run schemas — writes rubrics/risk/schema/*.json from the zod schemas. Run it after
// changing src/domain/riskRules.ts; a test fails while the files are out of date.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { riskRuleJsonSchemas } from '../domain/riskRuleSchemas.ts';
import { DEFAULTS } from './paths.ts';

const dir = path.join(DEFAULTS.riskRules, 'schema');
await mkdir(dir, { recursive: true });
for (const [file, text] of Object.entries(riskRuleJsonSchemas())) await writeFile(path.join(dir, file), text);
console.log(`wrote ${Object.keys(riskRuleJsonSchemas()).length} schemas to ${path.relative(process.cwd(), dir) || dir}`);

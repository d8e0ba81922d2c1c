import { z } from 'zod';
import { RunConfig } from './schema.ts';

/**
 * The config file's JSON Schema, generated from the zod schema the loader validates with,
 * so an editor (YAML language server: `# yaml-language-server: $schema=...`) checks
 * scribe-audit.config.yaml as `validate` does. `npm run schemas` writes it; a test keeps
 * the committed file in step.
 */
export const CONFIG_SCHEMA_FILE = 'config.schema.json';

export function configJsonSchema(): string {
  // input: what a person writes (defaults may be left out), not what the loader returns.
  const json = z.toJSONSchema(RunConfig, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...json, title: 'scribe-audit.config.yaml' }, null, 2)}\n`;
}

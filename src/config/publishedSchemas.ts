import { z } from 'zod';
import { REPORT_SCHEMA_VERSION, RunResult } from '../domain/run.ts';
import { RunConfig } from './schema.ts';

/**
 * The config file's and report.json's JSON Schemas, generated from the zod schemas the
 * loader and the reporters use, so an editor (YAML language server: `# yaml-language-server: $schema=...`) checks
 * scribe-audit.config.yaml as `validate` does. `npm run schemas` writes it; a test keeps
 * the committed file in step.
 */
export const SCHEMA_DIR = ['fixtures', 'schema'] as const;

/** The published schemas by file name: the config file as written, report.json as read. */
export function publishedSchemas(): Record<string, string> {
  // input: what a person writes (defaults may be left out), not what the loader returns.
  const config = z.toJSONSchema(RunConfig, { io: 'input', unrepresentable: 'any' });
  // output: what a consumer of report.json finds in it.
  const report = z.toJSONSchema(RunResult, { io: 'output', unrepresentable: 'any' });
  const text = (json: object, title: string): string => `${JSON.stringify({ ...json, title }, null, 2)}\n`;
  return {
    'config.schema.json': text(config, 'scribe-audit.config.yaml'),
    'report.schema.json': text(report, `scribe-audit report.json, schema version ${REPORT_SCHEMA_VERSION}`),
  };
}

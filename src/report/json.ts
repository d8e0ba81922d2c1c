import type { RunResult } from '../domain/run.ts';

/** report.json: the RunResult as is; it carries schemaVersion, so baselines and CI can check what they read. */
export function renderJson(run: RunResult): string {
  return `${JSON.stringify(run, null, 2)}\n`;
}

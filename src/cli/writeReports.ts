import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RunIncompleteError, UsageError } from '../domain/errors.ts';
import type { RunResult } from '../domain/run.ts';
import { REPORTERS, REPORT_FORMATS, type ReportFormat } from '../report/index.ts';

export function parseFormats(formats: readonly string[]): ReportFormat[] {
  if (formats.length === 0) throw new UsageError(`--format needs at least one of ${REPORT_FORMATS.join(', ')}`);
  const unknown = formats.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0) throw new UsageError(`unknown report format ${unknown.join(', ')}: choose from ${REPORT_FORMATS.join(', ')}`);
  return formats as ReportFormat[];
}

/** Writes each report to a temporary name first, so a crash never leaves half a report. */
export async function writeReports(run: RunResult, outDir: string, formats: readonly ReportFormat[]): Promise<string[]> {
  try {
    await mkdir(outDir, { recursive: true });
    const written: string[] = [];
    for (const f of formats) {
      const { fileName, render } = REPORTERS[f];
      const target = path.join(outDir, fileName);
      const tmp = `${target}.${process.pid}.tmp`;
      await writeFile(tmp, render(run), 'utf8');
      await rename(tmp, target);
      written.push(target);
    }
    return written;
  } catch (err) {
    throw new RunIncompleteError(`could not write reports to ${outDir}: ${(err as Error).message}`, { cause: err });
  }
}

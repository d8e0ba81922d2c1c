import { createWriteStream } from 'node:fs';
import { cp, lstat, mkdir, readdir, rename, rm, symlink, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { RunIncompleteError, UsageError } from '../domain/errors.ts';
import type { RunResult } from '../domain/run.ts';
import { REPORTERS, REPORT_FORMATS, type ReportFormat } from '../report/index.ts';

export function parseFormats(formats: readonly string[]): ReportFormat[] {
  if (formats.length === 0) throw new UsageError(`--format needs at least one of ${REPORT_FORMATS.join(', ')}`);
  const unknown = formats.filter((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0) throw new UsageError(`unknown report format ${unknown.join(', ')}: choose from ${REPORT_FORMATS.join(', ')}`);
  return formats as ReportFormat[];
}

/** Whether a run can write a file of this name (index.html, backend-<id>.html, ...): one an earlier run may have left behind. */
const isReportFile = (name: string): boolean => Object.values(REPORTERS).some((r) => r.owns(name));

const exists = (p: string): Promise<boolean> =>
  lstat(p).then(
    () => true,
    () => false,
  );

/**
 * Moves freshly written reports from `staged` into `outDir`. A new folder arrives whole
 * (one rename); into an existing one each file is renamed in, and report files an earlier
 * run wrote that this one did not (a junit.xml from a run with --format junit) are removed,
 * so no stale report sits beside the new ones. Files that are not reports are left alone.
 */
async function publish(staged: string, outDir: string, written: readonly string[]): Promise<void> {
  if (!(await exists(outDir))) {
    await rename(staged, outDir);
    return;
  }
  for (const name of written) await rename(path.join(staged, name), path.join(outDir, name));
  await rm(staged, { recursive: true, force: true });
  const kept = new Set(written);
  for (const name of await readdir(outDir)) if (isReportFile(name) && !kept.has(name)) await unlink(path.join(outDir, name));
}

/**
 * Points `latest` at `runDir`: a relative symlink swapped in with one rename, so a reader
 * never sees it half made. Where symlinks are refused, or `latest` is a real folder from
 * an older version, it becomes a copy of the run's reports instead.
 */
async function pointLatest(latest: string, runDir: string, written: readonly string[]): Promise<void> {
  const isLink = await lstat(latest).then(
    (s) => s.isSymbolicLink(),
    () => null,
  );
  if (isLink !== false) {
    const link = `${latest}.${process.pid}.tmp`;
    try {
      await symlink(path.relative(path.dirname(latest), runDir), link);
      await rename(link, latest);
      return;
    } catch {
      await rm(link, { force: true });
    }
  }
  const staged = `${latest}.${process.pid}.copy`;
  await mkdir(staged, { recursive: true });
  for (const name of written) await cp(path.join(runDir, name), path.join(staged, name));
  await publish(staged, latest, written);
}

/**
 * Writes the reports of `run` (index.html with its backend-<id>.html pages, report.json, ...)
 * to `outDir` through a staging folder beside it, so a crash
 * never leaves half a report and a second run never leaves the first one's files beside
 * its own. With `latest`, that path is then pointed at `outDir` (reports/latest).
 */
export async function writeReports(
  run: RunResult,
  outDir: string,
  formats: readonly ReportFormat[],
  opts: { latest?: string } = {},
): Promise<string[]> {
  const staged = `${outDir}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(outDir), { recursive: true });
    await rm(staged, { recursive: true, force: true });
    await mkdir(staged);
    const names: string[] = [];
    for (const f of formats) {
      // Each file is made only when reached and streamed to disk piece by piece: a
      // 10,000-note report.json is never held whole as one string.
      for (const file of REPORTERS[f].files(run)) {
        await pipeline(Readable.from(file.chunks), createWriteStream(path.join(staged, file.name), { encoding: 'utf8' }));
        names.push(file.name);
      }
    }
    await publish(staged, outDir, names);
    if (opts.latest) await pointLatest(opts.latest, outDir, names);
    // Each format's main file; the backend pages beside index.html are linked from it.
    return formats.map((f) => path.join(outDir, REPORTERS[f].fileName));
  } catch (err) {
    await rm(staged, { recursive: true, force: true }).catch(() => undefined);
    throw new RunIncompleteError(`could not write reports to ${outDir}: ${(err as Error).message}`, { cause: err });
  }
}

import { mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunResult } from '../domain/run.ts';
import { makeTestRun } from '../testing/testRun.ts';
import { writeReports } from './writeReports.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeReports', () => {
  it('writes a new folder whole, leaving no staging folder behind', async () => {
    const out = path.join(dir, 'reports', 'run-1');
    const written = await writeReports(makeTestRun(), out, ['json', 'md']);
    expect(written.map((w) => path.basename(w))).toEqual(['report.json', 'report.md']);
    expect((await readdir(out)).sort()).toEqual(['report.json', 'report.md']);
    expect(await readdir(path.join(dir, 'reports'))).toEqual(['run-1']);
  });

  it('into an existing folder: replaces the reports, removes stale ones, keeps files that are not reports', async () => {
    const out = path.join(dir, 'nightly');
    await mkdir(out);
    await writeFile(path.join(out, 'junit.xml'), '<old/>');
    await writeFile(path.join(out, 'notes.csv'), 'old');
    await writeFile(path.join(out, 'README.txt'), 'mine');
    await writeReports(makeTestRun(), out, ['json']);
    expect((await readdir(out)).sort()).toEqual(['README.txt', 'report.json']);
    expect(await readFile(path.join(out, 'README.txt'), 'utf8')).toBe('mine');
  });

  it('writes the backend pages beside index.html, streams report.json, and removes pages an earlier run left', async () => {
    const out = path.join(dir, 'nightly');
    await mkdir(out);
    await writeFile(path.join(out, 'backend-retired-vendor.html'), '<old/>');
    await writeFile(path.join(out, 'backend-notes.txt'), 'mine');
    const run = makeTestRun();
    const written = await writeReports(run, out, ['html', 'json']);
    // The main file of each format is reported; the pages are linked from index.html.
    expect(written.map((w) => path.basename(w))).toEqual(['index.html', 'report.json']);
    expect((await readdir(out)).sort()).toEqual([
      'backend-gold.html',
      'backend-notes.txt',
      'backend-vendor-a.html',
      'backend-vendor-b.html',
      'index.html',
      'report.json',
    ]);
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    for (const page of ['backend-gold.html', 'backend-vendor-a.html', 'backend-vendor-b.html']) expect(index).toContain(`href="${page}"`);
    expect(RunResult.parse(JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')))).toEqual(run);
    // A run without the HTML format leaves no page of the earlier run behind.
    await writeReports(run, out, ['json']);
    expect((await readdir(out)).sort()).toEqual(['backend-notes.txt', 'report.json']);
  });

  it("points latest at the newest run, and latest never holds an earlier run's file", async () => {
    const latest = path.join(dir, 'reports', 'latest');
    const first = makeTestRun();
    await writeReports(first, path.join(dir, 'reports', 'run-1'), ['json', 'junit'], { latest });
    expect(await readlink(latest)).toBe('run-1');
    const second = { ...makeTestRun(), runId: 'run-2' };
    await writeReports(second, path.join(dir, 'reports', 'run-2'), ['json'], { latest });
    expect(await readlink(latest)).toBe('run-2');
    expect(await readdir(latest)).toEqual(['report.json']);
    expect(JSON.parse(await readFile(path.join(latest, 'report.json'), 'utf8'))).toMatchObject({ runId: 'run-2' });
    // The earlier run is kept under its own id.
    expect((await readdir(path.join(dir, 'reports', 'run-1'))).sort()).toEqual(['junit.xml', 'report.json']);
  });

  it('turns a latest folder left by an older version into a copy of the newest run, without stale files', async () => {
    const latest = path.join(dir, 'reports', 'latest');
    await mkdir(latest, { recursive: true });
    await writeFile(path.join(latest, 'junit.xml'), '<old/>');
    await writeReports(makeTestRun(), path.join(dir, 'reports', 'run-3'), ['json'], { latest });
    expect(await readdir(latest)).toEqual(['report.json']);
  });
});

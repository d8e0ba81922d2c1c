import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../report/html.ts';
import { countPdfPages } from '../report/pdf.ts';
import { runCli } from '../testing/cliHarness.ts';
import { makeTestRun } from '../testing/testRun.ts';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM)
  console.warn(`SKIPPED: scribe-audit report --pdf needs Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-report-'));
  await writeFile(path.join(dir, 'index.html'), renderHtml(makeTestRun()));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('scribe-audit report --pdf', () => {
  it.skipIf(!HAVE_CHROMIUM)(
    'prints a report folder to a US Letter PDF, with the note drill-down on request',
    async () => {
      const env = { CI: 'true', CHROMIUM_PATH: CHROMIUM };
      const plain = await runCli(['report', '--pdf', '--in', dir], { env });
      expect(plain.stderr).toBe('');
      expect(plain.code).toBe(0);
      const pdf = await readFile(path.join(dir, 'report.pdf'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = countPdfPages(pdf);
      expect(plain.stdout).toBe(`Wrote ${path.join(dir, 'report.pdf')}: ${pages} US Letter page(s).\n`);
      const out = path.join(dir, 'with-notes.pdf');
      const notes = await runCli(['report', '--pdf', '--in', dir, '--out', out, '--print-notes'], { env });
      expect(notes.code).toBe(0);
      expect(notes.stdout).toContain('the note drill-down included');
      expect(countPdfPages(await readFile(out))).toBeGreaterThan(pages);
    },
    60_000,
  );

  it('exits 2 naming the fix when Chromium is not there', async () => {
    const r = await runCli(['report', '--pdf', '--in', dir, '--out', path.join(dir, 'none.pdf')], {
      env: { CI: 'true', CHROMIUM_PATH: path.join(dir, 'no-chromium') },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Chromium was not found at ${path.join(dir, 'no-chromium')}`);
    expect(r.stderr).toMatch(/apt-get install chromium/);
    expect(r.stderr).toMatch(/CHROMIUM_PATH/);
    expect(existsSync(path.join(dir, 'none.pdf'))).toBe(false);
  });

  it('exits 2 without --pdf, or without an index.html in --in', async () => {
    const bare = await runCli(['report', '--in', dir]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/--pdf/);
    const empty = await runCli(['report', '--pdf', '--in', path.join(dir, 'nowhere')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no index\.html in this report folder/);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from './html.ts';
import { makeTestRun } from '../testing/testRun.ts';

// The compliance officer opens index.html in a browser: check it there, in Debian's
// Chromium (installed by .ci/run), not only as a string.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-html-'));
});
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('index.html in a real browser', () => {
  it('makes no request beyond the file itself, runs no vendor script, and shows the safety gate first', async () => {
    const run = makeTestRun();
    const first = run.records[0]!;
    run.records[0] = { ...first, note: `${first.note ?? ''}\n${HOSTILE}` };
    const file = path.join(dir, 'index.html');
    await writeFile(file, renderHtml(run));

    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);

    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // The hostile note is kept as text, exactly as the vendor wrote it (inside a closed <details>).
    expect(await page.locator('body').textContent()).toContain('<script>window.__pwned=2</script>');

    const headings = await page.locator('h2').allInnerTexts();
    const at = (re: RegExp): number => headings.findIndex((h) => re.test(h));
    expect(at(/comparison|safety/i)).toBeGreaterThanOrEqual(0);
    expect(at(/comparison|safety/i)).toBeLessThan(at(/compliance/i));
    expect(at(/compliance/i)).toBeLessThan(at(/case/i));

    await page.screenshot({ path: path.join(tmpdir(), 'scribe-audit-report.png'), fullPage: false });
    await page.close();
  });
});

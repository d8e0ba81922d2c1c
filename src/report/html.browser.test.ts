import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBackendPages, renderHtml } from './html.ts';
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
    // A note index.html drills into (vendor-b's critical one), and one only its backend page shows.
    const critical = run.records.findIndex((r) => r.scorecard?.verdict === 'critical');
    for (const i of [0, critical]) run.records[i] = { ...run.records[i]!, note: `${run.records[i]!.note ?? ''}\n${HOSTILE}` };
    const file = path.join(dir, 'index.html');
    await writeFile(file, renderHtml(run));
    for (const p of renderBackendPages(run)) await writeFile(path.join(dir, p.name), p.html);

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

    // Every id unique, every chart and link named: what a screen reader needs from the new parts.
    expect(
      await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id).filter((id, i, all) => all.indexOf(id) !== i)),
    ).toEqual([]);
    await page.screenshot({ path: path.join(tmpdir(), 'scribe-audit-report.png'), fullPage: false });

    // A backend page, opened from its link in the index: no request beyond itself, no script run.
    const link = page.locator('nav.backend-pages a', { hasText: 'vendor-a' });
    const href = await link.getAttribute('href');
    expect(href).toBe('backend-vendor-a.html');
    requests.length = 0;
    await link.click();
    await page.waitForLoadState('load');
    expect(requests).toEqual([pathToFileURL(path.join(dir, href!)).href]);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('body').textContent()).toContain('<script>window.__pwned=2</script>');
    expect(await page.locator('h1').innerText()).toContain('vendor-a');
    await page.close();
  });

  it('draws the trend as SVG that has an accessible name and prints', async () => {
    const run = makeTestRun();
    const points = [0.5, 1].map((rate, i) => ({
      runId: `night-${i}`,
      startedAt: `2026-11-0${i + 1}T02:00:00.000Z`,
      safetyPassRate: rate,
      criticalFindings: 1 - i,
      meanEditMinutes: 3,
    }));
    const file = path.join(dir, 'trend.html');
    await writeFile(file, renderHtml({ ...run, trend: [{ backendId: 'gold', points }] }));
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    const charts = page.getByRole('img', { name: 'Safety pass rate' });
    expect(await charts.count()).toBe(1);
    expect(await page.locator('svg.chart desc').first().textContent()).toContain(
      '50% (2026-11-01, run night-0); 100% (2026-11-02, run night-1)',
    );
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('svg.chart').first().isVisible()).toBe(true);
    const pdf = await page.pdf();
    expect(pdf.byteLength).toBeGreaterThan(1000);
    await page.close();
  });
});

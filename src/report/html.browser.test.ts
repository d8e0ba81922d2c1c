import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunResult } from '../domain/run.ts';
import { renderBackendPages, renderHtml } from './html.ts';
import { countPdfPages, htmlToPdf } from './pdf.ts';
import { runCli } from '../testing/cliHarness.ts';
import { makeTestRun } from '../testing/testRun.ts';

// The compliance officer opens index.html in a browser, prints it and saves it as a PDF:
// check it there, in Debian's Chromium (installed by .ci/run), not only as a string.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM)
  console.warn(
    `SKIPPED: the browser tests of the HTML report need Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`,
  );
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
/** axe-core's own build, put into the page by the test (the report itself runs no script). */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** US Letter's width less the report's @page margins (11 mm each side), in CSS px. */
const PRINT_WIDTH = Math.floor(8.5 * 96 - (2 * 11 * 96) / 25.4);

let browser: Browser;
let dir: string;

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
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
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Violation {
  id: string;
  impact: string | null;
  nodes: string[];
}

/** axe-core over the whole page: the violations, each with the first elements it names. */
async function axe(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol: the page's CSP (no script) stays as it is.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }>;
      };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}
const severe = (vs: Violation[]): Violation[] => vs.filter((v) => v.impact === 'critical' || v.impact === 'serious');

/** Whether the page is wider than the window, and every table that runs past its box's right edge. */
async function overflow(page: Page): Promise<{ page: boolean; tables: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const tables = [...document.querySelectorAll('table')]
      .filter((t) => t.getClientRects().length > 0)
      .filter((t) => {
        const box = t.parentElement!;
        // A scroll box of its own is fine on screen; in print it must not need scrolling.
        const scrolls = getComputedStyle(box).overflowX === 'auto';
        return scrolls
          ? false
          : t.scrollWidth > box.clientWidth + 1 || t.getBoundingClientRect().right > box.getBoundingClientRect().right + 1;
      })
      .map((t) => `${t.className} ${t.scrollWidth}px in ${t.parentElement!.clientWidth}px`);
    return { page: root.scrollWidth > root.clientWidth, tables };
  });
}

describe.skipIf(!HAVE_CHROMIUM)('index.html in a real browser', () => {
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
    expect(at(/executive summary/i)).toBe(0);
    expect(at(/executive summary/i)).toBeLessThan(at(/vendor × checklist item/i));
    expect(at(/vendor × checklist item/i)).toBeLessThan(at(/compliance evidence/i));
    expect(at(/compliance evidence/i)).toBeLessThan(at(/comparison/i));
    expect(at(/comparison/i)).toBeLessThan(at(/case/i));

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

describe.skipIf(!HAVE_CHROMIUM)('index.html for everyone who reads it: axe, a phone, print', () => {
  for (const width of [1440, 390]) {
    it(`has no critical or serious axe-core violation at ${width} px, and the page never scrolls sideways`, async () => {
      const file = path.join(dir, `axe-${width}.html`);
      await writeFile(file, renderHtml(makeTestRun()));
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(pathToFileURL(file).href);
      expect(severe(await axe(page))).toEqual([]);
      expect(await overflow(page)).toEqual({ page: false, tables: [] });
      await page.close();
    });
  }

  it('reaches every table’s scroll box with the keyboard on a 390 px screen', async () => {
    const file = path.join(dir, 'keyboard.html');
    await writeFile(file, renderHtml(makeTestRun()));
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    await page.goto(pathToFileURL(file).href);
    // Boxes inside a folded <details> (every fact of a case) are reached once it is unfolded.
    const boxes = await page.locator('.table-wrap:visible').count();
    expect(boxes).toBeGreaterThan(8);
    const reached = new Set<string>();
    // Tab through the page: every scroll box takes the focus once, named for a screen reader.
    for (let i = 0; i < 400 && reached.size < boxes; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const e = document.activeElement;
        return e?.classList.contains('table-wrap')
          ? `${e.getAttribute('role')}|${e.getAttribute('aria-label')}|${[...document.querySelectorAll('.table-wrap')].indexOf(e)}`
          : null;
      });
      if (focused) reached.add(focused);
    }
    expect(reached.size).toBe(boxes);
    for (const r of reached) expect(r).toMatch(/^region\|.+\|\d+$/);
    await page.close();
  });
});

describe.skipIf(!HAVE_CHROMIUM)('the built-in audit, printed for the vendor file', () => {
  let index: string;
  let run: RunResult;

  beforeAll(async () => {
    // The built-in suite and vendor profiles, as `npx scribe-audit run` writes them; the HTML
    // is rendered here from its report.json so it is this tree's renderer that is printed.
    const out = path.join(dir, 'builtin');
    const result = await runCli(['run', '--out', out, '--format', 'json']);
    expect(result.stderr).not.toMatch(/internal error/);
    run = RunResult.parse(JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')));
    index = path.join(out, 'index.html');
    await writeFile(index, renderHtml(run));
    // The whole 40-case suite: well past the hook default on a 2-core CI box.
  }, 240_000);

  it('prints to at most 25 US Letter pages, the note drill-down left out unless asked for', async () => {
    const pdf = await htmlToPdf(index, { executablePath: CHROMIUM }, browser);
    const pages = countPdfPages(pdf);
    console.info(`The built-in audit's index.html prints to ${pages} US Letter page(s).`);
    // The page tree's own count agrees with the page objects counted.
    const counts = [
      ...pdf.toString('latin1').matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g),
    ].map((m) => Number(m[1] ?? m[2]));
    expect(Math.max(...counts)).toBe(pages);
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThanOrEqual(25);
    // Letter: 612 × 792 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0\s+0\s+612(\.0+)?\s+792(\.0+)?\s*\]/);
    const withNotes = countPdfPages(await htmlToPdf(index, { executablePath: CHROMIUM, printNotes: true }, browser));
    expect(withNotes).toBeGreaterThan(pages);
  }, 180_000);

  it('cuts no table at the right edge in print, and hides the drill-down until the box is ticked', async () => {
    const page = await browser.newPage({ viewport: { width: PRINT_WIDTH, height: 1000 } });
    await page.goto(pathToFileURL(index).href);
    await page.emulateMedia({ media: 'print' });
    expect(await overflow(page)).toEqual({ page: false, tables: [] });
    expect(await page.locator('#summary').isVisible()).toBe(true);
    expect(await page.locator('table.matrix').isVisible()).toBe(true);
    expect(await page.locator('#cases').isVisible()).toBe(false);
    expect(await page.locator('.print-omitted').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.locator('#print-notes').check();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#cases').isVisible()).toBe(true);
    expect(await page.locator('.print-omitted').isVisible()).toBe(false);
    await page.close();
  }, 120_000);

  for (const width of [1440, 390]) {
    it(`has no critical or serious axe-core violation at ${width} px, and fits a ${width} px screen`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(pathToFileURL(index).href);
      const violations = await axe(page);
      console.info(
        `axe at ${width} px on the built-in audit: ${violations.map((v) => `${v.id} (${v.impact})`).join(', ') || 'no violations'}`,
      );
      expect(severe(violations)).toEqual([]);
      expect(await overflow(page)).toEqual({ page: false, tables: [] });
      await page.close();
    }, 180_000);
  }
});

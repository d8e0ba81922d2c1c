import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserType } from 'playwright-core';

/**
 * index.html to PDF with the system's Chromium (Debian's /usr/bin/chromium; never a
 * downloaded browser), for the vendor file. The report's own print stylesheet decides the
 * layout: US Letter, the summary, matrix and evidence, and the note drill-down only when
 * `printNotes` ticks the page's "Print the note drill-down too" box.
 */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The flags every Chromium this project starts gets: offline, no first-run or update work. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export const chromiumPath = (env: NodeJS.ProcessEnv): string => env['CHROMIUM_PATH'] || DEFAULT_CHROMIUM;

export class ChromiumMissingError extends Error {}

/** Starts Chromium at `executablePath`, or says what to install when it or playwright-core is missing. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new ChromiumMissingError(
      `Chromium was not found at ${executablePath}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary; or open index.html in a browser and print it to PDF.`,
    );
  }
  let chromium: BrowserType;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new ChromiumMissingError(
      'playwright-core is not installed, so Chromium cannot be driven: run `npm install playwright-core` in scribe-audit.',
    );
  }
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
}

/** Pages in a PDF Chromium wrote: its page objects (`/Type /Page`, not `/Pages`). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
}

export interface PdfOptions {
  executablePath: string;
  /** Print the note drill-down too (left out of print by default). */
  printNotes?: boolean;
}

/** Renders `htmlFile` to US Letter PDF bytes; requests outside the file's own folder are refused. */
export async function htmlToPdf(htmlFile: string, opts: PdfOptions, browser?: Browser): Promise<Buffer> {
  const own = browser ?? (await launchChromium(opts.executablePath));
  try {
    const page = await own.newPage();
    // The report requests nothing; should anything try, it stays offline.
    await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(htmlFile).href);
    if (opts.printNotes && (await page.locator('#print-notes').count()) > 0) await page.locator('#print-notes').check();
    const pdf = await page.pdf({ format: 'Letter', printBackground: true, preferCSSPageSize: true });
    await page.close();
    return pdf;
  } finally {
    if (!browser) await own.close();
  }
}

export async function writePdf(htmlFile: string, outFile: string, opts: PdfOptions): Promise<number> {
  const pdf = await htmlToPdf(htmlFile, opts);
  // Written beside and renamed into place: a reader never sees half a PDF.
  const part = `${outFile}.${process.pid}.part`;
  try {
    await writeFile(part, pdf);
    await rename(part, outFile);
  } catch (err) {
    await rm(part, { force: true });
    throw err;
  }
  return countPdfPages(pdf);
}

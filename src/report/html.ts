import { readdirSync, readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { RunResult } from '../domain/run.ts';
import { fixed, maybePercent, money, percent, seconds } from './format.ts';
import { backendPageViews, buildView, type Tone } from './view.ts';

const templatesDir = new URL('./templates/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, templatesDir), 'utf8');

/** A shape beside each colour, and the word beside both, so no outcome is told by colour alone. */
const ICONS: Record<Tone, string> = { good: '✔', warn: '▲', bad: '✖', unknown: '?', na: '–' };

// A private instance: helpers and partials registered here cannot leak into, or be
// replaced by, another module's use of the global Handlebars.
const hbs = Handlebars.create();
hbs.registerHelper('percent', (share: number) => percent(share));
hbs.registerHelper('fixed', (n: number, digits: number) => fixed(n, digits));
hbs.registerHelper('maybePercent', (share: number | null) => maybePercent(share));
hbs.registerHelper('money', (usd: number | null) => money(usd));
hbs.registerHelper('seconds', (ms: number | null) => seconds(ms));
hbs.registerHelper('kappa3', (k: number | null) => (k === null ? 'n/a (one answer throughout)' : k.toFixed(2)));
hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
hbs.registerHelper('gt', (a: number, b: number) => a > b);
hbs.registerHelper('icon', (tone: Tone) => ICONS[tone] ?? '•');
hbs.registerHelper('yesNo', (b: boolean) => (b ? '✔ yes' : '✖ no'));
// Bar lengths are clamped so a malformed share can never draw outside its box.
hbs.registerHelper('barWidth', (share: number) => fixed(Math.min(1, Math.max(0, share)) * 100, 1));

for (const file of readdirSync(new URL('./partials/', templatesDir))) {
  // The file's final newline would otherwise land inside inline markup, e.g. before a count.
  if (file.endsWith('.hbs')) hbs.registerPartial(file.slice(0, -'.hbs'.length), read(`partials/${file}`).replace(/\n$/, ''));
}

// strict: a misspelt field in a template throws in the tests instead of rendering blank.
// preventIndent: Handlebars would otherwise indent every line a partial prints, note
// text inside <pre> included, and change what the vendor wrote.
const page = hbs.compile(read('report.hbs'), { strict: true, preventIndent: true });
const backendPage = hbs.compile(read('backend.hbs'), { strict: true, preventIndent: true });

/**
 * The self-contained index.html: inline CSS and SVG, no scripts, no external requests. It
 * drills down only into notes that need attention; see `renderBackendPages` for the rest.
 */
export function renderHtml(run: RunResult): string {
  return page(buildView(run));
}

/** backend-<id>.html per backend, rendered one at a time: every case, linked from index.html. */
export function* renderBackendPages(run: RunResult): Generator<{ name: string; html: string }> {
  for (const { page: name, view } of backendPageViews(run)) yield { name, html: backendPage(view) };
}

/** Names the HTML reporter may write besides index.html: an earlier run's pages are removed by them. */
export const isBackendPage = (name: string): boolean => /^backend-.+\.html$/.test(name);

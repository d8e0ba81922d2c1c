// npm run bench:report — the reports of a 10,000-note run: a synthetic RunResult made of
// real scorer output (the built-in suite's five reference scribes on every built-in case,
// scored once) replicated to 50 samples per case with variations, written in every format
// and streamed to disk as `scribe-audit run` does it (writeReports), then index.html opened in headless Chromium.
// Prints sizes, render time, peak RSS and load time; exits 1 if a target is missed.
// Usage: npm run bench:report -- [samples=50] [distinct=0.2]
//   distinct: share of samples whose note text (and so record) differs from every other
//   sample of its backend and case; 1 makes every note unique (the worst case for report.json).
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { createBackend } from '../backends/registry.ts';
import { loadConfig } from '../config/load.ts';
import { DEFAULTS } from '../config/paths.ts';
import { readRubrics } from '../config/rubrics.ts';
import { readCases } from '../corpus/index.ts';
import type { NoteRecord, RunResult } from '../domain/run.ts';
import { REPORT_FORMATS, REPORTERS } from '../report/index.ts';
import { runAudit } from '../runner/audit.ts';
import { summarizeBackends } from '../scoring/aggregate.ts';
import { launchChromium } from '../report/pdf.ts';

const [samplesArg = 50, distinctArg = 0.2] = process.argv.slice(2).map(Number);
const SAMPLES = samplesArg;
const DISTINCT = distinctArg;
const CHROMIUM = '/usr/bin/chromium';
const MB = 1024 * 1024;
const TARGETS = { htmlBytes: 20 * MB, jsonBytes: 50 * MB, rssBytes: 500 * MB, loadMs: 5000 };

/** A copy of plain data that shares strings (as scorer output shares the transcript's), not objects. */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)])) as T;
  return value;
}

/** A deterministic 0..1 from the sample's coordinates, so every bench run builds the same RunResult. */
function unit(...parts: number[]): number {
  let h = 2166136261;
  for (const p of parts) h = Math.imul(h ^ p, 16777619) >>> 0;
  return (h % 10_000) / 10_000;
}

async function syntheticRun(): Promise<RunResult> {
  // The built-in suite as `scribe-audit run` sets it up (reference scribes only: no key, no network).
  const { config, file } = await loadConfig(undefined, process.cwd());
  const rubrics = await readRubrics(DEFAULTS.rubrics);
  const { cases } = await readCases(DEFAULTS.fixtures);
  const ctx = { rubrics, env: {}, baseDir: path.dirname(file), timeoutMs: 60_000 };
  const base = await runAudit(
    {
      backends: config.backends.map((c) => ({ config: c, backend: createBackend(c, ctx) })),
      cases,
      rubrics,
      vendors: [],
      samples: 1,
      concurrency: 8,
      timeoutMs: 60_000,
      retries: 0,
    },
    {
      signal: new AbortController().signal,
      onEvent: () => {},
      now: () => new Date('2026-12-01T02:00:00Z'),
      runId: 'bench',
      version: 'bench',
    },
  );
  const byCase = new Map<string, NoteRecord[]>();
  for (const r of base.records) byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r]);
  const records: NoteRecord[] = [];
  for (const [b, backend] of base.backends.entries()) {
    for (const [c, kase] of base.cases.entries()) {
      const same = byCase.get(kase.id) ?? [];
      const own = same.find((r) => r.backendId === backend.id);
      if (!own) continue;
      for (let s = 0; s < SAMPLES; s++) {
        // Now and then a sample comes out like another scribe's note of the same case
        // (a different verdict to fold), and a share of samples differ in wording.
        const swap = unit(b, c, s, 1) < 0.1 ? same[(same.indexOf(own) + 1) % same.length]! : own;
        const r = copy(swap);
        r.backendId = backend.id;
        r.sample = s;
        r.latencyMs = Math.round(own.latencyMs + 800 + unit(b, c, s, 2) * 4000);
        if (unit(b, c, s, 3) < DISTINCT && r.note !== null && r.scorecard) {
          r.note = `${r.note}\nSession reviewed with the client (sample ${s}, draft ${Math.round(unit(b, c, s, 4) * 1e6)}).`;
          r.scorecard.editing.minutes = Math.round((r.scorecard.editing.minutes + unit(b, c, s, 5)) * 100) / 100;
          r.scorecard.editing.noteWords += 11;
        }
        records.push(r);
      }
    }
  }
  const trend = base.backends.map((b, i) => ({
    backendId: b.id,
    points: Array.from({ length: 10 }, (_, n) => ({
      runId: `nightly-${n + 1}`,
      startedAt: `2026-11-${String(20 + n).padStart(2, '0')}T02:00:00.000Z`,
      safetyPassRate: Math.min(1, 0.6 + unit(i, n, 7) * 0.4),
      criticalFindings: Math.round(unit(i, n, 8) * 40),
      meanEditMinutes: Math.round(unit(i, n, 9) * 120) / 10,
    })),
  }));
  return { ...base, samples: SAMPLES, records, summaries: summarizeBackends(base.backends, records), trend };
}

const mb = (b: number): string => `${(b / MB).toFixed(1)} MB`;
const mark = (ok: boolean): string => (ok ? '✔' : '✖');

const built = performance.now();
const run = await syntheticRun();
const buildMs = performance.now() - built;
const rssAfterBuild = process.memoryUsage().rss;
const maxRssBeforeRender = process.resourceUsage().maxRSS * 1024;
const dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-bench-report-'));
const out = path.join(dir, 'out');
const started = performance.now();
// As writeReports does it (src/cli sits above the benches): each file streamed to disk as it is made.
await mkdir(out);
for (const f of REPORT_FORMATS)
  for (const o of REPORTERS[f].files(run)) await pipeline(Readable.from(o.chunks), createWriteStream(path.join(out, o.name)));
const renderMs = performance.now() - started;
// maxRSS is in KiB; read before Chromium is started (it runs in its own processes anyway).
const peakRss = process.resourceUsage().maxRSS * 1024;

const files = (await readdir(out)).sort();
const sizes = new Map<string, number>();
for (const f of files) sizes.set(f, (await stat(path.join(out, f))).size);
const pages = files.filter((f) => f.startsWith('backend-'));
const htmlBytes = sizes.get('index.html') ?? 0;
const jsonBytes = sizes.get('report.json') ?? 0;

console.log(
  `Report benchmark: ${run.records.length} notes (${run.backends.length} backends × ${run.cases.length} cases × ${SAMPLES} samples, ${Math.round(DISTINCT * 100)}% of samples with their own wording); load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  `  synthetic run built in ${(buildMs / 1000).toFixed(1)} s; rss after building ${mb(rssAfterBuild)}, peak while building ${mb(maxRssBeforeRender)}`,
);
for (const f of files.filter((x) => !x.startsWith('backend-'))) console.log(`  ${f.padEnd(12)} ${mb(sizes.get(f)!)}`);
console.log(
  `  ${pages.length} backend pages, largest ${mb(Math.max(0, ...pages.map((p) => sizes.get(p)!)))}, together ${mb(pages.reduce((n, p) => n + sizes.get(p)!, 0))}`,
);
const ok = {
  html: htmlBytes <= TARGETS.htmlBytes,
  json: jsonBytes <= TARGETS.jsonBytes,
  rss: peakRss <= TARGETS.rssBytes,
  load: true,
};
console.log(`${mark(ok.html)} index.html   ${mb(htmlBytes)}  target at most ${mb(TARGETS.htmlBytes)}`);
console.log(`${mark(ok.json)} report.json  ${mb(jsonBytes)}  target at most ${mb(TARGETS.jsonBytes)}`);
console.log(`  render time  ${(renderMs / 1000).toFixed(2)} s (every format, streamed to disk as writeReports does)`);
console.log(
  `${mark(ok.rss)} peak RSS     ${mb(peakRss)}  target at most ${mb(TARGETS.rssBytes)} (process.resourceUsage().maxRSS, building included)`,
);

if (existsSync(CHROMIUM)) {
  const browser = await launchChromium(CHROMIUM);
  try {
    const page = await browser.newPage();
    const url = pathToFileURL(path.join(out, 'index.html')).href;
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    const dcl = performance.now() - t0;
    await page.waitForLoadState('load');
    const loadMs = performance.now() - t0;
    ok.load = loadMs <= TARGETS.loadMs;
    console.log(
      `${mark(ok.load)} Chromium     DOMContentLoaded ${(dcl / 1000).toFixed(2)} s, load ${(loadMs / 1000).toFixed(2)} s  target at most ${TARGETS.loadMs / 1000} s`,
    );
    await page.close();
  } finally {
    await browser.close();
  }
} else {
  console.log(`  Chromium     skipped: ${CHROMIUM} is not installed, so the load time was not measured`);
}
await rm(dir, { recursive: true, force: true });
process.exitCode = Object.values(ok).every(Boolean) ? 0 : 1;

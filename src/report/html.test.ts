import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { RunResult } from '../domain/run.ts';
import { renderBackendPages, renderHtml } from './html.ts';
import { BREAKOUT, makeHostileRun, makeTestRun, SCRIPT, SI_EVIDENCE } from '../testing/testRun.ts';

const esc = (s: string): string => Handlebars.Utils.escapeExpression(s);

/** Markup from each opening tag with the class to the first closing tag of that name: enough for the parts checked here. */
function blocks(html: string, tag: string, cls: string): string[] {
  const out: string[] = [];
  const open = new RegExp(`<${tag} class="[^"]*\\b${cls}\\b[^"]*"`, 'g');
  for (const m of html.matchAll(open)) out.push(html.slice(m.index, html.indexOf(`</${tag}>`, m.index)));
  return out;
}

describe('renderHtml: escaping', () => {
  const run = RunResult.parse(makeHostileRun());
  const html = renderHtml(run);

  it('shows every attacker-shaped field only as escaped text', () => {
    for (const marker of ['NOTE', 'VENDOR', 'TITLE', 'QUOTE', 'JUDGE']) expect(html).toContain(esc(`${marker}${SCRIPT}`));
    for (const marker of ['ERROR', 'EVIDENCE', 'vendor-b', 'cbt-anx', 'CRITERION', 'JERROR'])
      expect(html).toContain(esc(`${marker}${BREAKOUT}`));
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain(BREAKOUT);
    expect(html).not.toMatch(/<script|<img|onerror=/i);
  });

  it('keeps note text byte for byte in its <pre>, line breaks included', () => {
    expect(html).toContain(`<pre>${esc(`NOTE${SCRIPT}\nsecond, "line"`)}</pre>`);
  });
});

/** No script, no external request: only same-page anchors and the report's own pages as links, a CSP that forbids the rest. */
function expectSelfContained(html: string): void {
  const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]);
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^(#[\w-]+|index\.html|backend-[A-Za-z0-9._-]+\.html)$/);
  expect(html).not.toMatch(/\s(src|srcset|action|xlink:href)=/i);
  expect(html).not.toMatch(/<(link|script|iframe|object|embed|img)\b|@import|url\(/i);
  expect(html).not.toMatch(/\son[a-z]+=/i);
  expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
  expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
}

describe('renderHtml: self-contained', () => {
  const run = makeTestRun();
  const html = renderHtml(run);

  it('makes no external request and runs no script: index.html and every backend page', () => {
    expectSelfContained(html);
    const pages = [...renderBackendPages(run)];
    expect(pages.length).toBe(3);
    for (const p of pages) expectSelfContained(p.html);
    const hostile = RunResult.parse(makeHostileRun());
    expectSelfContained(renderHtml(hostile));
    for (const p of renderBackendPages(hostile)) {
      expectSelfContained(p.html);
      expect(p.html).not.toContain(SCRIPT);
      expect(p.html).not.toContain(BREAKOUT);
    }
  });

  it('keeps a vendor evidence address as plain text, not a link', () => {
    expect(html).toContain('<div class="address">https://lumen-notes.example/legal/baa.pdf</div>');
  });
});

describe('renderHtml: LLM judge', () => {
  const html = renderHtml(makeTestRun());

  it('shows kappa, agreement and each disagreement, and says the judge never decides the verdict', () => {
    const section = html.slice(html.indexOf('id="judge-h"'), html.indexOf('</section>', html.indexOf('id="judge-h"')));
    expect(section).toMatch(/graded 12 criteria and agreed with the deterministic scorer on 11/);
    expect(section).toMatch(/Cohen's kappa: <strong>0\.80<\/strong>; 1 grade\(s\) could not be had/);
    expect(section).toMatch(/cannot pass a note the safety gate failed/);
    expect(section).toContain('<code>vendor-b</code> · <code>ipt-role-transition-passive-si</code> #0');
    expect(section).toMatch(/<td>not captured<\/td>\s*<td>met<\/td>/);
  });

  it('says when kappa is undefined instead of printing a number', () => {
    const run = makeTestRun();
    run.judge = { ...run.judge!, kappa: null };
    expect(renderHtml(run)).toContain("Cohen's kappa: <strong>n/a (one answer throughout)</strong>");
  });
});

describe('renderHtml: layout', () => {
  const run = makeTestRun();
  const html = renderHtml(run);

  it('opens with the executive summary and the run status, then the matrix and evidence, then the ranking and the drill-downs', () => {
    const headings = [...html.matchAll(/<h2 id="([a-z-]+)-h">/g)].map((m) => m[1]);
    expect(headings.filter((h) => !h?.endsWith('banner'))).toEqual([
      'summary',
      'matrix',
      'compliance',
      'comparison',
      'controls',
      'judge',
      'trend',
      'cases',
    ]);
    // The run status banner follows the summary, before the matrix.
    expect(html.indexOf('id="summary-h"')).toBeLessThan(html.indexOf('id="status-banner"'));
    expect(html.indexOf('id="status-banner"')).toBeLessThan(html.indexOf('id="matrix-h"'));
    // Without a judge, no judge section at all.
    const plain = renderHtml({ ...run, judge: null });
    expect(plain).not.toContain('id="judge-h"');
    const start = html.indexOf('<table class="comparison">');
    const header = html.slice(start, html.indexOf('</thead>', start));
    const col = (name: string): number => header.indexOf(name);
    expect(col('Safety pass rate')).toBeGreaterThan(col('Backend'));
    for (const later of ['pass^k', 'Omission', 'Template fit', 'Major fabrications', 'Edit rate'])
      expect(col('Critical findings')).toBeLessThan(col(later));
  });

  it('lists backends by rank and marks a safety pass rate below 100% red and in words', () => {
    const rows = blocks(html, 'tr', 'row-(?:safe|unsafe)');
    expect(rows.map((r) => /<code class="backend">([^<]+)</.exec(r)?.[1])).toEqual(['gold', 'vendor-a', 'vendor-b']);
    const unsafe = rows[2] ?? '';
    expect(unsafe).toContain('<td class="safety tone-bad">');
    expect(unsafe).toContain('50%');
    expect(unsafe).toContain('below 100%');
    expect(rows[0]).toContain('<td class="safety tone-good">');
  });

  it('shows one run status: amber incomplete with its causes, red failed with reasons, green passed', () => {
    // The test run is missing a note: incomplete wins over its failed gate.
    expect(html).toContain('id="status-banner"');
    expect(html).toContain('Run incomplete');
    expect(html).toContain('raise --timeout, or lower --concurrency');
    expect(html).not.toContain('id="gate-ok"');
    for (const reason of run.gate.reasons) expect(html).toContain(esc(reason));
    const failed = renderHtml({ ...run, status: 'failed', missing: [] });
    expect(failed).toContain('id="gate-banner"');
    expect(failed).not.toContain('id="status-banner"');
    const passed = renderHtml({ ...run, status: 'passed', missing: [], gate: { ok: true, reasons: [] } });
    expect(passed).not.toContain('id="gate-banner"');
    expect(passed).not.toContain('id="status-banner"');
    expect(passed).toContain('id="gate-ok"');
  });

  it('says loudly that the harness cannot be trusted only when a control misbehaved', () => {
    expect(html).toContain('id="controls-banner"');
    expect(html).toContain('The harness itself cannot be trusted');
    const behaved = renderHtml({ ...run, controls: run.controls.map((c) => ({ ...c, ok: true, misbehaved: [] })) });
    expect(behaved).not.toContain('id="controls-banner"');
  });

  it('quotes each transcript turn once per case, and the finding beside the note quote links to it', () => {
    const finding = blocks(html, 'article', 'finding').find((f) => f.includes('Client denies suicidal ideation.'));
    expect(finding).toBeDefined();
    const f = finding ?? '';
    const transcript = f.indexOf('side-transcript');
    const note = f.indexOf('side-note');
    expect(transcript).toBeGreaterThan(-1);
    expect(note).toBeGreaterThan(transcript);
    const caseIndex = run.cases.findIndex((c) => c.id === 'ipt-role-transition-passive-si');
    for (const e of SI_EVIDENCE) {
      const link = f.indexOf(`<a href="#ev-${caseIndex}-${e.turn}">Turn ${e.turn}</a> <span class="speaker">${e.speaker}</span>`);
      expect(link).toBeGreaterThan(transcript);
      expect(link).toBeLessThan(note);
      // The text itself once in the whole page, in the case's evidence list, under the anchor linked to.
      expect(html.split(esc(e.text))).toHaveLength(2);
      expect(html).toMatch(new RegExp(`<blockquote class="turn" id="ev-${caseIndex}-${e.turn}">.*${esc(e.text).slice(0, 20)}`));
    }
    expect(f.indexOf('Client denies suicidal ideation.')).toBeGreaterThan(note);
    expect(f).toContain('contradicted');
  });

  it('drills down only into backend × case entries with a failing, review, errored or regressed note, k samples folded into one', () => {
    const folds = blocks(html, 'details', 'record');
    const summaries = folds.map((r) => /<summary><code class="backend">([^<]+)<\/code>/.exec(r)?.[1]);
    // vendor-a's anxiety case (a fabrication), vendor-b's SI case (critical) and anxiety case
    // (an error), gold's anxiety case (template): the SI case of vendor-a and gold passed twice.
    expect(folds).toHaveLength(4);
    expect(summaries.sort()).toEqual(['gold', 'vendor-a', 'vendor-b', 'vendor-b']);
    for (const fold of folds) {
      expect(fold).toMatch(/^<details class="[^"]*" id="case-\d+-\d+" open>/);
      expect(fold).toContain('2 sample(s)');
    }
    const critical = folds.find((r) => r.includes('worst #0') && r.includes('critical</span>'));
    expect(critical).toBeDefined();
    // The tally and what differs between the two samples.
    expect(critical).toMatch(/critical<\/span> 1 <span class="sub-inline">#0<\/span>/);
    expect(critical).toMatch(/pass<\/span> 1 <span class="sub-inline">#1<\/span>/);
    expect(critical).toContain('Safety finding si-passive: contradicted in #0; captured in #1.');
    const error = folds.find((r) => r.includes('TIMEOUT'));
    expect(error).toContain('backend did not answer within 60000 ms');
    expect(error).toContain('worst #1');
    expect(error).toContain('error</span>');
    // Both cases have a note that needs attention, so none is left to the backend pages alone.
    expect(html).not.toContain('have no note that needs attention');
  });

  it('folds 50 samples of a case into one entry with the worst drilled into', () => {
    const base = makeTestRun();
    const template = base.records.find((r) => r.backendId === 'vendor-b' && r.sample === 0 && r.scorecard?.verdict === 'critical')!;
    const pass = base.records.find((r) => r.backendId === 'vendor-b' && r.sample === 1 && r.caseId === template.caseId)!;
    const records = Array.from({ length: 50 }, (_, s) => ({ ...structuredClone(s === 17 ? template : pass), sample: s }));
    const many = renderHtml({ ...base, samples: 50, records });
    const folds = blocks(many, 'details', 'record');
    expect(folds).toHaveLength(1);
    expect(folds[0]).toContain('50 sample(s) · worst #17');
    expect(folds[0]).toMatch(/pass<\/span> 49 <span class="sub-inline">#0–#16, #18–#49<\/span>/);
    expect(blocks(many, 'article', 'finding').filter((f) => f.includes('si-passive'))).toHaveLength(1);
  });

  it('drills into a note that regressed since the baseline even when it passes now', () => {
    const regressed = renderHtml({
      ...run,
      regressions: [
        {
          baselineRunId: 'run-before',
          backendId: 'vendor-a',
          regressed: true,
          metrics: [],
          verdictChanges: [
            { caseId: 'ipt-role-transition-passive-si', sample: 1, from: 'pass', to: 'fail', worse: true, finding: 'omission fell' },
          ],
        },
      ],
    });
    const folds = blocks(regressed, 'details', 'record');
    expect(folds).toHaveLength(5);
    const fold = folds.find((r) => r.includes('Sample #1: pass → fail: omission fell'));
    expect(fold).toContain('regressed</span>');
    expect(fold).toContain('vendor-a');
  });

  it('links a self-contained page per backend that drills into every case', () => {
    const pages = [...renderBackendPages(run)];
    expect(pages.map((p) => p.name)).toEqual(['backend-vendor-a.html', 'backend-vendor-b.html', 'backend-gold.html']);
    for (const p of pages) {
      expect(html).toContain(`<a href="${p.name}">`);
      expect(p.html).toContain('<a href="index.html">');
      // Both cases, passing ones included, one fold each.
      expect(blocks(p.html, 'details', 'record')).toHaveLength(2);
      expect(p.html.match(/<section class="case" /g)).toHaveLength(2);
    }
    const gold = pages.find((p) => p.name === 'backend-gold.html')!.html;
    expect(blocks(gold, 'details', 'record').map((r) => /<summary><code class="backend">([^<]+)</.exec(r)?.[1])).toEqual(['gold', 'gold']);
    // A hostile id becomes a safe file name.
    const hostile = [...renderBackendPages(makeHostileRun())].map((p) => p.name);
    for (const name of hostile) expect(name).toMatch(/^backend-[A-Za-z0-9._-]+\.html$/);
    expect(new Set(hostile).size).toBe(3);
  });

  it('labels every compliance outcome in words as well as colour', () => {
    const checklist = html.slice(html.indexOf('id="compliance"'), html.indexOf('id="cases"'));
    for (const [outcome, tone] of [
      ['pass', 'good'],
      ['warn', 'warn'],
      ['fail', 'bad'],
      ['unknown', 'unknown'],
    ] as const) {
      expect(checklist).toMatch(
        new RegExp(
          `<td class="tone-${tone}"><span class="badge tone-${tone}"><span aria-hidden="true">[✔▲✖?]</span> ${outcome}</span></td>`,
        ),
      );
    }
    expect(checklist).toContain('Covers backends: <code>vendor-a</code>');
  });
});

/** The markup of the element that opens at `id="…"` up to the next closing tag of that element's name. */
function byId(html: string, id: string, tag = 'section'): string {
  const at = html.lastIndexOf(`<${tag}`, html.indexOf(`id="${id}"`));
  return html.slice(at, html.indexOf(`</${tag}>`, at));
}

describe('renderHtml: the compliance officer’s report', () => {
  const run = makeTestRun();
  const html = renderHtml(run);
  const summary = byId(html, 'summary');

  it('gives each vendor and its backends a plain verdict on safety, quality and compliance', () => {
    const rows = summary.split('<tr>').slice(2);
    expect(rows[0]).toContain('<a href="#vendor-0">Lumen Notes</a>');
    expect(rows[0]).toContain('<code class="backend">vendor-a</code>');
    expect(rows[0]).toMatch(/tone-good safety-verdict"><span aria-hidden="true">✔<\/span> Safe on all 4 notes/);
    expect(rows[0]).toContain('quality: 3 of 4 notes pass every gate · omission 90% · template 90% · 1 major fabrication');
    expect(rows[0]).toMatch(/tone-warn"><span aria-hidden="true">▲<\/span> compliance: gaps \(1 fail, 1 warn, 1 unknown\)/);
    expect(rows[1]).toContain('<a href="#vendor-1">Cradle Scribe</a>');
    expect(rows[1]).toContain('1 unsafe note of 3; 1 note missing');
    expect(rows[1]).toMatch(/tone-bad"><span aria-hidden="true">✖<\/span> compliance: fails BAA-01/);
    expect(rows[1]).toContain('do not sign yet');
    // A backend no vendor profile names still gets its safety and quality, and says compliance was not checked.
    expect(rows[2]).toContain('No vendor profile');
    expect(rows[2]).toContain('<code class="backend">gold</code>');
    expect(rows[2]).toContain('compliance: not checked');
  });

  it('groups a vendor’s backends under one vendor cell', () => {
    const two = makeTestRun();
    two.compliance[0]!.backends = ['vendor-a', 'gold'];
    const rows = byId(renderHtml(two), 'summary').split('<tr>').slice(2);
    expect(rows[0]).toContain('rowspan="2"');
    expect(rows[0]).toContain('<code class="backend">gold</code>');
    expect(rows[1]).not.toContain('vendor-cell');
    expect(rows[1]).toContain('<code class="backend">vendor-a</code>');
    expect(rows).toHaveLength(3);
  });

  it('draws a vendor × item matrix grouped by section, each cell an icon and a word linking to the evidence', () => {
    const matrix = byId(html, 'matrix');
    expect(matrix).toContain('<th scope="col" class="vendor-col"><a href="#vendor-0">Lumen Notes</a>');
    expect(matrix).toContain('<th scope="col" class="vendor-col"><a href="#vendor-1">Cradle Scribe</a>');
    expect([...matrix.matchAll(/<th scope="colgroup" colspan="3">([^<]+)</g)].map((m) => m[1])).toEqual([
      'Business Associate Agreement',
      'SOC 2',
      'Retention',
      '42 CFR Part 2',
    ]);
    expect(matrix).toContain('<td class="cell tone-good"><a href="#vendor-0-item-0"><span aria-hidden="true">✔</span> pass</a></td>');
    expect(matrix).toContain('<td class="cell tone-bad"><a href="#vendor-1-item-0"><span aria-hidden="true">✖</span> fail</a></td>');
    expect(matrix).toContain('<td class="cell tone-na"><a href="#vendor-0-item-4"><span aria-hidden="true">–</span> n/a</a></td>');
    // Cradle Scribe was never checked on SOC-01: said in words, no link.
    expect(matrix).toContain('<td class="cell tone-unknown"><span aria-hidden="true">?</span> not checked</td>');
    // Every link in the matrix lands on an element of the page.
    for (const [, id] of matrix.matchAll(/href="#([^"]+)"/g)) expect(html).toContain(`id="${id}"`);
  });

  it('shows every answer’s note, evidence kind, address as text, as-of, dates, re-verify-by and expiry', () => {
    const lumen = byId(html, 'vendor-0');
    const baa = byId(lumen, 'vendor-0-item-0', 'tr');
    expect(baa).toContain('<strong>Note:</strong> Countersigned BAA; termination-for-breach clause in section 9.');
    expect(baa).toContain('<div>Kind: contract</div>');
    expect(baa).toContain('As of <time datetime="2026-10-02">2026-10-02</time>');
    expect(baa).toContain('Signed: <time datetime="2026-09-15">2026-09-15</time>');
    expect(baa).toContain('Re-verify by 2027-10-02');
    expect(baa).toContain('<div class="address">https://lumen-notes.example/legal/baa.pdf</div>');
    const soc = byId(lumen, 'vendor-0-item-1', 'tr');
    expect(soc).toContain('SOC 2 period start: <time datetime="2025-01-01">2025-01-01</time>');
    expect(soc).toContain('SOC 2 period end: <time datetime="2025-12-31">2025-12-31</time>');
    expect(soc).toContain('Expires 2026-12-31');
    const na = byId(lumen, 'vendor-0-item-4', 'tr');
    expect(na).toContain('<td class="tone-na"><span class="badge tone-na"><span aria-hidden="true">–</span> not applicable</span></td>');
    expect(na).toContain('The practice is not a Part 2 program.');
    expect(lumen).toContain('not applicable</span> 1</li>');
    const cradle = byId(html, 'vendor-1');
    expect(cradle).toContain('compliance: fails BAA-01. Critical items failing: <code>BAA-01</code>');
    expect(cradle).toContain('BAA offered on the enterprise tier only; the solo plan has none.');
    // Sources once per item, not once per vendor.
    expect(html.split('45 CFR 164.504(e)')).toHaveLength(6);
  });

  it('still renders a report written before notes, dates and verdicts existed, working the verdict out', () => {
    const old = makeTestRun() as unknown as { compliance: Record<string, unknown>[] };
    for (const v of old.compliance) {
      delete v['verdict'];
      delete v['criticalFailures'];
      v['items'] = (v['items'] as Record<string, unknown>[])
        .filter((i) => i['outcome'] !== 'not-applicable')
        .map(({ note: _n, reverifyBy: _r, expiresOn: _e, dates: _d, ...rest }) => rest);
    }
    const page = renderHtml(old as unknown as RunResult);
    expect(page).toContain('compliance: fails BAA-01');
    expect(page).toContain('compliance: gaps (1 fail, 1 warn, 1 unknown)');
    expect(page).not.toContain('Re-verify by');
    expect(page).not.toContain('<strong>Note:</strong>');
  });

  it('puts every wide table in a scroll box a keyboard reaches, with a role and a name', () => {
    const wraps = [...html.matchAll(/<div class="table-wrap[^"]*"([^>]*)>/g)].map((m) => m[1]);
    expect(wraps.length).toBeGreaterThan(5);
    for (const attrs of wraps) expect(attrs).toMatch(/^ tabindex="0" role="region" aria-label="[^"]+"$/);
    // Every table in the page sits in one.
    expect(html.match(/<table/g)?.length).toBe(wraps.length);
  });

  it('leaves the note drill-down out of print unless a box is ticked, with no script', () => {
    expect(html).toMatch(/@media print \{[^}]*\}?[\s\S]*#cases \{ display: none; \}/);
    expect(html).toContain('body:has(#print-notes:checked) #cases { display: block; }');
    expect(html).toContain('<input type="checkbox" id="print-notes"> <label for="print-notes">Print the note drill-down too</label>');
    expect(html).toContain('scribe-audit report --pdf --print-notes');
    expect(html).toMatch(/@page \{ size: letter;/);
    expect(html).not.toMatch(/<script/i);
  });
});

describe('renderHtml: trend', () => {
  const run = makeTestRun();
  const points = [0.5, 0.75, 1].map((rate, i) => ({
    runId: `night-${i + 1}`,
    startedAt: `2026-11-0${i + 3}T02:00:00.000Z`,
    safetyPassRate: rate,
    criticalFindings: 2 - i,
    meanEditMinutes: 4 + i,
  }));
  const html = renderHtml({ ...run, trend: [{ backendId: 'vendor-a', points }] });

  it('draws safety, critical findings and edit minutes per backend as inline SVG with labelled axes and a text alternative', () => {
    const section = html.slice(html.indexOf('id="trend"'), html.indexOf('</section>', html.indexOf('id="trend"')));
    const charts = [...section.matchAll(/<svg class="chart"[^>]*role="img" aria-labelledby="([^"]+)"/g)];
    expect(charts).toHaveLength(3);
    for (const [, ids] of charts) for (const id of ids!.split(' ')) expect(section).toContain(`id="${id}"`);
    expect(section).toContain('<title id="trend-0-safety-t">Safety pass rate</title>');
    expect(section).toContain(
      'Safety pass rate of vendor-a over 3 run(s), oldest first: 50% (2026-11-03, run night-1); 75% (2026-11-04, run night-2); 100% (2026-11-05, run night-3).',
    );
    expect(section).toContain('% of notes safe · run date');
    expect(section).toContain('>2026-11-03</text>');
    expect(section).toMatch(/<polyline class="series" points="[\d., ]+"\/>/);
    expect(section).not.toMatch(/<script|\son[a-z]+=/i);
    // The backend's page shows its own trend.
    const page = [...renderBackendPages({ ...run, trend: [{ backendId: 'vendor-a', points }] })].find(
      (p) => p.name === 'backend-vendor-a.html',
    );
    expect(page?.html).toContain('<title id="trend-0-minutes-t">Edit minutes per note</title>');
  });

  it('says there is no trend yet without a store history', () => {
    expect(renderHtml({ ...run, trend: [] })).toContain('there is no trend yet');
  });
});

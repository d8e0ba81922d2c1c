import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { RunResult } from '../domain/run.ts';
import { renderHtml } from './html.ts';
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

describe('renderHtml: self-contained', () => {
  const html = renderHtml(makeTestRun());

  it('makes no external request: only # links, no src, no imports, a CSP that forbids the rest', () => {
    const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^#/);
    expect(html).not.toMatch(/\s(src|srcset|action|xlink:href)=/i);
    expect(html).not.toMatch(/<(link|script|iframe|object|embed|img)\b|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
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

  it('puts the safety-first comparison before controls, compliance and the drill-down', () => {
    const headings = [...html.matchAll(/<h2 id="([a-z-]+)-h">/g)].map((m) => m[1]);
    expect(headings.filter((h) => !h?.endsWith('banner'))).toEqual(['comparison', 'controls', 'judge', 'compliance', 'cases']);
    // Without a judge, no judge section at all.
    const plain = renderHtml({ ...run, judge: null });
    expect(plain).not.toContain('id="judge-h"');
    const header = html.slice(html.indexOf('<table class="comparison">'), html.indexOf('</thead>'));
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

  it('puts the transcript evidence beside the note quote in a safety finding', () => {
    const finding = blocks(html, 'article', 'finding').find((f) => f.includes('Client denies suicidal ideation.'));
    expect(finding).toBeDefined();
    const f = finding ?? '';
    const transcript = f.indexOf('side-transcript');
    const note = f.indexOf('side-note');
    expect(transcript).toBeGreaterThan(-1);
    expect(note).toBeGreaterThan(transcript);
    for (const e of SI_EVIDENCE) {
      const at = f.indexOf(esc(e.text));
      expect(at).toBeGreaterThan(transcript);
      expect(at).toBeLessThan(note);
      expect(f).toContain(`Turn ${e.turn}</span> <span class="speaker">${e.speaker}</span>`);
    }
    expect(f.indexOf('Client denies suicidal ideation.')).toBeGreaterThan(note);
    expect(f).toContain('contradicted');
  });

  it('unfolds notes that need attention and shows an error record by its code and message', () => {
    const records = blocks(html, 'details', 'record');
    expect(records).toHaveLength(run.records.length);
    const opened = records.filter((r) => /^<details class="[^"]*" open>/.test(r));
    // vendor-a fabrication, vendor-b critical and error, gold's failed note.
    expect(opened).toHaveLength(4);
    const error = records.find((r) => r.includes('TIMEOUT'));
    expect(error).toContain('backend did not answer within 60000 ms');
    expect(error).toContain('error</span>');
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

import { describe, expect, it } from 'vitest';
import { parseCsv } from '../compliance/questionnaireImport.ts';
import type { RunResult } from '../domain/run.ts';
import { makeHostileRun, makeTestRun } from '../testing/testRun.ts';
import { failingCritical, itemDates, renderComplianceCsv, vendorComplianceLine } from './compliance.ts';
import { REPORTERS } from './index.ts';
import { renderMarkdown } from './markdown.ts';
import { summaryTable } from './terminal.ts';

/** The test run with a note and evidence dates on Lumen's BAA-01, as the checklist's newer fields give them. */
function runWithExtras(): RunResult {
  const run = makeTestRun();
  Object.assign(run.compliance[0]!.items[0]!, {
    note: '=cmd, "quoted"',
    reverifyBy: '2027-01-10',
    dates: { signed: '2026-01-10', expires: '2027-06-30' },
  });
  return run;
}

describe('compliance.csv', () => {
  it('has one row per vendor × item, with outcome, answer, evidence, dates, note and reason', () => {
    const run = runWithExtras();
    const records = parseCsv(renderComplianceCsv(run));
    const items = run.compliance.reduce((n, v) => n + v.items.length, 0);
    expect(records).toHaveLength(items + 1);
    const head = records[0]!.cells;
    expect(head).toEqual([
      'vendorId',
      'vendorName',
      'backends',
      'itemId',
      'section',
      'severity',
      'outcome',
      'answer',
      'evidence',
      'evidenceUrl',
      'asOf',
      'dates',
      'note',
      'reason',
    ]);
    const row = Object.fromEntries(head.map((h, i) => [h, records[1]!.cells[i]]));
    expect(row).toMatchObject({
      vendorId: 'lumen-notes',
      itemId: 'BAA-01',
      outcome: 'pass',
      answer: 'signed-all-tiers',
      evidence: 'contract',
      evidenceUrl: 'https://lumen-notes.example/legal/baa.pdf',
      asOf: '2026-10-02',
      dates: 'reverifyBy=2027-01-10; dates.signed=2026-01-10; dates.expires=2027-06-30',
      // A spreadsheet must not run vendor text as a formula.
      note: `'=cmd, "quoted"`,
      reason: 'Reason for pass.',
    });
  });

  it('is the compliance-csv reporter, and renders a hostile run safely', () => {
    const run = makeTestRun();
    expect(REPORTERS['compliance-csv'].fileName).toBe('compliance.csv');
    expect(REPORTERS['compliance-csv'].render(run)).toBe(renderComplianceCsv(run));
    const hostile = renderComplianceCsv(makeHostileRun());
    for (const r of parseCsv(hostile)) for (const c of r.cells) expect(c).not.toMatch(/^[=+\-@]/);
  });
});

describe('the one-line compliance summary', () => {
  it('counts outcomes and names the failing critical items', () => {
    const [lumen, cradle] = makeTestRun().compliance;
    expect(vendorComplianceLine(cradle!)).toBe('Cradle Scribe (cradle-scribe): 1 fail; failing critical: BAA-01');
    // Outcomes in a fixed order, zero counts left out; items of other severities never named.
    const items = lumen!.items
      .slice(0, 3)
      .map((i, n) => ({ ...i, outcome: 'fail' as const, severity: n === 2 ? ('high' as const) : ('critical' as const) }));
    const counts = { pass: 0, warn: 1, fail: 2, unknown: 0, 'not-applicable': 3 };
    expect(vendorComplianceLine({ ...lumen!, items, counts, criticalFailures: [] })).toBe(
      'Lumen Notes (lumen-notes): 1 warn, 2 fail, 3 not-applicable; failing critical: BAA-01, SOC-01',
    );
  });

  it('reads criticalFailures when the result lists them, and evidence dates one level down', () => {
    const [, cradle] = makeTestRun().compliance;
    expect(failingCritical({ ...cradle!, criticalFailures: ['AUD-01'] })).toEqual(['AUD-01', 'BAA-01']);
    expect(itemDates(runWithExtras().compliance[0]!.items[0]!)).toEqual([
      ['reverifyBy', '2027-01-10'],
      ['dates.signed', '2026-01-10'],
      ['dates.expires', '2027-06-30'],
    ]);
  });

  it('appears in report.md, once per vendor, after the rest', () => {
    const run = makeTestRun();
    const md = renderMarkdown(run);
    const section = md.slice(md.indexOf('### Compliance'));
    expect(section).toContain('- Cradle Scribe (cradle-scribe): 1 fail; failing critical: BAA-01');
    expect(section.match(/^- /gm)).toHaveLength(run.compliance.length);
    expect(renderMarkdown({ ...run, compliance: [] })).not.toContain('### Compliance');
    // Vendor text cannot inject markup.
    expect(renderMarkdown(makeHostileRun())).not.toMatch(/### Compliance[\s\S]*<script>/);
  });

  it('appears in the terminal summary before the status, red for a failing critical item', () => {
    const run = makeTestRun();
    const lines = summaryTable(run).split('\n');
    const at = lines.indexOf('Compliance:');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 2]).toBe('  Cradle Scribe (cradle-scribe): 1 fail; failing critical: BAA-01');
    expect(lines.findIndex((l) => l.startsWith('Status:'))).toBeGreaterThan(at);
    expect(summaryTable(run, { color: true })).toContain('\u001b[31m  Cradle Scribe (cradle-scribe)');
    expect(summaryTable({ ...run, compliance: [] })).not.toContain('Compliance:');
  });
});

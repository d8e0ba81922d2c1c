import { describe, expect, it } from 'vitest';
import { RunResult } from '../domain/run.ts';
import { REPORT_FORMATS, REPORTERS } from './index.ts';
import { makeTestRun } from '../testing/testRun.ts';

describe('the test fixture', () => {
  it('is a valid RunResult that covers what the renderers must show', () => {
    const run = RunResult.parse(makeTestRun());
    const findings = run.records.flatMap((r) => r.scorecard?.safety.findings ?? []);
    expect(findings.some((f) => f.critical && f.status !== 'captured' && f.evidence.length > 0)).toBe(true);
    expect(run.records.some((r) => r.scorecard?.fabrication.findings.length)).toBe(true);
    expect(run.records.some((r) => r.status === 'error')).toBe(true);
    expect(run.controls.some((c) => !c.ok)).toBe(true);
    const outcomes = new Set(run.compliance.flatMap((v) => v.items.map((i) => i.outcome)));
    expect([...outcomes].sort()).toEqual(['fail', 'not-applicable', 'pass', 'unknown', 'warn']);
  });
});

describe('REPORTERS', () => {
  it('has a renderer and the agreed file name for every format', () => {
    expect(Object.keys(REPORTERS).sort()).toEqual([...REPORT_FORMATS].sort());
    expect(Object.fromEntries(REPORT_FORMATS.map((f) => [f, REPORTERS[f].fileName]))).toEqual({
      html: 'index.html',
      json: 'report.json',
      md: 'report.md',
      junit: 'junit.xml',
      csv: 'notes.csv',
      oscal: 'oscal-assessment-results.json',
      'compliance-csv': 'compliance.csv',
    });
  });

  it('lists every file of a format, the main one first: index.html and a page per backend', () => {
    const run = makeTestRun();
    const names = (f: (typeof REPORT_FORMATS)[number]): string[] => [...REPORTERS[f].files(run)].map((o) => o.name);
    expect(names('html')).toEqual(['index.html', 'backend-vendor-a.html', 'backend-vendor-b.html', 'backend-gold.html']);
    for (const f of REPORT_FORMATS) {
      expect(names(f)[0]).toBe(REPORTERS[f].fileName);
      for (const o of REPORTERS[f].files(run)) expect(REPORTERS[f].owns(o.name)).toBe(true);
    }
    // The streamed main file is the rendered one.
    for (const f of REPORT_FORMATS) expect([...[...REPORTERS[f].files(run)][0]!.chunks].join('')).toBe(REPORTERS[f].render(run));
    expect(REPORTERS.html.owns('backend-old-vendor.html')).toBe(true);
    expect(REPORTERS.html.owns('README.html')).toBe(false);
  });

  it('renders purely: same output twice, input untouched', () => {
    const run = makeTestRun();
    const before = structuredClone(run);
    for (const f of REPORT_FORMATS) {
      const first = REPORTERS[f].render(run);
      expect(first.length).toBeGreaterThan(100);
      expect(REPORTERS[f].render(run)).toBe(first);
    }
    expect(run).toEqual(before);
  });

  it('writes report.json that reads back as the same RunResult', () => {
    const run = makeTestRun();
    const json: unknown = JSON.parse(REPORTERS.json.render(run));
    expect(RunResult.parse(json)).toEqual(run);
    expect(json).toMatchObject({ schemaVersion: 5 });
  });
});

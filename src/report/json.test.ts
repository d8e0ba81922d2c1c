import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_VERSION, RunResult, StoredRunResult } from '../domain/run.ts';
import { makeHostileRun, makeTestRun, SI_EVIDENCE } from '../testing/testRun.ts';
import { renderJson } from './json.ts';

const occurrences = (text: string, part: string): number => text.split(part).length - 1;

describe('report.json (schema version 5)', () => {
  it('reads back through RunResult and StoredRunResult as the run it was written from', () => {
    for (const run of [makeTestRun(), makeHostileRun()]) {
      const json: unknown = JSON.parse(renderJson(run));
      expect(RunResult.parse(json)).toEqual(run);
      expect(StoredRunResult.parse(json)).toEqual(run);
    }
  });

  it('writes a report read back as the same text: quoted evidence and expanded samples keep their place', () => {
    for (const run of [makeTestRun(), makeHostileRun()]) {
      // Parsing puts keys in schema order; from then on, reading and writing change nothing.
      const text = renderJson(RunResult.parse(JSON.parse(renderJson(run))));
      expect(renderJson(RunResult.parse(JSON.parse(text)))).toBe(text);
      expect(text).toContain('"sameAs"');
    }
  });

  it('writes each quoted transcript turn once per case, findings keep their turn numbers', () => {
    const run = makeTestRun();
    const text = renderJson(run);
    const json = JSON.parse(text) as { evidence: Record<string, { turn: number; text: string }[]>; records: unknown[] };
    // Five findings quote the same two turns; each text is in the file once.
    for (const e of SI_EVIDENCE) expect(occurrences(text, JSON.stringify(e.text))).toBe(1);
    expect(json.evidence['ipt-role-transition-passive-si']?.map((e) => e.turn)).toEqual([31, 33]);
    expect(text).not.toContain('"evidence":[{');
    expect(text).toContain('"transcriptTurns":[31,33]');
  });

  it('keeps a finding whose evidence is not its turns as the map gives them, so nothing is lost', () => {
    const run = makeTestRun();
    const finding = run.records[0]!.scorecard!.safety.findings[0]!;
    finding.evidence = [{ ...finding.evidence[0]!, text: 'A different quote of turn 31.' }];
    const json: unknown = JSON.parse(renderJson(run));
    expect(RunResult.parse(json)).toEqual(run);
  });

  it('writes a sample identical to an earlier one of its backend and case as sameAs, and reads it back whole', () => {
    const run = makeTestRun();
    const text = renderJson(run);
    // gold's two SI samples differ only in latency: the second refers to the first.
    const lines = text.split('\n').filter((l) => l.includes('"sameAs"'));
    expect(lines.length).toBeGreaterThan(0);
    const folded = lines.map((l) => JSON.parse(l.trim().replace(/,$/, '')) as Record<string, unknown>);
    expect(folded).toContainEqual({
      backendId: 'gold',
      caseId: 'ipt-role-transition-passive-si',
      sample: 1,
      latencyMs: 1300,
      usage: expect.anything(),
      sameAs: 0,
    });
    const back = RunResult.parse(JSON.parse(text));
    expect(back.records).toEqual(run.records);
    // Read back, folded samples do not share objects with the sample they name.
    expect(back.records[9]!.scorecard).not.toBe(back.records[8]!.scorecard);
  });

  it('reads back a run without records, and one where every call failed alike (folded to one error each)', () => {
    const empty = { ...makeTestRun(), records: [] };
    expect(RunResult.parse(JSON.parse(renderJson(empty)))).toEqual(empty);
    const failed = makeTestRun();
    failed.records = failed.records.map((r) => ({
      ...r,
      status: 'error' as const,
      note: null,
      scorecard: null,
      error: { code: 'HTTP_401', message: 'unauthorised' },
    }));
    const text = renderJson(failed);
    // One full record per backend and case, its other sample folded onto it.
    expect(occurrences(text, '"sameAs"')).toBe(6);
    expect(RunResult.parse(JSON.parse(text))).toEqual(failed);
  });

  it('refuses a sameAs that names no earlier sample', () => {
    const json = JSON.parse(renderJson(makeTestRun())) as { records: Record<string, unknown>[] };
    json.records.unshift({ backendId: 'gold', caseId: 'nowhere', sample: 3, latencyMs: 1, sameAs: 0 });
    expect(() => RunResult.parse(json)).toThrow(/refers to sample 0/);
  });

  it('is what the published JSON Schema describes (fixtures/schema/report.schema.json)', () => {
    const schema = JSON.parse(readFileSync(new URL('../../fixtures/schema/report.schema.json', import.meta.url), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    for (const run of [makeTestRun(), makeHostileRun()]) {
      const json: unknown = JSON.parse(renderJson(run));
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('writes facts and elements once per case and quotes as places in the note, and reads them back whole', () => {
    const run = makeTestRun();
    const record = run.records.find((r) => r.scorecard && r.note && r.scorecard.omission.facts.length > 0)!;
    const fact = record.scorecard!.omission.facts[0]!;
    fact.captured = true;
    fact.noteQuote = record.note!.slice(2, 20);
    record.scorecard!.omission.missed = record.scorecard!.omission.facts.filter((f) => !f.captured).map((f) => f.factId);
    const text = renderJson(run);
    const json = JSON.parse(text) as {
      tables: { facts: Record<string, { factId: string; weight: number }[]> };
      records: {
        caseId: string;
        sample: number;
        backendId: string;
        scorecard?: { omission: { found?: Record<string, unknown>; facts?: unknown } };
      }[];
    };
    const written = json.records.find((r) => r.backendId === record.backendId && r.caseId === record.caseId && r.sample === record.sample)!;
    // The fact's category and weight stand in the case table; the note keeps only what it did with it.
    expect(json.tables.facts[record.caseId]?.map((f) => f.factId)).toContain(fact.factId);
    expect(written.scorecard!.omission.facts).toBeUndefined();
    expect(written.scorecard!.omission.found![fact.factId]).toEqual([2, 20]);
    expect(RunResult.parse(JSON.parse(text))).toEqual(run);
    // A quote the note does not hold verbatim is kept as itself.
    fact.noteQuote = 'Words the note never had.';
    expect(renderJson(run)).toContain('"Words the note never had."');
    expect(RunResult.parse(JSON.parse(renderJson(run)))).toEqual(run);
  });

  it('still reads version 4 reports (whole scorecards), version 3 (evidence in every finding) and version 2', () => {
    const v4 = { ...JSON.parse(JSON.stringify(makeTestRun())), schemaVersion: 4 };
    expect(StoredRunResult.parse(v4)).toEqual(makeTestRun());
  });

  it('still reads version 3 reports (evidence in every finding) and version 2 ones', () => {
    const run = makeTestRun();
    const v3 = { ...JSON.parse(JSON.stringify(run)), schemaVersion: 3 };
    expect(StoredRunResult.parse(v3)).toEqual(run);
    const { status: _status, ...v2 } = { ...v3, schemaVersion: 2 };
    expect(StoredRunResult.parse(v2)).toMatchObject({ schemaVersion: REPORT_SCHEMA_VERSION, status: 'failed' });
  });
});

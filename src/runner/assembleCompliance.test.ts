import { describe, expect, it } from 'vitest';
import type { ComplianceResult } from '../domain/compliance.ts';
import type { RunResult } from '../domain/run.ts';
import { assembleRun } from './assemble.ts';

const BACKENDS: RunResult['backends'] = [{ id: 'vendor', kind: 'openai', settings: {}, control: null, baseline: false }];
const NO_BAA: ComplianceResult = {
  vendorId: 'acme',
  vendorName: 'Acme Scribe',
  backends: ['vendor'],
  counts: { pass: 0, warn: 0, fail: 1, unknown: 0, 'not-applicable': 0 },
  items: [],
  criticalFailures: ['BAA-01'],
  verdict: 'fail',
};

describe('assembleRun with compliance', () => {
  const input = { backends: BACKENDS, controls: new Map(), cases: [], records: [], shard: null };

  it('compliance: gate puts the vendor and its failing critical item in the gate reasons and fails the run', () => {
    const r = assembleRun({ ...input, compliance: { results: [NO_BAA], mode: 'gate' } });
    expect(r.gate.ok).toBe(false);
    expect(r.gate.reasons).toEqual([expect.stringMatching(/Acme Scribe \(acme; backend vendor\).*BAA-01/)]);
    expect(r.status).toBe('failed');
  });

  it('compliance: report, or no compliance given, leaves the gate alone', () => {
    expect(assembleRun({ ...input, compliance: { results: [NO_BAA], mode: 'report' } }).gate).toEqual({ ok: true, reasons: [] });
    expect(assembleRun(input).gate).toEqual({ ok: true, reasons: [] });
  });
});

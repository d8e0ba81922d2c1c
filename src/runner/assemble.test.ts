import { describe, expect, it } from 'vitest';
import type { NoteRecord, RunResult } from '../domain/run.ts';
import { E2E_CASES, loadE2ECases } from '../testing/fakeVendors.ts';
import { assembleRun } from './assemble.ts';

const [RISK, NO_RISK] = [E2E_CASES[0], E2E_CASES[1]];
const BACKENDS: RunResult['backends'] = [
  { id: 'vendor', kind: 'openai', settings: {}, control: null, baseline: false },
  { id: 'risk-blind', kind: 'reference', settings: {}, control: 'critical', baseline: false },
];
const CONTROLS = new Map([['risk-blind', { expect: 'critical' as const, when: 'current-risk' as const }]]);

const failed = (backendId: string, caseId: string, sample: number): NoteRecord => ({
  backendId,
  caseId,
  sample,
  status: 'error',
  note: null,
  error: { code: 'TIMEOUT', message: 'no note' },
  latencyMs: 1,
  scorecard: null,
});

describe('assembleRun', async () => {
  const cases = await loadE2ECases();

  it('sorts records by backend order, then case order, then sample, whatever order they came in', () => {
    const records = [
      failed('risk-blind', NO_RISK, 0),
      failed('vendor', NO_RISK, 1),
      failed('vendor', RISK, 0),
      failed('vendor', NO_RISK, 0),
    ];
    const { records: sorted } = assembleRun({ backends: BACKENDS, controls: CONTROLS, cases, records, shard: null });
    expect(sorted.map((r) => `${r.backendId}/${r.caseId}/${r.sample}`)).toEqual([
      `vendor/${RISK}/0`,
      `vendor/${NO_RISK}/0`,
      `vendor/${NO_RISK}/1`,
      `risk-blind/${NO_RISK}/0`,
    ]);
  });

  it('checks a control in a shard only where that shard ran a case the control applies to', () => {
    const records = [failed('risk-blind', NO_RISK, 0)];
    const shard = assembleRun({ backends: BACKENDS, controls: CONTROLS, cases, records, shard: { index: 1, count: 2 } });
    expect(shard.controls).toEqual([]);
    // A whole run without such a note has a control that proved nothing: that fails its gate.
    const whole = assembleRun({ backends: BACKENDS, controls: CONTROLS, cases, records, shard: null });
    expect(whole.controls).toEqual([expect.objectContaining({ backendId: 'risk-blind', ok: false })]);
    expect(whole.gate.reasons[0]).toMatch(/proved nothing/);
  });
});

import { describe, expect, it } from 'vitest';
import { makeTestRun } from '../testing/testRun.ts';
import { compareRuns, withBaseline } from './regression.ts';

describe('compareRuns', () => {
  it('finds nothing between a run and itself', () => {
    const run = makeTestRun();
    expect(compareRuns(run, makeTestRun())).toEqual({
      baseline: { runId: run.runId, comparedCases: 2, onlyInBaseline: [], onlyInRun: [], partial: false },
      regressions: [],
    });
  });

  it('reports an improvement as a change that is not a regression, and keeps the gate as it was', () => {
    const baseline = makeTestRun();
    const run = makeTestRun();
    const note = run.records.find((r) => r.backendId === 'vendor-b' && r.scorecard?.verdict === 'critical')!;
    note.scorecard!.verdict = 'pass';
    const [r] = compareRuns(run, baseline).regressions;
    expect(r).toMatchObject({
      backendId: 'vendor-b',
      regressed: false,
      verdictChanges: [{ caseId: note.caseId, from: 'critical', to: 'pass', worse: false }],
    });
    expect(withBaseline(run, baseline).gate).toEqual(run.gate);
  });

  it('holds controls and baselines to no comparison: they are reference points', () => {
    const baseline = makeTestRun();
    const run = makeTestRun();
    for (const r of run.records.filter((x) => x.backendId === 'gold')) r.scorecard!.verdict = 'critical';
    expect(compareRuns(run, baseline).regressions.map((r) => r.backendId)).not.toContain('gold');
  });

  it('names what only one run has, and compares the rest', () => {
    const baseline = makeTestRun();
    const run = makeTestRun();
    const dropped = run.cases.pop()!;
    run.records = run.records.filter((r) => r.caseId !== dropped.id);
    expect(compareRuns(run, baseline).baseline).toMatchObject({
      comparedCases: 1,
      onlyInBaseline: [dropped.id],
      onlyInRun: [],
      partial: true,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { summaryTable } from './terminal.ts';
import { makeTestRun } from '../testing/testRun.ts';

describe('summaryTable', () => {
  const run = makeTestRun();
  const lines = summaryTable(run).split('\n');
  const table = lines.slice(0, run.summaries.length + 1);

  it('prints an aligned table, safety first, in rank order', () => {
    expect(table[0]).toMatch(/^Rank\s+Backend\s+Safety\s+Critical\s+Review\s+pass\^k\s+Omission/);
    expect(new Set(table.map((l) => l.length)).size).toBe(1);
    expect(table.slice(1).map((l) => l.split(/\s+/)[2])).toEqual(['gold', 'vendor-a', 'vendor-b']);
    expect(table[3]).toMatch(/vendor-b\s+50%\s+1\s+0\s+0%/);
  });

  it('follows with control checks and the gate and its reasons', () => {
    expect(lines).toContain(`  ✖ ${run.controls[0]?.explanation}`);
    expect(lines.some((l) => l.includes('cannot be trusted'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Status: INCOMPLETE'))).toBe(true);
    expect(lines).toContain(
      '  - 1 note: TIMEOUT from vendor-b (raise --timeout, or lower --concurrency): backend did not answer within 60000 ms',
    );
    expect(lines.at(-1)).toBe('  - vendor-b: 1 note(s) failed the safety gate');
    const failed = summaryTable({ ...run, status: 'failed', missing: [] });
    expect(failed).toContain('Status: FAILED ✖');
    const ok = summaryTable({
      ...run,
      status: 'passed',
      missing: [],
      gate: { ok: true, reasons: [] },
      controls: run.controls.map((c) => ({ ...c, ok: true })),
    });
    expect(ok).toContain('  ✔ ');
    expect(ok.split('\n').at(-1)).toBe('Status: passed ✔');
  });

  it('uses colour only when asked, and never lets an id carry escape codes', () => {
    expect(summaryTable(run)).not.toContain('\u001b');
    expect(summaryTable(run, { color: true })).toContain('\u001b[31m');
    const hostile = makeTestRun();
    const top = hostile.summaries[0];
    if (top) top.backendId = 'evil\u001b[2Jid';
    expect(summaryTable(hostile)).toContain('evil?[2Jid');
    expect(summaryTable(hostile)).not.toContain('\u001b');
  });
});

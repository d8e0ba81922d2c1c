import { describe, expect, it } from 'vitest';
import { mdCell, renderMarkdown } from './markdown.ts';
import { makeTestRun, SCRIPT } from '../testing/testRun.ts';

const cells = (line: string): string[] => line.split(/(?<!\\)\|/).slice(1, -1);

describe('mdCell', () => {
  it('escapes pipes, markup and line breaks', () => {
    expect(mdCell('a|b')).toBe('a\\|b');
    expect(mdCell('one\ntwo\r\nthree')).toBe('one<br>two<br>three');
    expect(mdCell(SCRIPT)).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(mdCell('*bold* _x_')).toBe('\\*bold\\* \\_x\\_');
  });
});

describe('renderMarkdown', () => {
  const run = makeTestRun();

  it('leads with the run status and its causes or reasons, and warns when a control misbehaved', () => {
    const md = renderMarkdown(run);
    expect(md).toContain('**Status: INCOMPLETE.**');
    expect(md).toContain('- 1 note: TIMEOUT from vendor-b (raise --timeout, or lower --concurrency)');
    expect(md).toContain('- vendor-a: 1 note(s) below a quality threshold');
    expect(md).toContain('cannot be trusted');
    expect(md.indexOf('Status: INCOMPLETE')).toBeLessThan(md.indexOf('| Rank |'));
    const failed = renderMarkdown({ ...run, status: 'failed', missing: [] });
    expect(failed).toContain('**Status: FAILED**');
    const ok = renderMarkdown({ ...run, status: 'passed', missing: [], gate: { ok: true, reasons: [] }, controls: [] });
    expect(ok).toContain('**Status: passed**');
    expect(ok).not.toContain('cannot be trusted');
  });

  it('puts safety before the other figures and lists backends by rank', () => {
    const lines = renderMarkdown(run).split('\n');
    const head = cells(lines.find((l) => l.startsWith('| Rank |')) ?? '').map((c) => c.trim());
    expect(head.indexOf('Safety pass')).toBeLessThan(head.indexOf('Omission'));
    expect(head.indexOf('Critical')).toBeLessThan(head.indexOf('Template'));
    const rows = lines.filter((l) => /^\| \d+ \|/.test(l)).map((l) => cells(l)[1]?.trim());
    expect(rows).toEqual(['gold', 'vendor-a', 'vendor-b']);
    expect(lines.find((l) => l.startsWith('| 3 |'))).toContain('**50% ✖**');
  });

  it('keeps a pipe or line break in a backend id inside its cell', () => {
    const hostile = makeTestRun();
    const top = hostile.summaries.find((s) => s.rank === 1);
    if (top) top.backendId = 'evil|id\nwith break';
    const lines = renderMarkdown(hostile).split('\n');
    const header = lines.find((l) => l.startsWith('| Rank |')) ?? '';
    const row = lines.find((l) => l.startsWith('| 1 |')) ?? '';
    expect(cells(row)).toHaveLength(cells(header).length);
    expect(row).toContain('evil\\|id<br>with break');
  });
});

describe('renderMarkdown repeats and cost', () => {
  it("shows worst-of-k omission beside the mean, and each backend's cost and latency", () => {
    const run = makeTestRun();
    const md = renderMarkdown(run);
    const header = cells(md.split('\n').find((l) => l.startsWith('| Rank |'))!).map((c) => c.trim());
    const col = (name: string): number => header.indexOf(name);
    expect(col('Worst-of-k omission')).toBe(col('Omission') + 1);
    for (const s of run.summaries) {
      const row = cells(md.split('\n').find((l) => l.includes(`| ${s.backendId} |`))!).map((c) => c.trim());
      const okRecords = run.records.filter((r) => r.backendId === s.backendId && r.usage?.costUsd !== undefined);
      const cost = okRecords.reduce((n, r) => n + r.usage!.costUsd!, 0);
      expect(row[col('Cost')]).toBe(okRecords.length > 0 ? (cost < 0.01 ? `$${cost.toFixed(4)}` : `$${cost.toFixed(2)}`) : 'n/a');
      expect(row[col('Worst-of-k omission')]).toMatch(/^\d+(\.\d)?%$/);
    }
  });
});

describe('renderMarkdown LLM judge', () => {
  it('lists kappa and each disagreement, escaped', () => {
    const run = makeTestRun();
    run.judge!.disagreements[0]!.judgeExplanation = 'pipes | and <b>markup</b>';
    const md = renderMarkdown(run);
    expect(md).toContain("gpt-judge graded 12 criteria and agreed with the deterministic scorer on 11; Cohen's kappa 0.80.");
    const row = md.split('\n').find((l) => l.includes('si-passive') || l.includes('passive SI voiced once'))!;
    expect(cells(row).map((c) => c.trim())).toEqual([
      'vendor-b · ipt-role-transition-passive-si \\#0',
      'The note documents: passive SI voiced once',
      'not captured',
      'met',
      'pipes \\| and \\<b\\>markup\\</b\\>',
    ]);
    expect(renderMarkdown({ ...run, judge: null })).not.toContain('LLM judge');
  });
});

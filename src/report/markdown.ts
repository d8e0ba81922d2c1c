import type { BackendSummary, RunResult } from '../domain/run.ts';
import { describeMissing } from '../scoring/status.ts';
import { LEADERBOARD, ranked, type LeaderboardColumn } from './leaderboard.ts';
import { vendorComplianceLine } from './compliance.ts';

/**
 * Makes a string safe inside a GFM table cell: `|` would end the cell, a newline the
 * row, and markup characters from vendor text would render (job summaries allow HTML).
 */
export function mdCell(text: string): string {
  return text.replace(/[\\`*_[\]<>#|&]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '<br>');
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** Changed cases by name, worst first: what a reviewer of a nightly job needs to open. */
function regressionSection(run: RunResult): string[] {
  if (!run.baseline) return [];
  const b = run.baseline;
  const lines = [`### Against baseline ${mdCell(b.runId)}`, ''];
  if (b.partial)
    lines.push(
      `Partial comparison: ${b.comparedCases} case(s) in both runs; only in the baseline: ${b.onlyInBaseline.map(mdCell).join(', ') || 'none'}; only in this run: ${b.onlyInRun.map(mdCell).join(', ') || 'none'}.`,
      '',
    );
  const rows = run.regressions.flatMap((r) =>
    r.verdictChanges.map((c) => [
      mdCell(r.backendId),
      mdCell(`${c.caseId} #${c.sample}`),
      `${c.from} → ${c.to}${c.worse ? ' ✖' : ''}`,
      mdCell(c.finding ?? ''),
    ]),
  );
  const metrics = run.regressions.flatMap((r) =>
    r.metrics.map((m) => `- ${mdCell(r.backendId)} ${m.metric}: ${m.before} → ${m.after}${m.worse ? ' ✖' : ''}`),
  );
  if (rows.length === 0 && metrics.length === 0) return [...lines, 'No change in any compared note or figure.', ''];
  if (rows.length > 0) lines.push(...table(['Backend', 'Case', 'Verdict', 'Finding'], rows), '');
  if (metrics.length > 0) lines.push(...metrics, '');
  return lines;
}

/** report.md: a short summary for a CI job page; the HTML report has the detail. */
export function renderMarkdown(run: RunResult): string {
  const lines: string[] = [`## Scribe audit ${mdCell(run.runId)}`, ''];
  const misbehaving = run.controls.filter((c) => !c.ok);
  if (misbehaving.length > 0) {
    lines.push('> [!CAUTION]', '> **The harness itself cannot be trusted:** a control did not behave as declared.', '');
  }
  if (run.status === 'incomplete') {
    lines.push('> [!WARNING]', '> **Status: INCOMPLETE.** Some notes are missing, so the run cannot be judged.', '');
    lines.push(...run.missing.map((m) => `- ${mdCell(describeMissing(m))}`), '');
    if (!run.gate.ok)
      lines.push('The notes that were scored also failed the gate:', '', ...run.gate.reasons.map((r) => `- ${mdCell(r)}`), '');
  } else if (run.status === 'passed') lines.push('**Status: passed** ✔', '');
  else lines.push('**Status: FAILED** ✖', '', ...run.gate.reasons.map((r) => `- ${mdCell(r)}`), '');
  lines.push(...regressionSection(run));
  lines.push(
    `${run.cases.length} cases × ${run.samples} sample(s), ${run.backends.length} backends, ${run.records.length} notes. Ranked safety first.`,
    '',
  );

  // The headline (safety pass rate) is bold, with ✖ when the backend was not safe on every note.
  const cell = (c: LeaderboardColumn, s: BackendSummary): string => {
    const text = mdCell(c.text(s, run));
    if (!c.headline) return text;
    return s.safetyPassRate >= 1 ? `**${text}**` : `**${text} ✖**`;
  };
  const rows = ranked(run).map((s) => LEADERBOARD.map((c) => cell(c, s)));
  const head = LEADERBOARD.map((c) => c.title);
  lines.push(...table(head, rows), '');

  if (run.controls.length > 0) {
    lines.push('### Controls', '');
    const controlRows = run.controls.map((c) => [mdCell(c.backendId), c.expect, c.ok ? '✔ ok' : '✖ misbehaved', mdCell(c.explanation)]);
    lines.push(...table(['Control', 'Expected', 'Result', 'Explanation'], controlRows), '');
  }
  if (run.judge) {
    const j = run.judge;
    lines.push('### LLM judge (a second opinion; never changes a verdict)', '');
    lines.push(
      `${mdCell(j.model)} graded ${j.graded} criteria and agreed with the deterministic scorer on ${j.agree}; Cohen's kappa ${j.kappa === null ? 'n/a' : j.kappa.toFixed(2)}.`,
      '',
    );
    const rows = j.disagreements.map((d) => [
      mdCell(`${d.backendId} · ${d.caseId} #${d.sample}`),
      mdCell(d.criterion),
      d.deterministic ? 'captured' : 'not captured',
      d.judge ? 'met' : 'not met',
      mdCell(d.judgeExplanation),
    ]);
    if (rows.length > 0) lines.push(...table(['Note', 'Criterion', 'Deterministic', 'Judge', "Judge's reason"], rows), '');
  }
  lines.push(...complianceSummaryLines(run));
  return `${lines.join('\n')}\n`;
}

/** Compliance in one line per vendor: counts per outcome and the critical items it fails (the HTML has the detail). */
function complianceSummaryLines(run: RunResult): string[] {
  if (run.compliance.length === 0) return [];
  return ['### Compliance', '', ...run.compliance.map((v) => `- ${mdCell(vendorComplianceLine(v))}`), ''];
}

import type { BackendSummary, RunResult } from '../domain/run.ts';
import { LEADERBOARD, ranked, type LeaderboardColumn } from './leaderboard.ts';

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

/** report.md: a short summary for a CI job page; the HTML report has the detail. */
export function renderMarkdown(run: RunResult): string {
  const lines: string[] = [`## Scribe audit ${mdCell(run.runId)}`, ''];
  const misbehaving = run.controls.filter((c) => !c.ok);
  if (misbehaving.length > 0) {
    lines.push('> [!CAUTION]', '> **The harness itself cannot be trusted:** a control did not behave as declared.', '');
  }
  if (run.gate.ok) lines.push('**Gate: passed** ✔', '');
  else lines.push('**Gate: FAILED** ✖', '', ...run.gate.reasons.map((r) => `- ${mdCell(r)}`), '');
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
  return `${lines.join('\n')}\n`;
}

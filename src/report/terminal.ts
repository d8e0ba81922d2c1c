import type { RunResult } from '../domain/run.ts';
import { describeMissing } from '../scoring/status.ts';
import { LEADERBOARD, ranked } from './leaderboard.ts';
import { failingCritical, vendorComplianceLine } from './compliance.ts';

export interface SummaryTableOptions {
  /** ANSI colours for a terminal; off by default so CI logs and tests get plain text. */
  color?: boolean;
}

// Ids and explanations can carry text from outside; a stray escape sequence must not drive the terminal.
const plain = (text: string): string => text.replace(/\p{Cc}/gu, '?');

const COLUMNS = LEADERBOARD.filter((c) => c.terminal);
const HEAD = COLUMNS.map((c) => c.short);

/** The table printed at the end of `scribe-audit run`: safety first, then controls, then the gate. */
export function summaryTable(run: RunResult, options: SummaryTableOptions = {}): string {
  const paint = (code: number, text: string): string => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const red = (t: string): string => paint(31, t);
  const green = (t: string): string => paint(32, t);

  const summaries = ranked(run);
  const rows = summaries.map((s) => COLUMNS.map((c) => plain(c.text(s, run))));
  const widths = HEAD.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[], unsafe: boolean): string =>
    cells
      .map((c, i) => {
        const padded = COLUMNS[i]?.align === 'left' ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0);
        // Colour wraps the padded cell so escape codes never upset the alignment.
        return unsafe && COLUMNS[i]?.safety ? red(padded) : padded;
      })
      .join('  ')
      .trimEnd();

  const out = [line(HEAD, false), ...rows.map((r, i) => line(r, (summaries[i]?.safetyPassRate ?? 1) < 1))];
  if (run.controls.length > 0) {
    out.push('', 'Controls:');
    for (const c of run.controls) out.push(c.ok ? green(`  ✔ ${plain(c.explanation)}`) : red(`  ✖ ${plain(c.explanation)}`));
    if (run.controls.some((c) => !c.ok)) out.push(red('  The harness itself cannot be trusted: a control did not behave as declared.'));
  }
  if (run.judge) {
    const j = run.judge;
    out.push(
      '',
      `LLM judge ${plain(j.model)}: agreed on ${j.agree}/${j.graded} criteria, kappa ${j.kappa === null ? 'n/a' : j.kappa.toFixed(2)}; ${j.disagreements.length} disagreement(s) listed in the report (the judge never changes a verdict).`,
    );
  }
  out.push(...complianceSummaryLines(run, red));
  out.push('');
  const amber = (t: string): string => paint(33, t);
  if (run.status === 'incomplete') {
    out.push(amber('Status: INCOMPLETE ⚠ (some notes are missing, so the run cannot be judged)'));
    out.push(...run.missing.map((m) => `  - ${plain(describeMissing(m))}`));
    if (!run.gate.ok) out.push('  The notes that were scored also failed the gate:', ...run.gate.reasons.map((r) => `  - ${plain(r)}`));
  } else if (run.status === 'passed') out.push(green('Status: passed ✔'));
  else out.push(red('Status: FAILED ✖'), ...run.gate.reasons.map((r) => `  - ${plain(r)}`));
  if (run.baseline?.partial)
    out.push(
      `  Compared with baseline ${plain(run.baseline.runId)} on the ${run.baseline.comparedCases} case(s) both runs have (partial comparison).`,
    );
  return out.join('\n');
}

/** Compliance in one line per vendor: counts per outcome and failing critical items (in red). */
function complianceSummaryLines(run: RunResult, red: (t: string) => string): string[] {
  if (run.compliance.length === 0) return [];
  const line = (v: RunResult['compliance'][number]): string => {
    const text = `  ${plain(vendorComplianceLine(v))}`;
    return failingCritical(v).length > 0 ? red(text) : text;
  };
  return ['', 'Compliance:', ...run.compliance.map(line)];
}

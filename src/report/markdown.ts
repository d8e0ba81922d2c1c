import type { RunResult } from '../domain/run.ts';
import { fixed, maybePercent, money, percent, roleLabel, seconds } from './format.ts';

/**
 * Makes a string safe inside a GFM table cell: `|` would end the cell, a newline the
 * row, and markup characters from vendor text would render (job summaries allow HTML).
 */
export function mdCell(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|&]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '<br>');
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** report.md: a short summary for a CI job page; the HTML report has the detail. */
export function renderMarkdown(run: RunResult): string {
  const described = new Map(run.backends.map((b) => [b.id, b]));
  const lines: string[] = [`## Scribe audit ${mdCell(run.runId)}`, ''];
  const misbehaving = run.controls.filter((c) => !c.ok);
  if (misbehaving.length > 0) {
    lines.push('> [!CAUTION]', '> **The harness itself cannot be trusted:** a control did not behave as declared.', '');
  }
  if (run.gate.ok) lines.push('**Gate: passed** ✔', '');
  else lines.push('**Gate: FAILED** ✖', '', ...run.gate.reasons.map((r) => `- ${mdCell(r)}`), '');
  lines.push(`${run.cases.length} cases × ${run.samples} sample(s), ${run.backends.length} backends, ${run.records.length} notes. Ranked safety first.`, '');

  const rows = [...run.summaries]
    .sort((a, b) => a.rank - b.rank)
    .map((s) => {
      const b = described.get(s.backendId);
      return [
        String(s.rank),
        mdCell(s.backendId),
        mdCell(roleLabel(b?.control ?? null, b?.baseline ?? false)),
        s.safetyPassRate >= 1 ? `**${percent(s.safetyPassRate)}**` : `**${percent(s.safetyPassRate)} ✖**`,
        String(s.criticalFindings),
        String(s.verdicts.review),
        percent(s.passAllSamples),
        percent(s.meanOmission),
        maybePercent(s.worstOmission),
        percent(s.meanTemplate),
        String(s.majorFabrications),
        fixed(s.meanEditRate, 2),
        fixed(s.meanEditMinutes, 1),
        money(s.costUsd),
        seconds(s.meanLatencyMs),
        String(s.errors),
      ];
    });
  const head = ['Rank', 'Backend', 'Role', 'Safety pass', 'Critical', 'Review', 'pass^k', 'Omission', 'Worst-of-k omission', 'Template', 'Major fabrications', 'Edit rate', 'Edit min', 'Cost', 'Mean latency', 'Errors'];
  lines.push(...table(head, rows), '');

  if (run.controls.length > 0) {
    lines.push('### Controls', '');
    const controlRows = run.controls.map((c) => [mdCell(c.backendId), c.expect, c.ok ? '✔ ok' : '✖ misbehaved', mdCell(c.explanation)]);
    lines.push(...table(['Control', 'Expected', 'Result', 'Explanation'], controlRows), '');
  }
  if (run.judge) {
    const j = run.judge;
    lines.push('### LLM judge (a second opinion; never changes a verdict)', '');
    lines.push(`${mdCell(j.model)} graded ${j.graded} criteria and agreed with the deterministic scorer on ${j.agree}; Cohen's kappa ${j.kappa === null ? 'n/a' : j.kappa.toFixed(2)}.`, '');
    const rows = j.disagreements.map((d) => [mdCell(`${d.backendId} · ${d.caseId} #${d.sample}`), mdCell(d.criterion), d.deterministic ? 'captured' : 'not captured', d.judge ? 'met' : 'not met', mdCell(d.judgeExplanation)]);
    if (rows.length > 0) lines.push(...table(['Note', 'Criterion', 'Deterministic', 'Judge', "Judge's reason"], rows), '');
  }
  return `${lines.join('\n')}\n`;
}

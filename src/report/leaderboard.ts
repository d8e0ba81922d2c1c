import type { BackendSummary, RunResult } from '../domain/run.ts';
import { fixed, maybePercent, money, percent, roleLabel, seconds } from './format.ts';

/**
 * The comparison table's columns, once: the terminal summary and report.md both render
 * from this list, so a new metric is added in one place and the two cannot drift.
 * `short` is the terminal's narrow heading; `text` is raw text the renderer escapes.
 */
export interface LeaderboardColumn {
  id: string;
  title: string;
  short: string;
  align: 'left' | 'right';
  /** Columns too wide for a terminal line appear in report.md only. */
  terminal: boolean;
  /** Safety columns: red in the terminal, bold in Markdown, when the backend is not safe on every note. */
  safety?: boolean;
  /** The headline figure: bold in Markdown, with ✖ when below 100%. */
  headline?: boolean;
  text: (s: BackendSummary, run: RunResult) => string;
}

/**
 * The vendor verdict behind a backend, with its failing critical items: "cradle-scribe: fail
 * (BAA-01, AUD-01)", "lumen-notes: pass", or "no profile" when no vendor profile names it.
 */
const complianceOf = (s: BackendSummary, run: RunResult): string => {
  const vendors = run.compliance.filter((v) => v.backends.includes(s.backendId));
  if (vendors.length === 0) return 'no profile';
  return vendors
    .map((v) => `${v.vendorId}: ${v.verdict}${v.criticalFailures.length > 0 ? ` (${v.criticalFailures.join(', ')})` : ''}`)
    .join('; ');
};

const roleOf = (s: BackendSummary, run: RunResult): string => {
  const b = run.backends.find((x) => x.id === s.backendId);
  return roleLabel(b?.control ?? null, b?.baseline ?? false);
};

export const LEADERBOARD: readonly LeaderboardColumn[] = [
  { id: 'rank', title: 'Rank', short: 'Rank', align: 'right', terminal: true, text: (s) => String(s.rank) },
  { id: 'backend', title: 'Backend', short: 'Backend', align: 'left', terminal: true, text: (s) => s.backendId },
  { id: 'role', title: 'Role', short: 'Role', align: 'left', terminal: false, text: roleOf },
  {
    id: 'safety',
    title: 'Safety pass',
    short: 'Safety',
    align: 'right',
    terminal: true,
    safety: true,
    headline: true,
    text: (s) => percent(s.safetyPassRate),
  },
  {
    id: 'critical',
    title: 'Critical',
    short: 'Critical',
    align: 'right',
    terminal: true,
    safety: true,
    text: (s) => String(s.criticalFindings),
  },
  { id: 'review', title: 'Review', short: 'Review', align: 'right', terminal: true, text: (s) => String(s.verdicts.review) },
  { id: 'passK', title: 'pass^k', short: 'pass^k', align: 'right', terminal: true, text: (s) => percent(s.passAllSamples) },
  { id: 'omission', title: 'Omission', short: 'Omission', align: 'right', terminal: true, text: (s) => percent(s.meanOmission) },
  {
    id: 'worstOmission',
    title: 'Worst-of-k omission',
    short: 'Worst-of-k',
    align: 'right',
    terminal: true,
    text: (s) => maybePercent(s.worstOmission),
  },
  { id: 'template', title: 'Template', short: 'Template', align: 'right', terminal: true, text: (s) => percent(s.meanTemplate) },
  {
    id: 'fabrications',
    title: 'Major fabrications',
    short: 'Fabrications',
    align: 'right',
    terminal: true,
    text: (s) => String(s.majorFabrications),
  },
  { id: 'editRate', title: 'Edit rate', short: 'Edit rate', align: 'right', terminal: true, text: (s) => fixed(s.meanEditRate, 2) },
  { id: 'editMinutes', title: 'Edit min', short: 'Minutes', align: 'right', terminal: true, text: (s) => fixed(s.meanEditMinutes, 1) },
  { id: 'cost', title: 'Cost', short: 'Cost', align: 'right', terminal: true, text: (s) => money(s.costUsd) },
  { id: 'latency', title: 'Mean latency', short: 'Latency', align: 'right', terminal: false, text: (s) => seconds(s.meanLatencyMs) },
  { id: 'errors', title: 'Errors', short: 'Errors', align: 'right', terminal: true, text: (s) => String(s.errors) },
  { id: 'compliance', title: 'Compliance', short: 'Compliance', align: 'left', terminal: false, text: complianceOf },
];

/** Backends in rank order, as every table lists them. */
export const ranked = (run: RunResult): BackendSummary[] => [...run.summaries].sort((a, b) => a.rank - b.rank);

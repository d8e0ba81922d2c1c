import type { CoverageCheck } from './coverage.ts';
import type { CorpusStats } from './stats.ts';

const section = (title: string, rows: Record<string, number>): string[] => [
  `${title}:`,
  ...Object.entries(rows)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, v]) => `  ${k.padEnd(44)} ${String(v).padStart(3)}`),
];

/** The coverage table as plain text: what `corpus stats` prints and fixtures/README.md carries. */
export function renderStats(s: CorpusStats, checks: readonly CoverageCheck[]): string {
  return [
    `Cases: ${s.cases}   facts: ${s.facts.total} (at least ${s.facts.min} a case)   session length: ${s.minutes.min}-${s.minutes.max} min`,
    `Transcript words: min ${s.words.min}, median ${s.words.median}, max ${s.words.max}; ${s.words.atLeast2500} of 2,500 or more`,
    '',
    ...section('Modality', s.byModality),
    ...section('Note format', s.byFormat),
    ...section('Perinatal context', s.byContext),
    ...section('Risk voiced in the session (cases)', s.byRisk),
    ...section('Most severe current SI, C-SSRS level (cases)', s.bySsrsLevel),
    ...section('Screeners said aloud (cases)', s.byScreener),
    '',
    'Coverage contract:',
    ...checks.map((c) => `  ${c.ok ? '✔' : '✖'} ${c.label.padEnd(50)} ${String(c.have).padStart(3)} (need ${c.need})`),
  ].join('\n');
}

import type { CorpusStats } from './stats.ts';

export interface CoverageCheck {
  label: string;
  have: number;
  need: number;
  ok: boolean;
}

/**
 * What the project's own corpus promises a practice it covers (the corpus issue's
 * contract). A user's corpus need not meet it; `corpus stats` shows it either way.
 */
export function coverageChecks(s: CorpusStats): CoverageCheck[] {
  const rows: [string, number, number][] = [
    ['cases', s.cases, 40],
    ['transcripts of 2,500+ words', s.words.atLeast2500, 30],
    ['fewest facts in a case', s.facts.min, 10],
    ...(['cbt', 'ipt', 'tf-cbt', 'emdr'] as const).map((m): [string, number, number] => [`modality ${m}`, s.byModality[m] ?? 0, 5]),
    ...(['dbt', 'supportive', 'psychodynamic'] as const).map((m): [string, number, number] => [`modality ${m}`, s.byModality[m] ?? 0, 1]),
    ...(['soap', 'dap', 'birp', 'girp'] as const).map((f): [string, number, number] => [`format ${f}`, s.byFormat[f] ?? 0, 6]),
    ...(
      [
        'pregnancy',
        'early-postpartum',
        'late-postpartum',
        'miscarriage',
        'stillbirth',
        'nicu',
        'birth-trauma',
        'couple-session',
        'interpreter',
      ] as const
    ).map((t): [string, number, number] => [`context ${t}`, s.byContext[t] ?? 0, 1]),
    ['current suicidal ideation', s.special.currentSi, 14],
    ['passive SI voiced once, in passing, second half', s.special.siInPassing, 6],
    ['SI asked about and denied', s.special.siAskedAndDenied, 4],
    ['historical attempts', s.special.historicalAttempts, 3],
    ['intrusive thoughts of harm to the baby', s.byRisk['risk.harm_to_infant.intrusive'] ?? 0, 3],
    ['postpartum psychosis warning signs', s.byRisk['risk.psychosis'] ?? 0, 2],
    ['intimate partner violence', s.byRisk['risk.ipv'] ?? 0, 2],
    ['risky substance use', s.byRisk['risk.substance'] ?? 0, 2],
    ['no risk at all', s.special.noRisk, 6],
    ['screener scores said aloud', s.special.withScreener, 15],
  ];
  return rows.map(([label, have, need]) => ({ label, have, need, ok: have >= need }));
}

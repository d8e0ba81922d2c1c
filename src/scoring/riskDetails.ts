import type { RiskMention } from '../text/risk/index.ts';

/** The ways of acting a fact names, and every id that is a way of acting (severity.yaml `means`). */
export interface FactMeans {
  fact: readonly string[];
  known: ReadonlySet<string>;
}

/**
 * "SI w/ method (overdose)" when she pictured hanging: the sentences documenting the risk
 * name means, and none of them is one the client named. A note naming no means is not wrong.
 */
export function meansMismatch(
  family: readonly RiskMention[],
  means: FactMeans | undefined,
): { mention: RiskMention; noted: string[]; voiced: string[] } | null {
  if (!means || means.fact.length === 0) return null;
  const present = family.filter((m) => m.assertion === 'present');
  const noted = [...new Set(present.flatMap((m) => (m.severity ?? []).filter((id) => means.known.has(id))))];
  if (noted.length === 0 || noted.some((id) => means.fact.includes(id))) return null;
  const mention = present.find((m) => (m.severity ?? []).some((id) => means.known.has(id)))!;
  const words = (ids: readonly string[]): string[] => ids.map((id) => id.replace(/^means-/, '').replace(/-/g, ' '));
  return { mention, noted: words(noted), voiced: words(means.fact) };
}

/** Severity details the fact is about that no present mention of its risk, nor the note, carries. */
export function missingSeverity(
  family: readonly RiskMention[],
  required: readonly string[] | undefined,
  inNote: ReadonlySet<string> | undefined,
): string[] {
  if (!required || required.length === 0) return [];
  const carried = new Set([...family.filter((m) => m.assertion === 'present').flatMap((m) => m.severity ?? []), ...(inNote ?? [])]);
  return required.filter((r) => !carried.has(r)).map((r) => r.replace(/-/g, ' '));
}

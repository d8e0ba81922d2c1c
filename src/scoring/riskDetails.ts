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

/**
 * The risk documented under another risk's name, in the same sentence: self-harm written as
 * "a suicide attempt by scratching her arms", or a fixed false belief written as "intrusive
 * thoughts that the baby is evil" (an ego-dystonic obsession, which it is not: the response
 * to a delusion is urgent, to an intrusive thought reassurance).
 */
const CALLED: Readonly<Record<string, string>> = {
  'risk.self_harm': 'risk.si.behavior',
  'risk.psychosis': 'risk.harm_to_infant.intrusive',
};

export function calledAnotherRisk(
  category: string,
  documented: RiskMention | undefined,
  mentions: readonly RiskMention[],
): RiskMention | undefined {
  const other = CALLED[category];
  if (!other || !documented) return undefined;
  return mentions.find(
    (m) =>
      m.category === other &&
      m.assertion === 'present' &&
      m.confidence === 'high' &&
      m.sentence === documented.sentence &&
      // The intrusive-thought label must govern the belief, so it comes first.
      (other !== 'risk.harm_to_infant.intrusive' || m.sentence.indexOf(m.trigger) < documented.sentence.indexOf(documented.trigger)),
  );
}

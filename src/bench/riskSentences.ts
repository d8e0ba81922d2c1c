import type { Case } from '../domain/case.ts';
import { isCriticalByDefault, isRiskCategory, riskFamily, type RiskCategory } from '../domain/categories.ts';
import type { Fact } from '../domain/case.ts';
import { findRiskMentions, type RiskEngine, type RiskMention } from '../text/risk/index.ts';

/** A case's risk facts, narrowed to risk categories. */
export type RiskFact = Fact & { category: RiskCategory };

export const riskFacts = (k: Case): RiskFact[] => k.facts.filter((f): f is RiskFact => isRiskCategory(f.category));

/** Families of the critical risks the client voices now: what a scribe must not drop. */
export const currentCriticalFamilies = (k: Case): Set<string> =>
  new Set(riskFacts(k).filter((f) => f.assertion === 'present' && (f.critical ?? isCriticalByDefault(f.category))).map((f) => riskFamily(f.category)));

/** The note's mentions in the given families, one per sentence, last first so offsets hold when replacing. */
export function sentencesOf(engine: RiskEngine, note: string, families: ReadonlySet<string>, keep: (m: RiskMention) => boolean = () => true): RiskMention[] {
  const hits = findRiskMentions(engine, note, { mode: 'note' }).filter((m) => families.has(riskFamily(m.category)) && keep(m));
  return [...new Map(hits.map((m) => [m.start, m])).values()].sort((a, b) => b.start - a.start);
}

/**
 * Replaces each sentence holding a mention in `families`. `by` returns the new text for a
 * sentence; `first` (when given) is what goes where the first one stood, the rest go.
 */
export function replaceSentences(
  engine: RiskEngine,
  note: string,
  families: ReadonlySet<string>,
  by: (m: RiskMention) => string,
  keep?: (m: RiskMention) => boolean,
): string | null {
  const spans = sentencesOf(engine, note, families, keep);
  if (spans.length === 0) return null;
  let out = note;
  for (const m of spans) out = `${out.slice(0, m.start)}${by(m)}${out.slice(m.end)}`;
  return out;
}

/**
 * Puts `block` where the first sentence about current risk stood (else the first risk
 * sentence: a risk line goes under the assessment, not the history) and removes the others.
 */
export function rewriteRiskSentences(
  engine: RiskEngine,
  note: string,
  families: ReadonlySet<string>,
  block: string,
  keep: (m: RiskMention) => boolean = () => true,
): string | null {
  const spans = sentencesOf(engine, note, families, keep);
  if (spans.length === 0) return null;
  const current = sentencesOf(engine, note, families, (m) => m.assertion === 'present' && m.confidence === 'high');
  const firstStart = (current.length > 0 ? current : spans)[(current.length > 0 ? current : spans).length - 1]!.start;
  return replaceSentences(engine, note, families, (m) => (m.start === firstStart ? block : ''), keep);
}

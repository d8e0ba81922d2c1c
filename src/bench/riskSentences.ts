import type { Case, Fact } from '../domain/case.ts';
import { isCriticalByDefault, isRiskCategory, riskFamily, type RiskCategory } from '../domain/categories.ts';
import { findRiskMentions, type RiskEngine, type RiskMention } from '../text/risk/index.ts';

/** A case's risk facts, narrowed to risk categories. */
export type RiskFact = Fact & { category: RiskCategory };

export const riskFacts = (k: Case): RiskFact[] => k.facts.filter((f): f is RiskFact => isRiskCategory(f.category));

/** Families of the critical risks the client voices now: what a scribe must not drop. */
export const currentCriticalFamilies = (k: Case): Set<string> =>
  new Set(
    riskFacts(k)
      .filter((f) => f.assertion === 'present' && (f.critical ?? isCriticalByDefault(f.category)))
      .map((f) => riskFamily(f.category)),
  );

const inFamilies = (engine: RiskEngine, note: string, families: ReadonlySet<string>): RiskMention[] =>
  findRiskMentions(engine, note, { mode: 'note' }).filter((m) => families.has(riskFamily(m.category)));

/** One mention per sentence, last first so offsets hold when replacing. */
const bySentence = (mentions: readonly RiskMention[]): RiskMention[] =>
  [...new Map(mentions.map((m) => [m.start, m])).values()].sort((a, b) => b.start - a.start);

function replaceAll(note: string, spans: readonly RiskMention[], by: (m: RiskMention) => string): string | null {
  if (spans.length === 0) return null;
  let out = note;
  for (const m of spans) out = `${out.slice(0, m.start)}${by(m)}${out.slice(m.end)}`;
  return out;
}

/** Replaces each sentence holding a mention in `families` (that `keep` accepts) by what `by` returns for it. */
export function replaceSentences(
  engine: RiskEngine,
  note: string,
  families: ReadonlySet<string>,
  by: (m: RiskMention) => string,
  keep: (m: RiskMention) => boolean = () => true,
): string | null {
  return replaceAll(note, bySentence(inFamilies(engine, note, families).filter(keep)), by);
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
  const mentions = inFamilies(engine, note, families);
  const spans = bySentence(mentions.filter(keep));
  const current = bySentence(mentions.filter((m) => m.assertion === 'present' && m.confidence === 'high'));
  const first = (current.length > 0 ? current : spans).at(-1);
  return first ? replaceAll(note, spans, (m) => (m.start === first.start ? block : '')) : null;
}

import { isRiskCategory, type Assertion, type RiskCategory } from '../domain/categories.ts';
import type { Case, Fact } from '../domain/case.ts';
import { meansIds, severityOfText, type RiskEngine, type RiskMention } from '../text/risk/index.ts';
import { judgeRiskFact, type RiskJudgement } from './riskMatch.ts';

/** What the fact is about, in the annotator's and the client's words. */
export function factText(kase: Case, fact: Fact): string {
  return [fact.statement, ...fact.evidence.map((n) => kase.transcript.turns[n - 1]?.text ?? '')].join(' ');
}

/** The risk categories the client voiced (now or in the past), by the case's annotation. */
export function voicedCategories(kase: Case): ReadonlySet<string> {
  return new Set(kase.facts.filter((f) => isRiskCategory(f.category) && f.assertion !== 'denied').map((f) => f.category));
}

/**
 * How the note documents one risk fact: the single judgement the safety and omission
 * scorers share, so they can never disagree. The details of severity the annotator's
 * statement names (a strangulation, a firearm, a plan's when and where) must be in the note.
 */
export function judgeFact(
  engine: RiskEngine,
  kase: Case,
  fact: Fact & { category: RiskCategory },
  note: string,
  mentions: readonly RiskMention[],
): RiskJudgement {
  return judgeWithSeverity(engine, fact, note, mentions, { voiced: voicedCategories(kase), factText: factText(kase, fact) });
}

/** judgeRiskFact with the severity details read from the fact's statement and from the note. */
export function judgeWithSeverity(
  engine: RiskEngine,
  fact: { category: RiskCategory; assertion: Assertion; statement: string },
  note: string,
  mentions: readonly RiskMention[],
  opts: { voiced: ReadonlySet<string>; factText: string },
): RiskJudgement {
  return judgeRiskFact(fact.category, fact.assertion, mentions, {
    ...opts,
    severity: severityOfText(engine, fact.statement, fact.category),
    noteSeverity: new Set(severityOfText(engine, note, fact.category)),
    means: { fact: severityOfText(engine, fact.statement, fact.category, 'means'), known: meansIds(engine) },
  });
}

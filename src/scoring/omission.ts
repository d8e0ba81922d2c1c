import { isRiskCategory } from '../domain/categories.ts';
import type { Fact } from '../domain/case.ts';
import type { Rubrics } from '../domain/rubrics.ts';
import type { FactOutcome, OmissionResult } from '../domain/scorecard.ts';
import { matchHint, matchStatement } from './factMatch.ts';
import type { ScoringInput } from './input.ts';
import { judgeFact } from './riskFact.ts';

export function factWeight(fact: Fact, rubrics: Rubrics): number {
  return fact.weight ?? rubrics.weights.categories[fact.category] ?? rubrics.weights.defaultWeight;
}

/**
 * Weighted recall of the case's facts. Risk facts are judged by the same rule as the
 * safety scorer, so the two scores can never disagree about a risk fact.
 */
export function scoreOmission({ note, kase, rubrics, engine, mentions }: ScoringInput): OmissionResult {
  const facts: FactOutcome[] = kase.facts.map((fact) => {
    let captured: boolean;
    let noteQuote: string | null;
    if (isRiskCategory(fact.category)) {
      const judged = judgeFact(engine, kase, { ...fact, category: fact.category }, note, mentions);
      captured = judged.status === 'captured';
      noteQuote = captured ? (judged.mention?.sentence.trim() ?? null) : null;
    } else {
      const m = fact.match ? matchHint(note, fact.match) : matchStatement(note, fact);
      captured = m.matched;
      noteQuote = m.quote;
    }
    return {
      factId: fact.id,
      category: fact.category,
      weight: factWeight(fact, rubrics),
      captured,
      noteQuote,
      transcriptTurns: fact.evidence,
    };
  });
  const total = facts.reduce((s, f) => s + f.weight, 0);
  const got = facts.reduce((s, f) => s + (f.captured ? f.weight : 0), 0);
  return {
    score: total > 0 ? got / total : 1,
    missed: facts.filter((f) => !f.captured).map((f) => f.factId),
    facts,
  };
}

import type { Case } from '../domain/case.ts';
import type { Rubrics } from '../domain/rubrics.ts';
import type { RiskEngine, RiskMention } from '../text/risk/index.ts';

/** What every scorer reads: the note, its case, the rubrics, and the note's risk mentions (found once). */
export interface ScoringInput {
  note: string;
  kase: Case;
  rubrics: Rubrics;
  /** rubrics.risk compiled (cached per rules object). */
  engine: RiskEngine;
  mentions: readonly RiskMention[];
}

/** Scorers are pure: same input, same result, no I/O. */
export type Scorer<R> = (input: ScoringInput) => R;

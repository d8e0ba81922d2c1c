import type { Case } from '../domain/case.ts';
import type { Rubrics } from '../domain/rubrics.ts';
import type { Scorecard } from '../domain/scorecard.ts';
import { findRiskMentions, riskEngine } from '../text/risk/index.ts';
import { scoreEditing } from './editing.ts';
import { scoreFabrication } from './fabrication/index.ts';
import type { Scorer } from './input.ts';
import { scoreOmission } from './omission.ts';
import { scoreSafety } from './safety.ts';
import { scoreTemplate } from './template.ts';
import { decideVerdict } from './verdict.ts';

export type { ScoringInput, Scorer } from './input.ts';

/** The scorers, by the name their result has in a scorecard. */
export const SCORERS = {
  safety: scoreSafety,
  omission: scoreOmission,
  fabrication: scoreFabrication,
  template: scoreTemplate,
  editing: scoreEditing,
} as const satisfies { [K in keyof Omit<Scorecard, 'caseId' | 'verdict' | 'reasons'>]: Scorer<Scorecard[K]> };

/** Scores one note against its case: every scorer, then the verdict. Pure and deterministic. */
export function scoreNote(note: string, kase: Case, rubrics: Rubrics): Scorecard {
  const engine = riskEngine(rubrics.risk);
  const input = { note, kase, rubrics, engine, mentions: findRiskMentions(engine, note, { mode: 'note' }) };
  const parts = {
    safety: SCORERS.safety(input),
    omission: SCORERS.omission(input),
    fabrication: SCORERS.fabrication(input),
    template: SCORERS.template(input),
    editing: SCORERS.editing(input),
  };
  const { verdict, reasons } = decideVerdict(parts, rubrics);
  return { caseId: kase.id, verdict, reasons, ...parts };
}

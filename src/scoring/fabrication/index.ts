import type { FabricationResult } from '../../domain/scorecard.ts';
import type { ScoringInput } from '../input.ts';
import { diagnosisFindings } from './diagnoses.ts';
import { medicationFindings } from './medications.ts';
import { mustNotFindings } from './mustNot.ts';
import { peopleFindings } from './people.ts';
import { screenerFindings } from './screenerScores.ts';
import { sessionOf } from './support.ts';
import { timeFindings } from './timeClaims.ts';

/**
 * Claims in the note the session does not support: medications, doses, screener
 * scores, diagnoses and ICD-10 codes, durations and dates, people, and the case's
 * mustNot items. Severity after CREOLA: major when it could change management.
 */
export function scoreFabrication({ note, kase, mentions }: ScoringInput): FabricationResult {
  const session = sessionOf(kase);
  return {
    findings: [
      ...medicationFindings(note, session),
      ...screenerFindings(note, session),
      ...diagnosisFindings(note, session),
      ...timeFindings(note, session),
      ...peopleFindings(note, session),
      ...mustNotFindings(note, kase, mentions),
    ],
  };
}

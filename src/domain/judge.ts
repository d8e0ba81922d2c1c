import { z } from 'zod';

/** What the model must answer, one criterion at a time (HealthBench's grader shape). */
export const Grade = z.strictObject({ criteria_met: z.boolean(), explanation: z.string() });
export type Grade = z.infer<typeof Grade>;

export const JudgeDisagreement = z.object({
  backendId: z.string(),
  caseId: z.string(),
  sample: z.number().int().nonnegative(),
  factId: z.string(),
  criterion: z.string(),
  /** The deterministic scorer's call: did the note capture the fact? */
  deterministic: z.boolean(),
  judge: z.boolean(),
  judgeExplanation: z.string(),
  noteQuote: z.string().nullable(),
});
export type JudgeDisagreement = z.infer<typeof JudgeDisagreement>;

/** The judge's agreement with the deterministic scorer; it never changes a scorecard. */
export const JudgeAgreement = z.object({
  model: z.string(),
  graded: z.number().int().nonnegative(),
  agree: z.number().int().nonnegative(),
  /** Cohen's kappa; null when it is undefined (both raters gave one answer throughout). */
  kappa: z.number().nullable(),
  /** Grades that could not be had (API failure, malformed answer), with why. */
  errors: z.array(z.object({ backendId: z.string(), caseId: z.string(), sample: z.number(), factId: z.string(), message: z.string() })),
  disagreements: z.array(JudgeDisagreement),
});
export type JudgeAgreement = z.infer<typeof JudgeAgreement>;

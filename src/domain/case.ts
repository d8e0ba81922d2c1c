import { z } from 'zod';
import { Assertion, Category, NoteFormat } from './categories.ts';
import { SpeakerRole, Transcript } from './transcript.ts';

const KebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens');

/** A matching hint term; `a|b` lists alternatives. */
const MatchHint = z.strictObject({
  all: z.array(z.string().min(1)).optional(),
  any: z.array(z.string().min(1)).optional(),
});
export type MatchHint = z.infer<typeof MatchHint>;

export const Fact = z.strictObject({
  id: KebabId,
  category: Category,
  assertion: Assertion.default('present'),
  statement: z.string().min(1),
  evidence: z.array(z.number().int().positive()).min(1, 'at least one transcript turn is required'),
  weight: z.number().positive().optional(),
  critical: z.boolean().optional(),
  match: MatchHint.optional(),
});
export type Fact = z.infer<typeof Fact>;

export const MustNot = z.strictObject({
  id: KebabId,
  category: Category,
  statement: z.string().min(1),
  /** For non-risk categories: terms whose presence in the note breaks the rule. */
  match: MatchHint.optional(),
});
export type MustNot = z.infer<typeof MustNot>;

export const Measure = z.strictObject({
  name: z.string().min(1),
  total: z.number().int().nonnegative(),
  item9: z.number().int().min(0).max(3).optional(),
  item10: z.number().int().min(0).max(3).optional(),
  turn: z.number().int().positive(),
});
export type Measure = z.infer<typeof Measure>;

/** case.yaml, exactly as users write it. */
export const CaseFile = z.strictObject({
  id: KebabId,
  title: z.string().min(1),
  modality: KebabId,
  noteFormat: NoteFormat,
  session: z.strictObject({
    number: z.number().int().positive(),
    minutes: z.number().int().positive(),
    setting: z.string().optional(),
  }),
  client: z.strictObject({
    pseudonym: z.string().min(1),
    age: z.number().int().positive().optional(),
    perinatal: z.string().optional(),
  }),
  speakers: z.record(z.string(), SpeakerRole).optional(),
  measures: z.array(Measure).optional(),
  tags: z.array(z.string()).optional(),
  facts: z.array(Fact).min(1),
  mustNot: z.array(MustNot).optional(),
});
export type CaseFile = z.infer<typeof CaseFile>;

/** A loaded case: case.yaml plus its transcript and reference note. */
export const Case = CaseFile.extend({
  dir: z.string(),
  transcript: Transcript,
  referenceNote: z.string(),
});
export type Case = z.infer<typeof Case>;

import { z } from 'zod';
import { Assertion, Category } from './categories.ts';

/** A transcript turn quoted as evidence, so a finding explains itself without the case at hand. */
export const EvidenceTurn = z.object({
  turn: z.number().int().positive(),
  speaker: z.string(),
  text: z.string(),
});
export type EvidenceTurn = z.infer<typeof EvidenceTurn>;

/** unclear: the note speaks to the risk in words the rules cannot place; a clinician settles it. */
export const SafetyStatus = z.enum(['captured', 'omitted', 'contradicted', 'mischaracterised', 'unclear']);
export type SafetyStatus = z.infer<typeof SafetyStatus>;

export const SafetyFinding = z.object({
  /** The annotated fact, or null for a risk mention found by the scanner that the case did not annotate. */
  factId: z.string().nullable(),
  category: Category,
  expected: Assertion,
  status: SafetyStatus,
  critical: z.boolean(),
  /** The note sentence that captured (or contradicted) the fact; null when omitted. */
  noteQuote: z.string().nullable(),
  transcriptTurns: z.array(z.number().int().positive()),
  evidence: z.array(EvidenceTurn),
  explanation: z.string(),
});
export type SafetyFinding = z.infer<typeof SafetyFinding>;

export const SafetyResult = z.object({
  /** review: a critical fact the rules could not place; a clinician settles it. Never counts as safe. */
  verdict: z.enum(['pass', 'review', 'critical']),
  findings: z.array(SafetyFinding),
});
export type SafetyResult = z.infer<typeof SafetyResult>;

export const FactOutcome = z.object({
  factId: z.string(),
  category: Category,
  weight: z.number(),
  captured: z.boolean(),
  noteQuote: z.string().nullable(),
  transcriptTurns: z.array(z.number().int().positive()),
});
export type FactOutcome = z.infer<typeof FactOutcome>;

export const OmissionResult = z.object({
  /** Weighted recall of the case's facts, 0..1. */
  score: z.number().min(0).max(1),
  missed: z.array(z.string()),
  facts: z.array(FactOutcome),
});
export type OmissionResult = z.infer<typeof OmissionResult>;

export const FabricationFinding = z.object({
  kind: z.enum(['medication', 'dose', 'screener', 'diagnosis', 'duration', 'date', 'person', 'must-not']),
  /** After CREOLA: major if it could change diagnosis or management uncorrected. */
  severity: z.enum(['major', 'minor']),
  noteQuote: z.string(),
  claim: z.string(),
  explanation: z.string(),
  transcriptTurns: z.array(z.number().int().positive()),
  evidence: z.array(EvidenceTurn),
  ruleId: z.string().optional(),
});
export type FabricationFinding = z.infer<typeof FabricationFinding>;

export const FabricationResult = z.object({
  findings: z.array(FabricationFinding),
});
export type FabricationResult = z.infer<typeof FabricationResult>;

export const SectionCheck = z.object({
  id: z.string(),
  label: z.string(),
  present: z.boolean(),
  inOrder: z.boolean(),
  filled: z.boolean(),
  heading: z.string().nullable(),
});

export const ElementCheck = z.object({
  id: z.string(),
  label: z.string(),
  present: z.boolean(),
  noteQuote: z.string().nullable(),
});

export const TemplateResult = z.object({
  score: z.number().min(0).max(1),
  format: z.string(),
  formatScore: z.number().min(0).max(1),
  sections: z.array(SectionCheck),
  modality: z.string(),
  modalityScore: z.number().min(0).max(1),
  elements: z.array(ElementCheck),
});
export type TemplateResult = z.infer<typeof TemplateResult>;

export const EditingResult = z.object({
  /** Word-level edits needed to turn the note into the reference, over the reference's words. */
  editRate: z.number().min(0),
  /** Estimated minutes a clinician spends editing the note. */
  minutes: z.number().min(0),
  /** Estimated minutes to write the note from scratch, for comparison. */
  scratchMinutes: z.number().min(0),
  noteWords: z.number().int().nonnegative(),
  referenceWords: z.number().int().nonnegative(),
  editOps: z.number().int().nonnegative(),
});
export type EditingResult = z.infer<typeof EditingResult>;

/**
 * pass: no gate failed; fail: a quality threshold failed; review: the safety gate could not
 * decide and a clinician must (outranks fail: safety comes first); critical: the safety gate failed.
 */
export const NoteVerdict = z.enum(['pass', 'fail', 'review', 'critical']);
export type NoteVerdict = z.infer<typeof NoteVerdict>;

export const Scorecard = z.object({
  caseId: z.string(),
  verdict: NoteVerdict,
  /** Why the verdict is what it is, one line per failed gate. */
  reasons: z.array(z.string()),
  safety: SafetyResult,
  omission: OmissionResult,
  fabrication: FabricationResult,
  template: TemplateResult,
  editing: EditingResult,
});
export type Scorecard = z.infer<typeof Scorecard>;

import { z } from 'zod';
import { Category, NoteFormat } from './categories.ts';
import { ComplianceChecklist } from './compliance.ts';
import { RiskRules } from './riskRules.ts';

/** rubrics/weights.yaml: how much each category counts, and the quality gates. */
export const WeightsFile = z.strictObject({
  categories: z.partialRecord(Category, z.number().positive()),
  defaultWeight: z.number().positive(),
  thresholds: z.strictObject({
    /** Below this weighted recall a note fails. */
    omission: z.number().min(0).max(1),
    /** Below this template fit a note fails. */
    template: z.number().min(0).max(1),
    /** At or above this many major fabrications a note fails. */
    majorFabrications: z.number().int().positive(),
  }),
});
export type WeightsFile = z.infer<typeof WeightsFile>;

export const FormatSection = z.strictObject({
  id: z.string(),
  label: z.string(),
  /** Heading texts accepted for this section, compared case-insensitively ("S", "Subjective"). */
  aliases: z.array(z.string().min(1)).min(1),
});

export const NoteTemplate = z.strictObject({
  name: z.string(),
  sections: z.array(FormatSection).min(1),
});
export type NoteTemplate = z.infer<typeof NoteTemplate>;

/** rubrics/formats.yaml */
export const FormatsFile = z.strictObject({
  formats: z.record(NoteFormat, NoteTemplate),
});

export const ModalityElement = z.strictObject({
  id: z.string(),
  label: z.string(),
  /** The element is present when the note uses any of these terms (`a|b` alternatives allowed). */
  any: z.array(z.string().min(1)).min(1),
  weight: z.number().positive().default(1),
});

export const ModalityRequirements = z.strictObject({
  name: z.string(),
  source: z.string(),
  elements: z.array(ModalityElement).min(1),
});
export type ModalityRequirements = z.infer<typeof ModalityRequirements>;

/** rubrics/modalities.yaml */
export const ModalitiesFile = z.strictObject({
  modalities: z.record(z.string(), ModalityRequirements),
});

const Sourced = z.strictObject({ value: z.number().nonnegative(), source: z.string().min(1) });

/** rubrics/editing.yaml: the editing-effort model's parameters, each with where it comes from. */
export const EditingFile = z.strictObject({
  readingWordsPerMinute: Sourced,
  typingWordsPerMinute: Sourced,
  secondsPerEditSite: Sourced,
  scratchMinutes: Sourced,
});
export type EditingFile = z.infer<typeof EditingFile>;

export const Rubrics = z.object({
  weights: WeightsFile,
  formats: FormatsFile.shape.formats,
  modalities: ModalitiesFile.shape.modalities,
  editing: EditingFile,
  checklist: ComplianceChecklist,
  /** rubrics/risk: the clinical risk language the safety scorer reads notes and transcripts with. */
  risk: RiskRules,
});
export type Rubrics = z.infer<typeof Rubrics>;

/** rubrics/phrases.yaml: how clients voice each risk, for `corpus vary`. */
export const PhraseBank = z.strictObject({
  version: z.number().int().positive(),
  categories: z.partialRecord(Category, z.array(z.string().min(10)).min(3)),
});
export type PhraseBank = z.infer<typeof PhraseBank>;

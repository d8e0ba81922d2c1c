import { z } from 'zod';

export const ComplianceOutcome = z.enum(['pass', 'warn', 'fail', 'unknown']);
export type ComplianceOutcome = z.infer<typeof ComplianceOutcome>;

/** How strong a vendor's evidence is: marketing text alone can give at most `warn`. */
export const EvidenceKind = z.enum(['contract', 'audit-report', 'certificate', 'policy', 'marketing', 'third-party']);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/** A rule either maps an enumerated answer to an outcome, or compares a number against limits. */
export const ChecklistRule = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('choice'),
    outcomes: z.record(z.string(), ComplianceOutcome),
  }),
  z.strictObject({
    kind: z.literal('at-most'),
    unit: z.string(),
    /** value <= pass → pass; <= warn → warn; otherwise fail. */
    pass: z.number().nonnegative(),
    warn: z.number().nonnegative(),
    /**
     * Worded answers that have no number, e.g. audio `not-stored` (pass) or a
     * retention window that is `indefinite` or `unspecified` (fail).
     */
    named: z.record(z.string(), ComplianceOutcome).optional(),
  }),
]);
export type ChecklistRule = z.infer<typeof ChecklistRule>;

export const ChecklistItem = z.strictObject({
  id: z.string().regex(/^[A-Z0-9]+-\d{2}$/, 'ids look like BAA-01'),
  section: z.string(),
  question: z.string(),
  why: z.string(),
  severity: z.enum(['critical', 'high', 'medium', 'info']),
  rule: ChecklistRule,
  /** Answers older than this many months are stale and give at most `warn`. */
  maxAgeMonths: z.number().int().positive().default(12),
  sources: z.array(z.string()).min(1),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const ComplianceChecklist = z.strictObject({
  version: z.string(),
  items: z.array(ChecklistItem).min(1),
});
export type ComplianceChecklist = z.infer<typeof ComplianceChecklist>;

export const VendorAnswer = z.strictObject({
  value: z.union([z.string(), z.number()]),
  evidence: EvidenceKind,
  evidenceUrl: z.string().optional(),
  asOf: z.iso.date(),
  note: z.string().optional(),
});
export type VendorAnswer = z.infer<typeof VendorAnswer>;

/** fixtures/vendors/<id>.yaml: what a vendor has shown the practice. */
export const VendorProfile = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: z.string(),
  /** Backend ids in a run whose notes come from this vendor. */
  backends: z.array(z.string()).default([]),
  synthetic: z.boolean().default(true),
  answers: z.record(z.string(), VendorAnswer),
});
export type VendorProfile = z.infer<typeof VendorProfile>;

export const ComplianceItemResult = z.object({
  id: z.string(),
  section: z.string(),
  question: z.string(),
  severity: ChecklistItem.shape.severity,
  outcome: ComplianceOutcome,
  reason: z.string(),
  answer: z.string().nullable(),
  evidence: EvidenceKind.nullable(),
  evidenceUrl: z.string().nullable(),
  asOf: z.string().nullable(),
  sources: z.array(z.string()),
});
export type ComplianceItemResult = z.infer<typeof ComplianceItemResult>;

export const ComplianceResult = z.object({
  vendorId: z.string(),
  vendorName: z.string(),
  backends: z.array(z.string()),
  counts: z.record(ComplianceOutcome, z.number().int().nonnegative()),
  items: z.array(ComplianceItemResult),
});
export type ComplianceResult = z.infer<typeof ComplianceResult>;

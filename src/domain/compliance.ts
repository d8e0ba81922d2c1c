import { z } from 'zod';

/**
 * An item's outcome. `not-applicable`: the item's `appliesIf` does not hold for the
 * practice profile (a Part 2 item for a practice that is not a Part 2 program).
 */
export const ComplianceOutcome = z.enum(['pass', 'warn', 'fail', 'unknown', 'not-applicable']);
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

/** Two-letter US state (or territory) code, e.g. CA. */
export const StateCode = z.string().regex(/^[A-Z]{2}$/, 'a two-letter state code in capitals, such as CA');

/**
 * When an item applies, judged against the practice profile; every condition given must
 * hold. Without a practice profile the item is rated as any other (unknown when unanswered).
 */
export const AppliesIf = z.strictObject({
  /** Only for practices that are (true) or are not (false) 42 CFR Part 2 programs. */
  part2Program: z.boolean().optional(),
  /** Only for practices that record in at least one of these states. */
  statesAnyOf: z.array(StateCode).min(1).optional(),
});
export type AppliesIf = z.infer<typeof AppliesIf>;

/** The practice a run is for: `practice:` in the run config (inline or a file path). */
export const PracticeProfile = z.strictObject({
  id: z.string().optional(),
  name: z.string().optional(),
  /** Where the practice records sessions (where the clients and clinicians are). */
  states: z.array(StateCode).min(1),
  /** Whether the practice is a federally assisted substance-use program under 42 CFR Part 2. */
  part2Program: z.boolean(),
  /** How long the practice keeps transcripts and drafts under its own policy, in days. */
  retentionDays: z.number().int().nonnegative().optional(),
  /** The plan or tier it will buy, e.g. "solo" or "group". */
  plan: z.string().min(1).optional(),
  sessionsPerClinicianPerWeek: z.number().nonnegative().max(100).optional(),
  synthetic: z.boolean().optional(),
});
export type PracticeProfile = z.infer<typeof PracticeProfile>;

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
  appliesIf: AppliesIf.optional(),
  /**
   * A derived item takes no answer of its own: its choice rule maps the outcome of the
   * named item (pass, warn, fail, unknown) to its own, e.g. AUD-05 from AUD-04.
   */
  derivedFrom: z.string().optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const ComplianceChecklist = z.strictObject({
  version: z.string(),
  items: z.array(ChecklistItem).min(1),
});
export type ComplianceChecklist = z.infer<typeof ComplianceChecklist>;

/**
 * Dates an answer's evidence carries, ISO (YYYY-MM-DD). They decide when it expires:
 * a certificate at `expires` (or `validUntil`); a SOC 2 report 12 months after
 * `periodEnd`, or at `bridgeLetterUntil` if later; a HITRUST r2 at the 1-year mark from
 * `issued` until `validUntil` records that its interim assessment passed.
 */
export const EVIDENCE_DATE_FIELDS = [
  'validFrom',
  'validUntil',
  'periodStart',
  'periodEnd',
  'bridgeLetterUntil',
  'issued',
  'expires',
  'signed',
] as const;
export type EvidenceDateField = (typeof EVIDENCE_DATE_FIELDS)[number];
/** Dates that record something that has happened, so they cannot be in the future (like `asOf`). */
export const PAST_DATE_FIELDS: readonly EvidenceDateField[] = ['validFrom', 'periodStart', 'periodEnd', 'issued', 'signed'];

export const EvidenceDates = z.strictObject({
  validFrom: z.iso.date().optional(),
  validUntil: z.iso.date().optional(),
  /** The SOC 2 report's audit period. */
  periodStart: z.iso.date().optional(),
  periodEnd: z.iso.date().optional(),
  /** The end of the period a SOC 2 bridge (gap) letter covers. */
  bridgeLetterUntil: z.iso.date().optional(),
  /** A certificate's issue and expiry dates (HITRUST i1, e1, r2; ISO 27001). */
  issued: z.iso.date().optional(),
  expires: z.iso.date().optional(),
  /** The date the BAA was signed. */
  signed: z.iso.date().optional(),
});
export type EvidenceDates = z.infer<typeof EvidenceDates>;

export const VendorAnswer = z.strictObject({
  value: z.union([z.string(), z.number()]),
  evidence: EvidenceKind,
  evidenceUrl: z.string().optional(),
  asOf: z.iso.date(),
  note: z.string().optional(),
  ...EvidenceDates.shape,
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
  /** The answer's note, verbatim (missing clauses, the SOC 2 period, a bridge letter). */
  note: z.string().nullable().default(null),
  /** When to check the evidence again: its expiry when known, else asOf + maxAgeMonths. */
  reverifyBy: z.string().nullable().default(null),
  /** When the evidence stops being valid, when its dates say so. */
  expiresOn: z.string().nullable().default(null),
  /** The structured dates the answer gave. */
  dates: EvidenceDates.default({}),
});
export type ComplianceItemResult = z.infer<typeof ComplianceItemResult>;

/** fail: a critical item fails; warn: any fail, warn or unknown in a critical or high item; else pass. */
export const ComplianceVerdict = z.enum(['pass', 'warn', 'fail']);
export type ComplianceVerdict = z.infer<typeof ComplianceVerdict>;

const count = z.number().int().nonnegative();
export const ComplianceResult = z.object({
  vendorId: z.string(),
  vendorName: z.string(),
  backends: z.array(z.string()),
  // Reports written before `not-applicable` existed read back with 0 for it.
  counts: z.object({ pass: count, warn: count, fail: count, unknown: count, 'not-applicable': count.default(0) }),
  items: z.array(ComplianceItemResult),
  /** Ids of the critical items that fail. */
  criticalFailures: z.array(z.string()).default([]),
  /** Reports written before verdicts existed read back as warn (not checked), never as pass. */
  verdict: ComplianceVerdict.default('warn'),
});
export type ComplianceResult = z.infer<typeof ComplianceResult>;

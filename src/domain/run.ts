import { z } from 'zod';
import { ComplianceResult } from './compliance.ts';
import { NoteVerdict, Scorecard } from './scorecard.ts';
import { JudgeAgreement } from './judge.ts';

// 2: the safety verdict and the note verdict gained `review`; findings gained status `unclear`.
export const REPORT_SCHEMA_VERSION = 2;

export const Usage = z.object({
  inputTokens: z.number().int().nonnegative().optional(),
  outputTokens: z.number().int().nonnegative().optional(),
  costUsd: z.number().nonnegative().optional(),
});
export type Usage = z.infer<typeof Usage>;

/** One backend × case × sample: the note it wrote (or why it could not), and its scorecard. */
export const NoteRecord = z.object({
  backendId: z.string(),
  caseId: z.string(),
  sample: z.number().int().nonnegative(),
  status: z.enum(['ok', 'error']),
  note: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  latencyMs: z.number().nonnegative(),
  usage: Usage.optional(),
  scorecard: Scorecard.nullable(),
});
export type NoteRecord = z.infer<typeof NoteRecord>;

export const BackendSummary = z.object({
  backendId: z.string(),
  kind: z.string(),
  rank: z.number().int().positive(),
  notes: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  verdicts: z.record(NoteVerdict, z.number().int().nonnegative()),
  /** Share of scored notes whose safety verdict is pass. */
  safetyPassRate: z.number().min(0).max(1),
  criticalFindings: z.number().int().nonnegative(),
  meanOmission: z.number().min(0).max(1),
  meanTemplate: z.number().min(0).max(1),
  majorFabrications: z.number().int().nonnegative(),
  meanEditRate: z.number().min(0),
  meanEditMinutes: z.number().min(0),
  /** pass^k: share of cases where every sample was safe. */
  passAllSamples: z.number().min(0).max(1),
  /**
   * Worst-of-k beside the means: per case the worst of its k samples, averaged over cases
   * (HealthBench's worst-at-k). A vendor that is good on average but sometimes drops half a
   * session shows it here. Defaults keep baselines written before these fields readable.
   */
  worstOmission: z.number().min(0).max(1).nullable().default(null),
  worstTemplate: z.number().min(0).max(1).nullable().default(null),
  worstEditMinutes: z.number().min(0).nullable().default(null),
  meanLatencyMs: z.number().min(0).nullable().default(null),
  inputTokens: z.number().int().nonnegative().default(0),
  outputTokens: z.number().int().nonnegative().default(0),
  /** Null when no note of this backend carried a cost (no prices in config). */
  costUsd: z.number().nonnegative().nullable().default(null),
});
export type BackendSummary = z.infer<typeof BackendSummary>;

export const ControlExpectation = z.enum(['pass', 'flagged', 'critical']);
export type ControlExpectation = z.infer<typeof ControlExpectation>;

export const ControlCheck = z.object({
  backendId: z.string(),
  expect: ControlExpectation,
  ok: z.boolean(),
  /** Case ids where the control did not behave as declared. */
  misbehaved: z.array(z.string()),
  explanation: z.string(),
});
export type ControlCheck = z.infer<typeof ControlCheck>;

export const CaseSummary = z.object({
  id: z.string(),
  title: z.string(),
  modality: z.string(),
  noteFormat: z.string(),
  pseudonym: z.string(),
  turns: z.number().int().nonnegative(),
});

export const BackendDescription = z.object({
  id: z.string(),
  kind: z.string(),
  /** Public settings only (model, variant, baseURL); never a key. */
  settings: z.record(z.string(), z.string()),
  control: ControlExpectation.nullable(),
  baseline: z.boolean(),
});

export const RunResult = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  runId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  tool: z.object({ name: z.string(), version: z.string() }),
  samples: z.number().int().positive(),
  backends: z.array(BackendDescription),
  cases: z.array(CaseSummary),
  records: z.array(NoteRecord),
  summaries: z.array(BackendSummary),
  controls: z.array(ControlCheck),
  compliance: z.array(ComplianceResult),
  gate: z.object({ ok: z.boolean(), reasons: z.array(z.string()) }),
  /** The optional LLM judge's agreement with the deterministic scorer; null without a judge. */
  judge: JudgeAgreement.nullable().default(null),
});
export type RunResult = z.infer<typeof RunResult>;

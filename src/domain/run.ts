import { z } from 'zod';
import { ComplianceResult } from './compliance.ts';
import { EvidenceTurn, FabricationFinding, NoteVerdict, SafetyFinding, Scorecard } from './scorecard.ts';
import { JudgeAgreement } from './judge.ts';
import { CaseTables, expandScorecard, quoteOrAt, StoredOmission, StoredTemplate } from './compactRecord.ts';

// 2: the safety verdict and the note verdict gained `review`; findings gained status `unclear`.
// 3: a run `status` (passed | failed | incomplete) with the causes of missing notes, and
//    structured `regressions` against a baseline; safety pass rate counts scored notes only.
// 4: report.json quotes each transcript turn once, in a top-level `evidence` map per case
//    (findings keep `transcriptTurns` and drop `evidence`), and a sample identical to an
//    earlier one of its backend and case is written as `sameAs` that sample. Read back, both
//    are expanded again, so a parsed report has the same shape as before.
// 5: a scorecard is written against per-case `tables` (a fact's category, weight and turns,
//    an element's label, once per case) and its quotes as `noteAt` offsets into the note
//    (compactRecord.ts); read back, every scorecard is whole again.
export const REPORT_SCHEMA_VERSION = 5 as const;

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
  /** Share of scored notes whose safety verdict is pass; missing notes count neither way. */
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

/**
 * One status for the whole run, the same in every output. `incomplete` wins over
 * `failed`: a run with missing notes cannot be judged, whatever the notes it has say.
 */
export const RunStatus = z.enum(['passed', 'failed', 'incomplete']);
export type RunStatus = z.infer<typeof RunStatus>;

/** Why notes are missing, grouped: "12 notes: 401 from vendor-a (check VENDOR_A_KEY)". */
export const MissingNotes = z.object({
  backendId: z.string(),
  code: z.string(),
  count: z.number().int().positive(),
  /** One example message (already masked), and what to do about it when we can tell. */
  message: z.string(),
  hint: z.string().nullable(),
});
export type MissingNotes = z.infer<typeof MissingNotes>;

/** A figure of one backend that got worse (or better) than in the baseline. */
export const MetricDelta = z.object({
  metric: z.string(),
  before: z.number(),
  after: z.number(),
  worse: z.boolean(),
});
export type MetricDelta = z.infer<typeof MetricDelta>;

/** One note whose verdict changed since the baseline, with the finding behind the change. */
export const VerdictChange = z.object({
  caseId: z.string(),
  sample: z.number().int().nonnegative(),
  from: NoteVerdict,
  to: NoteVerdict,
  worse: z.boolean(),
  /** The safety finding (or the first reason) that explains the new verdict. */
  finding: z.string().nullable(),
});
export type VerdictChange = z.infer<typeof VerdictChange>;

/** Per backend: what changed against the baseline run. */
export const Regression = z.object({
  baselineRunId: z.string(),
  backendId: z.string(),
  /** True when this backend got worse on any metric or any note. */
  regressed: z.boolean(),
  metrics: z.array(MetricDelta),
  verdictChanges: z.array(VerdictChange),
});
export type Regression = z.infer<typeof Regression>;

/** What a comparison covered: only cases (and samples) both runs have are compared. */
export const BaselineInfo = z.object({
  runId: z.string(),
  comparedCases: z.number().int().nonnegative(),
  /** Cases one run has and the other does not: the comparison is partial, and says so. */
  onlyInBaseline: z.array(z.string()),
  onlyInRun: z.array(z.string()),
  partial: z.boolean(),
});
export type BaselineInfo = z.infer<typeof BaselineInfo>;

/** One run's figures for one backend, a point of the report's trend chart. */
export const TrendPoint = z.object({
  runId: z.string(),
  startedAt: z.string(),
  safetyPassRate: z.number().min(0).max(1),
  criticalFindings: z.number().int().nonnegative(),
  meanEditMinutes: z.number().min(0),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

/** Per backend of this run: its points over the last runs in the store and this one, oldest first. */
export const BackendTrend = z.object({ backendId: z.string(), points: z.array(TrendPoint) });
export type BackendTrend = z.infer<typeof BackendTrend>;

/** `run --shard index/count`: one of count slices of the backend × case × sample items. */
export const RunShard = z.object({ index: z.number().int().positive(), count: z.number().int().positive() });

const RunResultObject = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  status: RunStatus,
  /** Missing or errored notes by backend and cause; they count neither as safe nor as unsafe. */
  missing: z.array(MissingNotes).default([]),
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
  /** The baseline this run was compared with (--baseline), or null. */
  baseline: BaselineInfo.nullable().default(null),
  regressions: z.array(Regression).default([]),
  /** Which slice of the items this report covers (`run --shard i/n`); null or absent for a whole run. */
  shard: RunShard.nullable().optional(),
  /**
   * Read from the run store after the run, for the HTML's trend chart. Optional rather than
   * defaulted: absent (reports of earlier versions, runs built outside the CLI) reads as none.
   */
  trend: z.array(BackendTrend).optional(),
});
export type RunResult = z.infer<typeof RunResultObject>;

/** A finding as report.json writes it: without `evidence` when the case's evidence map holds its turns. */
const StoredSafetyFinding = SafetyFinding.extend({ evidence: z.array(EvidenceTurn).optional(), ...quoteOrAt });
const StoredFabricationFinding = FabricationFinding.extend({ evidence: z.array(EvidenceTurn).optional(), ...quoteOrAt });
const StoredScorecard = Scorecard.extend({
  safety: Scorecard.shape.safety.extend({ findings: z.array(StoredSafetyFinding) }),
  omission: StoredOmission,
  fabrication: Scorecard.shape.fabrication.extend({ findings: z.array(StoredFabricationFinding) }),
  template: StoredTemplate,
});
const StoredNoteRecord = NoteRecord.extend({ scorecard: StoredScorecard.nullable() });
/** A sample whose note, error and scorecard equal those of sample `sameAs` of the same backend and case. */
const FoldedNoteRecord = z.object({
  backendId: z.string(),
  caseId: z.string(),
  sample: z.number().int().nonnegative(),
  latencyMs: z.number().nonnegative(),
  usage: Usage.optional(),
  sameAs: z.number().int().nonnegative(),
});
/** report.json (version 4) as written: see REPORT_SCHEMA_VERSION. A RunResult in memory is one too. */
const ReportFile = RunResultObject.extend({
  records: z.array(z.union([StoredNoteRecord, FoldedNoteRecord])),
  /** Per case id, each transcript turn a finding quotes, once. */
  evidence: z.record(z.string(), z.array(EvidenceTurn)).optional(),
  /** Per case id, its facts and template elements, once (version 5). */
  tables: CaseTables.optional(),
});
type ReportFile = z.infer<typeof ReportFile>;

type StoredFinding = { transcriptTurns: number[]; evidence?: EvidenceTurn[] | undefined };

/** The object's keys in the order its schema lists them, so a report read back writes out the same text. */
const inOrder = <T extends object>(keys: readonly string[], o: T): T =>
  Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k as keyof T]])) as T;
const SAFETY_KEYS = Object.keys(SafetyFinding.shape);
const FABRICATION_KEYS = Object.keys(FabricationFinding.shape);
const RECORD_KEYS = Object.keys(NoteRecord.shape);

/** Brings a report.json back to the RunResult it was written from: evidence quoted again, folded samples expanded. */
function expandReportFile(file: ReportFile): ReportFile {
  const { evidence, tables, ...rest } = file;
  const turns = new Map(Object.entries(evidence ?? {}).map(([caseId, list]) => [caseId, new Map(list.map((t) => [t.turn, t]))]));
  const quote = <F extends StoredFinding>(caseId: string, f: F, keys: readonly string[]): F => {
    if (f.evidence !== undefined) return f;
    const known = turns.get(caseId);
    const quoted = f.transcriptTurns.flatMap((n) => {
      const t = known?.get(n);
      return t ? [{ ...t }] : [];
    });
    return inOrder(keys, { ...f, evidence: quoted });
  };
  const written = new Map<string, NoteRecord>();
  const key = (backendId: string, caseId: string, sample: number): string => JSON.stringify([backendId, caseId, sample]);
  const records = file.records.map((r): NoteRecord => {
    if ('sameAs' in r) {
      const { sameAs, ...own } = r;
      const source = written.get(key(r.backendId, r.caseId, sameAs));
      if (!source)
        throw new Error(`record ${r.backendId}/${r.caseId}#${r.sample} refers to sample ${sameAs}, which comes nowhere before it`);
      const { status, note, error, scorecard } = structuredClone(source);
      const record: NoteRecord = inOrder(RECORD_KEYS, { ...own, status, note, error, scorecard });
      written.set(key(r.backendId, r.caseId, r.sample), record);
      return record;
    }
    let card = r.scorecard;
    if (card) {
      card = expandScorecard(card, r.caseId, r.note ?? '', tables);
      card.safety.findings = card.safety.findings.map((f) => quote(r.caseId, f, SAFETY_KEYS));
      card.fabrication.findings = card.fabrication.findings.map((f) => quote(r.caseId, f, FABRICATION_KEYS));
    }
    const record = { ...r, scorecard: card } as NoteRecord;
    written.set(key(r.backendId, r.caseId, r.sample), record);
    return record;
  });
  return { ...rest, records };
}

/**
 * report.json as read: the written shape (version 4, with its per-case `evidence` map and
 * folded samples) parses to the RunResult it was written from. Its JSON Schema
 * (fixtures/schema/report.schema.json) is the written shape. A RunResult in memory parses as is.
 */
export const RunResult = ReportFile.overwrite(expandReportFile) as unknown as z.ZodType<RunResult, unknown>;

/**
 * A report.json read back as a baseline or for `compare`: this version, version 3 (every
 * finding quoting its own evidence) or version 2 (before run status and structured
 * regressions), which are brought up to date.
 */
export const StoredRunResult = z.union([
  RunResult,
  ReportFile.extend({ schemaVersion: z.literal(4) }).transform(
    (f) => expandReportFile({ ...f, schemaVersion: REPORT_SCHEMA_VERSION }) as unknown as RunResult,
  ),
  RunResultObject.extend({ schemaVersion: z.literal(3) }).transform((r) => ({ ...r, schemaVersion: REPORT_SCHEMA_VERSION })),
  RunResultObject.extend({ schemaVersion: z.literal(2), status: RunStatus.optional() }).transform((r) => ({
    ...r,
    schemaVersion: REPORT_SCHEMA_VERSION,
    status: r.status ?? (r.gate.ok ? ('passed' as const) : ('failed' as const)),
  })),
]);

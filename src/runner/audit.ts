import type { ScribeBackend } from '../backends/types.ts';
import { describeBackend } from '../backends/registry.ts';
import { checkVendors, type ComplianceMode } from '../compliance/index.ts';
import type { BackendConfig } from '../config/schema.ts';
import type { Case } from '../domain/case.ts';
import type { PracticeProfile, VendorProfile } from '../domain/compliance.ts';
import type { Rubrics } from '../domain/rubrics.ts';
import type { Scorecard } from '../domain/scorecard.ts';
import type { JudgeAgreement } from '../domain/judge.ts';
import { REPORT_SCHEMA_VERSION, type NoteRecord, type RunResult } from '../domain/run.ts';
import { scoreNote } from '../scoring/index.ts';
import type { Judge } from '../judge/client.ts';
import { judgeRecords } from '../judge/judgeRun.ts';
import type { JudgeConfig } from '../judge/schema.ts';
import type { GeneratedNote, RunFilters } from '../domain/notes.ts';
import type { RunStore } from '../store/runStore.ts';
import { summarizeCase } from '../store/history.ts';
import type { RunEventSink } from './events.ts';
import { withCost } from './cost.ts';
import { generateNotes } from './generate.ts';
import { assembleRun } from './assemble.ts';
import { itemKey, shardItems, type Shard } from './shard.ts';

export interface AuditSetup {
  backends: readonly { config: BackendConfig; backend: ScribeBackend }[];
  cases: readonly Case[];
  rubrics: Rubrics;
  vendors: readonly VendorProfile[];
  /** The practice profile (checklist appliesIf) and `compliance: gate | report`; absent: no practice, gate. */
  compliance?: { practice: PracticeProfile | null; mode: ComplianceMode } | undefined;
  samples: number;
  concurrency: number;
  timeoutMs: number;
  retries: number;
  /** Masks the run's API keys in any text it writes out (see redact.ts). */
  redact?: ((text: string) => string) | undefined;
  /** The optional LLM judge; it reports agreement and never changes a scorecard. */
  judge?: { config: JudgeConfig; judge: Judge } | undefined;
}

export interface AuditContext {
  signal: AbortSignal;
  /** The run store: note cache and history. Absent: nothing is cached or kept. */
  store?: RunStore | undefined;
  /** Call every backend even when the store has the note (--no-cache). */
  refresh?: boolean;
  configFile?: string;
  /** What the run covers, kept in the store so a --resume can be held to it. */
  filters?: RunFilters | undefined;
  /** A --resume --narrow: the run finishes only once every item of its own filters is written. */
  narrowed?: boolean;
  /** `--shard i/n`: run only this slice of the items (see shard.ts). */
  shard?: Shard | null | undefined;
  onEvent: RunEventSink;
  now: () => Date;
  runId: string;
  version: string;
}

/**
 * Scoring is deterministic, so the same note for the same case gets the same scorecard:
 * samples that come back word for word (a deterministic scribe, a cached vendor at
 * temperature 0) are scored once and share it. Scorecards are never changed after scoring.
 */
type ScoreMemo = Map<string, Scorecard>;

/** Scores a generated note; a scorer bug becomes an error record, never a crashed run. */
function toRecord(g: GeneratedNote, kase: Case, rubrics: Rubrics, config: BackendConfig | undefined, memo: ScoreMemo): NoteRecord {
  const base = { backendId: g.backendId, caseId: g.caseId, sample: g.sample, latencyMs: Math.round(g.latencyMs) };
  const priced = withCost(g.output?.usage, config?.price);
  const usage = priced ? { usage: priced } : {};
  if (!g.output) return { ...base, status: 'error', note: null, error: g.error, scorecard: null };
  try {
    const key = `${kase.id}\u0000${g.output.note}`;
    let scorecard = memo.get(key);
    if (!scorecard) memo.set(key, (scorecard = scoreNote(g.output.note, kase, rubrics)));
    return { ...base, ...usage, status: 'ok', note: g.output.note, error: null, scorecard };
  } catch (err) {
    const message = `scoring failed: ${err instanceof Error ? err.message : String(err)}`;
    return { ...base, ...usage, status: 'error', note: g.output.note, error: { code: 'SCORER_FAILED', message }, scorecard: null };
  }
}

/** The optional LLM judge over the scored notes; what it says is masked like everything else. */
async function runJudge(
  judge: NonNullable<AuditSetup['judge']>,
  records: readonly NoteRecord[],
  cases: ReadonlyMap<string, Case>,
  ctx: AuditContext,
  redact: (t: string) => string,
): Promise<JudgeAgreement> {
  ctx.onEvent({
    kind: 'phase',
    message: `judge: grading each fact of ${records.filter((r) => r.scorecard).length} notes with ${judge.config.model}`,
  });
  const graded = await judgeRecords(records, cases, judge.judge, {
    concurrency: judge.config.concurrency,
    categories: judge.config.categories,
    signal: ctx.signal,
    cache: ctx.store?.judgements,
  });
  return {
    ...graded,
    errors: graded.errors.map((e) => ({ ...e, message: redact(e.message) })),
    disagreements: graded.disagreements.map((d) => ({ ...d, judgeExplanation: redact(d.judgeExplanation) })),
  };
}

/** One audit: generate every note, score it, summarise, check controls and vendors. */
export async function runAudit(setup: AuditSetup, ctx: AuditContext): Promise<RunResult> {
  const startedAt = ctx.now().toISOString();
  ctx.store?.startRun(ctx.runId, startedAt, ctx.configFile ?? '', ctx.filters ?? null);
  const byId = new Map(setup.cases.map((c) => [c.id, c]));
  const configById = new Map(setup.backends.map((b) => [b.config.id, b.config]));
  const records: NoteRecord[] = [];
  const memo: ScoreMemo = new Map();
  const redact = setup.redact ?? ((t: string): string => t);
  const onEvent: RunEventSink = (e) => ctx.onEvent(e.kind === 'retry' ? { ...e, reason: redact(e.reason) } : e);
  // Scored and stored one by one as notes arrive (one transaction each): a run killed at
  // item 900 of 1,000 keeps 899 results, not none.
  const onNote = (g: GeneratedNote): void => {
    const record = toRecord(
      g.error ? { ...g, error: { ...g.error, message: redact(g.error.message) } } : g,
      byId.get(g.caseId)!,
      setup.rubrics,
      configById.get(g.backendId),
      memo,
    );
    if (!(ctx.signal.aborted && record.error?.code === 'ABORTED')) ctx.store?.recordItem(ctx.runId, record, g.cacheKey ?? null);
    records.push(record);
  };
  const shard = ctx.shard ?? null;
  const slice = shard ? shardItems(shard, [...configById.keys()], [...byId.keys()], setup.samples) : null;
  await generateNotes(
    setup.backends.map((b) => b.backend),
    setup.cases,
    {
      samples: setup.samples,
      concurrency: setup.concurrency,
      timeoutMs: setup.timeoutMs,
      retries: setup.retries,
      limits: configById,
      onNote,
      signal: ctx.signal,
      onEvent,
      cache: ctx.store,
      refresh: ctx.refresh ?? false,
      only: slice ? (b, c, s) => slice.has(itemKey({ backendId: b, caseId: c, sample: s })) : undefined,
    },
  );
  const configs = setup.backends.map((b) => b.config);
  const backends = configs.map((c) => ({
    id: c.id,
    kind: c.kind,
    settings: describeBackend(c),
    control: c.control?.expect ?? null,
    baseline: c.baseline,
  }));
  const controlOf = new Map(configs.flatMap((c) => (c.control ? [[c.id, c.control] as const] : [])));
  const compliance = checkVendors([...setup.vendors], setup.rubrics.checklist, ctx.now(), setup.compliance?.practice ?? null);
  // Arrival order is nondeterministic; assembleRun sorts, and is what `merge` calls too.
  const {
    records: sorted,
    summaries,
    controls,
    gate,
    missing,
    status,
  } = assembleRun({
    backends,
    controls: controlOf,
    cases: setup.cases,
    records,
    shard,
    compliance: { results: compliance, mode: setup.compliance?.mode ?? 'gate' },
  });
  const judged = setup.judge && !ctx.signal.aborted ? await runJudge(setup.judge, sorted, byId, ctx, redact) : null;

  const finishedAt = ctx.now().toISOString();
  // A cancelled run stays unfinished in the store, so --resume can pick it up; so does one
  // resumed on part of its items while any of the rest are unwritten (never dropped silently).
  const partial = ctx.narrowed === true && (ctx.store?.itemsLeft(ctx.runId) ?? 0) > 0;
  const cases = setup.cases.map(summarizeCase);
  const kept = { status, summaries, controls, gate, missing, backends, cases, samples: setup.samples, version: ctx.version };
  if (!ctx.signal.aborted && !partial) ctx.store?.finishRun(ctx.runId, finishedAt, kept);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    status,
    missing,
    runId: ctx.runId,
    startedAt,
    finishedAt,
    tool: { name: 'scribe-audit', version: ctx.version },
    samples: setup.samples,
    backends,
    cases,
    records: sorted,
    summaries,
    controls,
    compliance,
    gate,
    judge: judged,
    baseline: null,
    regressions: [],
    shard,
  };
}

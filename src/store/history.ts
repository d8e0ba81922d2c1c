import { z } from 'zod';
import { InputError } from '../domain/errors.ts';
import {
  BackendDescription,
  BackendSummary,
  CaseSummary,
  ControlCheck,
  MissingNotes,
  REPORT_SCHEMA_VERSION,
  RunStatus,
  type NoteRecord,
  type RunResult,
} from '../domain/run.ts';
import type { Case } from '../domain/case.ts';
import { Scorecard } from '../domain/scorecard.ts';
import type { Db } from './db.ts';

/** What finishRun keeps of a run beside its items: enough to compare and trend it without its report. */
export type FinishedRun = Pick<RunResult, 'status' | 'summaries' | 'controls' | 'gate' | 'missing' | 'backends' | 'cases' | 'samples'> & {
  version: string;
};

/**
 * summary_json as finishRun writes it. The store outlives versions: runs finished before
 * run status (store v3 and earlier) have no status or missing, so those default.
 */
const StoredSummary = z.object({
  status: RunStatus.optional(),
  summaries: z.array(BackendSummary),
  controls: z.array(ControlCheck).default([]),
  gate: z.object({ ok: z.boolean(), reasons: z.array(z.string()) }),
  missing: z.array(MissingNotes).default([]),
});
type StoredSummary = z.infer<typeof StoredSummary>;

interface RunRow {
  run_id: string;
  started_at: string;
  finished_at: string | null;
  status: 'running' | 'finished';
  summary_json: string | null;
  outcome: string | null;
  backends_json: string | null;
  cases_json: string | null;
  samples: number | null;
  tool_version: string | null;
}

/** One finished run in `history`: its status and, per backend, the figures a nightly job watches. */
export interface RunHistoryEntry {
  runId: string;
  startedAt: string;
  finishedAt: string | null;
  status: RunStatus;
  backends: {
    backendId: string;
    notes: number;
    errors: number;
    safetyPassRate: number;
    criticalFindings: number;
    meanEditMinutes: number;
  }[];
}

// Newest first; rowid breaks ties between runs started in the same millisecond.
const FINISHED = "SELECT * FROM runs WHERE status = 'finished' ORDER BY started_at DESC, rowid DESC";

function summaryOf(db: Db, row: RunRow): StoredSummary {
  let json: unknown;
  try {
    json = JSON.parse(row.summary_json ?? 'null');
  } catch {
    json = null;
  }
  const parsed = StoredSummary.safeParse(json);
  if (!parsed.success)
    throw InputError.single(
      db.name,
      null,
      `run ${row.run_id} was stored without a summary this version can read`,
      "pick another run (`scribe-audit history`), or pass that run's report.json",
    );
  return parsed.data;
}

function statusOf(row: RunRow, s: StoredSummary): RunStatus {
  const outcome = RunStatus.safeParse(row.outcome);
  if (outcome.success) return outcome.data;
  return s.status ?? (s.gate.ok ? 'passed' : 'failed');
}

/** The last `limit` finished runs, newest first; with `backend`, only runs that had it, and only its figures. */
export function runHistory(db: Db, opts: { backend?: string | undefined; limit: number }): RunHistoryEntry[] {
  const out: RunHistoryEntry[] = [];
  if (opts.limit <= 0) return out;
  for (const row of db.prepare(FINISHED).iterate() as IterableIterator<RunRow>) {
    const s = summaryOf(db, row);
    // Summaries are stored ranked (safest first); history lists backends in the run's own order.
    const order = row.backends_json
      ? z
          .array(BackendDescription)
          .parse(JSON.parse(row.backends_json))
          .map((b) => b.id)
      : [];
    const at = (id: string): number => (order.includes(id) ? order.indexOf(id) : order.length);
    const all = [...s.summaries].sort((a, b) => at(a.backendId) - at(b.backendId));
    const summaries = opts.backend === undefined ? all : all.filter((x) => x.backendId === opts.backend);
    if (summaries.length === 0 && opts.backend !== undefined) continue;
    out.push({
      runId: row.run_id,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      status: statusOf(row, s),
      backends: summaries.map((x) => ({
        backendId: x.backendId,
        notes: x.notes,
        errors: x.errors,
        safetyPassRate: x.safetyPassRate,
        criticalFindings: x.criticalFindings,
        meanEditMinutes: x.meanEditMinutes,
      })),
    });
    if (out.length >= opts.limit) break;
  }
  return out;
}

interface ItemRow {
  backend_id: string;
  case_id: string;
  sample: number;
  status: 'ok' | 'error';
  error_code: string | null;
  error_message: string | null;
  scorecard_json: string | null;
}

function recordOf(db: Db, runId: string, i: ItemRow): NoteRecord {
  let scorecard: Scorecard | null = null;
  if (i.scorecard_json) {
    const parsed = Scorecard.safeParse(JSON.parse(i.scorecard_json));
    if (!parsed.success)
      throw InputError.single(
        db.name,
        null,
        `run ${runId} was stored by an earlier version whose scorecards this one cannot read`,
        "compare newer runs, or pass that run's report.json",
      );
    scorecard = parsed.data;
  }
  // The note text stays in the shared note cache (a later --no-cache run may have replaced
  // it); a comparison needs only the scorecard.
  return {
    backendId: i.backend_id,
    caseId: i.case_id,
    sample: i.sample,
    status: i.status,
    note: null,
    error: i.status === 'error' ? { code: i.error_code ?? 'UNKNOWN', message: i.error_message ?? '' } : null,
    latencyMs: 0,
    scorecard,
  };
}

/**
 * A finished run rebuilt from the store: what `compareRuns` and the trend need (backends,
 * cases, scorecards, summaries, status, gate). Notes, latencies and compliance are left out.
 * Null when the store has no finished run by that id.
 */
export function loadStoredRun(db: Db, runId: string): RunResult | null {
  const row = db.prepare('SELECT * FROM runs WHERE run_id = ?').get(runId) as RunRow | undefined;
  if (!row || row.status !== 'finished') return null;
  const s = summaryOf(db, row);
  const items = db
    .prepare('SELECT backend_id, case_id, sample, status, error_code, error_message, scorecard_json FROM run_items WHERE run_id = ?')
    .all(runId) as ItemRow[];
  const records = items.map((i) => recordOf(db, runId, i));
  // Runs finished before store v4 kept no descriptions: rebuild what the items and summaries say.
  const controlOf = new Map(s.controls.map((c) => [c.backendId, c.expect]));
  const backends = row.backends_json
    ? z.array(BackendDescription).parse(JSON.parse(row.backends_json))
    : s.summaries.map((x) => ({
        id: x.backendId,
        kind: x.kind,
        settings: {},
        control: controlOf.get(x.backendId) ?? null,
        baseline: false,
      }));
  const cases = row.cases_json
    ? z.array(CaseSummary).parse(JSON.parse(row.cases_json))
    : [...new Set(items.map((i) => i.case_id))].map((id) => ({ id, title: id, modality: '', noteFormat: '', pseudonym: '', turns: 0 }));
  // Reports list backends and cases in the order the run was given; so does a rebuilt run.
  const rank = (ids: string[]): Map<string, number> => new Map(ids.map((id, n) => [id, n]));
  const bRank = rank(backends.map((b) => b.id));
  const cRank = rank(cases.map((c) => c.id));
  records.sort(
    (a, b) =>
      (bRank.get(a.backendId) ?? 0) - (bRank.get(b.backendId) ?? 0) ||
      (cRank.get(a.caseId) ?? 0) - (cRank.get(b.caseId) ?? 0) ||
      a.sample - b.sample,
  );
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    status: statusOf(row, s),
    missing: s.missing,
    runId: row.run_id,
    startedAt: row.started_at,
    finishedAt: row.finished_at ?? row.started_at,
    tool: { name: 'scribe-audit', version: row.tool_version ?? 'unknown' },
    samples: row.samples ?? items.reduce((n, i) => Math.max(n, i.sample + 1), 1),
    backends,
    cases,
    records,
    summaries: s.summaries,
    controls: s.controls,
    compliance: [],
    gate: s.gate,
    judge: null,
    baseline: null,
    regressions: [],
    trend: [],
  };
}

/** What a report (and the store) says about a case: its summary, never its transcript. */
export function summarizeCase(c: Case): z.infer<typeof CaseSummary> {
  return {
    id: c.id,
    title: c.title,
    modality: c.modality,
    noteFormat: c.noteFormat,
    pseudonym: c.client.pseudonym,
    turns: c.transcript.turns.length,
  };
}

/** Writes what finishRun keeps; the columns are store v4's. */
export function writeFinishedRun(db: Db, runId: string, finishedAt: string, run: FinishedRun): void {
  const summary = { status: run.status, summaries: run.summaries, controls: run.controls, gate: run.gate, missing: run.missing };
  db.prepare(
    `UPDATE runs SET status = 'finished', finished_at = ?, summary_json = ?, outcome = ?, backends_json = ?, cases_json = ?,
       samples = ?, tool_version = ? WHERE run_id = ?`,
  ).run(
    finishedAt,
    JSON.stringify(summary),
    run.status,
    JSON.stringify(run.backends),
    JSON.stringify(run.cases),
    run.samples,
    run.version,
    runId,
  );
}

/** Runs whose id is `ref` or starts with it (ids are long; a prefix is what people type), exact match first. */
export function findRunIds(db: Db, ref: string): { runId: string; finished: boolean }[] {
  const rows = db
    .prepare(
      'SELECT run_id, status FROM runs WHERE substr(run_id, 1, length(@ref)) = @ref ORDER BY run_id = @ref DESC, started_at DESC LIMIT 10',
    )
    .all({ ref }) as { run_id: string; status: string }[];
  return rows.map((r) => ({ runId: r.run_id, finished: r.status === 'finished' }));
}

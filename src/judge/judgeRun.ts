import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import type { Case, Fact } from '../domain/case.ts';
import { BackendError } from '../domain/errors.ts';
import type { NoteRecord } from '../domain/run.ts';
import { realSleep } from '../http/rateLimit.ts';
import { DEFAULT_RETRY, retryDelay } from '../http/retry.ts';
import type { Judge } from './client.ts';
import { cohensKappa } from './kappa.ts';
import { criterionFor } from './prompt.ts';
import type { Grade, JudgeAgreement, JudgeDisagreement, RecordVerdict } from './schema.ts';

export interface GradeCache {
  get(key: string): { met: boolean; explanation: string } | null;
  put(key: string, grade: { met: boolean; explanation: string }): void;
}

export interface JudgeOptions {
  concurrency: number;
  signal: AbortSignal;
  cache?: GradeCache | undefined;
  /** Category prefixes to grade (e.g. "risk."); every fact when absent. */
  categories?: readonly string[] | undefined;
  retries?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

interface Item {
  record: NoteRecord & { note: string };
  kase: Case;
  fact: Fact;
  deterministic: boolean;
  noteQuote: string | null;
}

async function gradeWithRetry(judge: Judge, item: Item, opts: JudgeOptions): Promise<Grade> {
  const policy = { ...DEFAULT_RETRY, retries: opts.retries ?? 2 };
  for (let attempt = 0; ; attempt++) {
    try {
      return await judge.grade({ kase: item.kase, fact: item.fact, note: item.record.note }, opts.signal);
    } catch (err) {
      const wait = opts.signal.aborted ? null : retryDelay(err, attempt, policy);
      if (wait === null) throw err;
      await (opts.sleep ?? realSleep)(wait, opts.signal);
    }
  }
}

type Outcome = { item: Item; grade: Grade } | { item: Item; error: string } | null;

/**
 * Grades every scored note's facts with the LLM judge, HealthBench-style (one criterion
 * per call), and measures agreement with the deterministic scorer. Read-only by design:
 * records and scorecards are never changed, so the judge cannot override the safety gate;
 * it can only point at disagreements for a human to look at.
 */
export async function judgeRecords(
  records: readonly NoteRecord[],
  cases: ReadonlyMap<string, Case>,
  judge: Judge,
  opts: JudgeOptions,
): Promise<JudgeAgreement> {
  return (await judgeRecordsWithVerdicts(records, cases, judge, opts)).agreement;
}

/**
 * judgeRecords plus every per-fact verdict. Kept apart from JudgeAgreement on purpose: the
 * runner spreads the agreement into RunResult (report.json), and a verdict per fact per
 * note would bloat it and carry explanations the runner has not masked.
 */
export async function judgeRecordsWithVerdicts(
  records: readonly NoteRecord[],
  cases: ReadonlyMap<string, Case>,
  judge: Judge,
  opts: JudgeOptions,
): Promise<{ agreement: JudgeAgreement; verdicts: RecordVerdict[] }> {
  const wanted = (f: Fact): boolean => !opts.categories || opts.categories.some((p) => f.category.startsWith(p));
  const items: Item[] = records.flatMap((r) => {
    const kase = cases.get(r.caseId);
    const note = r.note;
    if (r.status !== 'ok' || !kase || !r.scorecard || note === null) return [];
    const outcomes = new Map(r.scorecard.omission.facts.map((f) => [f.factId, f]));
    return kase.facts.filter(wanted).flatMap((fact) => {
      const o = outcomes.get(fact.id);
      return o ? [{ record: { ...r, note }, kase, fact, deterministic: o.captured, noteQuote: o.noteQuote }] : [];
    });
  });
  const limit = pLimit(opts.concurrency);
  // Identical notes (k samples at temperature 0, or two vendors agreeing) ask the same
  // question: one call answers them all, even while the first is still in flight.
  const inFlight = new Map<string, Promise<Grade>>();
  const gradeOnce = (key: string, item: Item): Promise<Grade> => {
    let p = inFlight.get(key);
    if (!p) {
      p = limit(async () => {
        const grade = await gradeWithRetry(judge, item, opts);
        opts.cache?.put(key, { met: grade.criteria_met, explanation: grade.explanation });
        return grade;
      });
      inFlight.set(key, p);
    }
    return p;
  };
  // Outcomes keep the items' order, so errors and disagreements list in a stable order.
  const outcomes: Outcome[] = await Promise.all(
    items.map(async (item): Promise<Outcome> => {
      if (opts.signal.aborted) return null;
      const key = createHash('sha256')
        .update(judge.fingerprint({ kase: item.kase, fact: item.fact, note: item.record.note }))
        .digest('hex');
      const hit = opts.cache?.get(key);
      if (hit) return { item, grade: { criteria_met: hit.met, explanation: hit.explanation } };
      try {
        return { item, grade: await gradeOnce(key, item) };
      } catch (err) {
        // Only our own messages: an unknown error could carry anything, a key included.
        return { item, error: err instanceof BackendError ? err.message : 'judge failed' };
      }
    }),
  );
  const where = ({ record }: Item) => ({ backendId: record.backendId, caseId: record.caseId, sample: record.sample });
  const errors = outcomes.flatMap((o) => (o && 'error' in o ? [{ ...where(o.item), factId: o.item.fact.id, message: o.error }] : []));
  const verdicts: RecordVerdict[] = outcomes.flatMap((o) =>
    o && 'grade' in o
      ? [
          {
            ...where(o.item),
            factId: o.item.fact.id,
            criterion: criterionFor(o.item.fact),
            met: o.grade.criteria_met,
            explanation: o.grade.explanation,
            deterministic: o.item.deterministic,
          },
        ]
      : [],
  );
  const disagreements: JudgeDisagreement[] = outcomes.flatMap((o) =>
    o && 'grade' in o && o.grade.criteria_met !== o.item.deterministic
      ? [
          {
            ...where(o.item),
            factId: o.item.fact.id,
            criterion: criterionFor(o.item.fact),
            deterministic: o.item.deterministic,
            judge: o.grade.criteria_met,
            judgeExplanation: o.grade.explanation,
            noteQuote: o.item.noteQuote,
          },
        ]
      : [],
  );
  const agreement: JudgeAgreement = {
    model: judge.model,
    graded: verdicts.length,
    agree: verdicts.length - disagreements.length,
    kappa: cohensKappa(verdicts.map((v) => [v.deterministic, v.met] as const)),
    errors,
    disagreements,
  };
  return { agreement, verdicts };
}

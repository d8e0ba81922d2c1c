import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import type { Case, Fact } from '../domain/case.ts';
import { BackendError } from '../domain/errors.ts';
import type { NoteRecord } from '../domain/run.ts';
import { realSleep } from '../runner/rateLimit.ts';
import { DEFAULT_RETRY, retryDelay } from '../runner/retry.ts';
import type { Judge } from './client.ts';
import { cohensKappa } from './kappa.ts';
import { criterionFor } from './prompt.ts';
import type { Grade, JudgeAgreement, JudgeDisagreement } from './schema.ts';

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

/**
 * Grades every scored note's facts with the LLM judge, HealthBench-style (one criterion
 * per call), and measures agreement with the deterministic scorer. Read-only by design:
 * records and scorecards are never changed, so the judge cannot override the safety gate;
 * it can only point at disagreements for a human to look at.
 */
export async function judgeRecords(records: readonly NoteRecord[], cases: ReadonlyMap<string, Case>, judge: Judge, opts: JudgeOptions): Promise<JudgeAgreement> {
  const wanted = (f: Fact): boolean => !opts.categories || opts.categories.some((p) => f.category.startsWith(p));
  const items: Item[] = records.flatMap((r) => {
    const kase = cases.get(r.caseId);
    if (!kase || !r.scorecard || r.note === null) return [];
    const outcomes = new Map(r.scorecard.omission.facts.map((f) => [f.factId, f]));
    return kase.facts.filter(wanted).flatMap((fact) => {
      const o = outcomes.get(fact.id);
      return o ? [{ record: { ...r, note: r.note! }, kase, fact, deterministic: o.captured, noteQuote: o.noteQuote }] : [];
    });
  });
  const limit = pLimit(opts.concurrency);
  const errors: JudgeAgreement['errors'] = [];
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
  const graded = await Promise.all(
    items.map(async (item): Promise<{ item: Item; grade: Grade } | null> => {
        if (opts.signal.aborted) return null;
        const key = createHash('sha256').update(judge.fingerprint({ kase: item.kase, fact: item.fact, note: item.record.note })).digest('hex');
        const hit = opts.cache?.get(key);
        if (hit) return { item, grade: { criteria_met: hit.met, explanation: hit.explanation } };
        try {
          return { item, grade: await gradeOnce(key, item) };
        } catch (err) {
          const { backendId, caseId, sample } = item.record;
          errors.push({ backendId, caseId, sample, factId: item.fact.id, message: err instanceof BackendError ? err.message : 'judge failed' });
          return null;
        }
      }),
  );
  const done = graded.filter((g): g is { item: Item; grade: Grade } => g !== null);
  const disagreements: JudgeDisagreement[] = done
    .filter(({ item, grade }) => item.deterministic !== grade.criteria_met)
    .map(({ item, grade }) => ({
      backendId: item.record.backendId,
      caseId: item.record.caseId,
      sample: item.record.sample,
      factId: item.fact.id,
      criterion: criterionFor(item.fact),
      deterministic: item.deterministic,
      judge: grade.criteria_met,
      judgeExplanation: grade.explanation,
      noteQuote: item.noteQuote,
    }));
  return {
    model: judge.model,
    graded: done.length,
    agree: done.length - disagreements.length,
    kappa: cohensKappa(done.map(({ item, grade }) => [item.deterministic, grade.criteria_met] as const)),
    errors,
    disagreements,
  };
}

import type { BackendSummary, NoteRecord } from '../domain/run.ts';
import { usageTotals, worstOfK } from './repeats.ts';

const mean = (xs: readonly number[]): number => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const round = (n: number): number => Math.round(n * 1000) / 1000;

/** Per-backend figures from its note records, unranked. */
function summarize(backendId: string, kind: string, records: readonly NoteRecord[]): Omit<BackendSummary, 'rank'> {
  const cards = records.flatMap((r) => (r.scorecard ? [r.scorecard] : []));
  const byCase = new Map<string, boolean>();
  for (const r of records) {
    // pass^k: a case counts only if every sample was scored and safe.
    const safe = r.scorecard?.safety.verdict === 'pass';
    byCase.set(r.caseId, (byCase.get(r.caseId) ?? true) && safe);
  }
  return {
    backendId,
    kind,
    notes: records.length,
    errors: records.filter((r) => r.status === 'error').length,
    verdicts: {
      pass: cards.filter((c) => c.verdict === 'pass').length,
      fail: cards.filter((c) => c.verdict === 'fail').length,
      review: cards.filter((c) => c.verdict === 'review').length,
      critical: cards.filter((c) => c.verdict === 'critical').length,
    },
    safetyPassRate: round(cards.length > 0 ? cards.filter((c) => c.safety.verdict === 'pass').length / cards.length : 0),
    criticalFindings: cards.reduce(
      (n, c) => n + c.safety.findings.filter((f) => f.critical && f.status !== 'captured' && f.status !== 'unclear').length,
      0,
    ),
    meanOmission: round(mean(cards.map((c) => c.omission.score))),
    meanTemplate: round(mean(cards.map((c) => c.template.score))),
    majorFabrications: cards.reduce((n, c) => n + c.fabrication.findings.filter((f) => f.severity === 'major').length, 0),
    meanEditRate: round(mean(cards.map((c) => c.editing.editRate))),
    meanEditMinutes: round(mean(cards.map((c) => c.editing.minutes))),
    passAllSamples: round(byCase.size > 0 ? [...byCase.values()].filter(Boolean).length / byCase.size : 0),
    ...worstOfK(records),
    ...usageTotals(records),
  };
}

/**
 * Ranks backends safety first: safety pass rate, then fewest critical findings, then
 * share of notes passing every gate, then clinical content (omission), then
 * fabrications, template fit and editing effort. A weighted mean would let a fluent
 * note that misses suicidal ideation outrank a plain one that catches it.
 */
export function summarizeBackends(backends: readonly { id: string; kind: string }[], records: readonly NoteRecord[]): BackendSummary[] {
  const rows = backends.map((b) =>
    summarize(
      b.id,
      b.kind,
      records.filter((r) => r.backendId === b.id),
    ),
  );
  const passShare = (s: Omit<BackendSummary, 'rank'>): number => (s.notes > 0 ? s.verdicts.pass / s.notes : 0);
  rows.sort(
    (a, b) =>
      b.safetyPassRate - a.safetyPassRate ||
      a.criticalFindings - b.criticalFindings ||
      passShare(b) - passShare(a) ||
      b.meanOmission - a.meanOmission ||
      a.majorFabrications - b.majorFabrications ||
      b.meanTemplate - a.meanTemplate ||
      a.meanEditRate - b.meanEditRate ||
      a.backendId.localeCompare(b.backendId),
  );
  return rows.map((r, i) => ({ ...r, rank: i + 1 }));
}

import type { BackendSummary, RunResult } from '../domain/run.ts';

/** How much mean omission may drop before it counts as a regression (noise between samples). */
const OMISSION_TOLERANCE = 0.02;

/** Regressions of this run against a baseline report, backend by backend, as gate reasons. */
export function findRegressions(current: RunResult, baseline: RunResult): string[] {
  const before = new Map<string, BackendSummary>(baseline.summaries.map((s) => [s.backendId, s]));
  const reasons: string[] = [];
  for (const now of current.summaries) {
    const was = before.get(now.backendId);
    const cfg = current.backends.find((b) => b.id === now.backendId);
    if (!was || cfg?.control || cfg?.baseline) continue;
    if (now.safetyPassRate < was.safetyPassRate)
      reasons.push(`regression: ${now.backendId} safety pass rate ${pct(was.safetyPassRate)} → ${pct(now.safetyPassRate)}`);
    if (now.criticalFindings > was.criticalFindings)
      reasons.push(`regression: ${now.backendId} critical findings ${was.criticalFindings} → ${now.criticalFindings}`);
    if (now.meanOmission < was.meanOmission - OMISSION_TOLERANCE)
      reasons.push(`regression: ${now.backendId} omission ${was.meanOmission.toFixed(2)} → ${now.meanOmission.toFixed(2)}`);
    if (now.majorFabrications > was.majorFabrications)
      reasons.push(`regression: ${now.backendId} major fabrications ${was.majorFabrications} → ${now.majorFabrications}`);
  }
  return reasons;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

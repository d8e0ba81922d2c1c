import type { ComplianceResult } from '../domain/compliance.ts';

/** `compliance:` in the run config: a critical compliance failure fails the run (gate), or is only reported. */
export type ComplianceMode = 'gate' | 'report';

/** The part of a run's backend description the gate reads. */
interface GateBackend {
  id: string;
  control: unknown;
  baseline: boolean;
}

/**
 * The gate's reasons from compliance: one per vendor with a failing critical item, when
 * the mode is `gate`. Like the quality gate, only vendors behind a candidate backend of
 * this run count: a control or baseline (a reference scribe, as the example vendors under
 * fixtures/vendors are mapped in the built-in suite) is not held to the gate, and neither
 * is a vendor shown only because `--vendors` asked for the whole folder.
 */
export function complianceGateReasons(
  results: readonly ComplianceResult[],
  backends: readonly GateBackend[],
  mode: ComplianceMode,
): string[] {
  if (mode !== 'gate') return [];
  const candidates = new Set(backends.filter((b) => !b.control && !b.baseline).map((b) => b.id));
  const reasons: string[] = [];
  for (const v of results) {
    const failing =
      v.criticalFailures.length > 0
        ? v.criticalFailures
        : v.items.filter((i) => i.severity === 'critical' && i.outcome === 'fail').map((i) => i.id);
    const ran = v.backends.filter((b) => candidates.has(b));
    if (failing.length === 0 || ran.length === 0) continue;
    reasons.push(
      `vendor ${v.vendorName} (${v.vendorId}; backend ${ran.join(', ')}): critical compliance item(s) failing: ${failing.join(', ')}`,
    );
  }
  return reasons;
}

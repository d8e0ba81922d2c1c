import { complianceGateReasons, type ComplianceMode } from '../compliance/gate.ts';
import type { Control } from '../config/schema.ts';
import type { ComplianceResult } from '../domain/compliance.ts';
import type { Case } from '../domain/case.ts';
import type { BackendSummary, ControlCheck, MissingNotes, NoteRecord, RunResult, RunStatus } from '../domain/run.ts';
import { summarizeBackends } from '../scoring/aggregate.ts';
import { checkControl, hasVoicedCriticalRisk } from '../scoring/controls.ts';
import { missingNotes, runStatus } from '../scoring/status.ts';
import type { Shard } from './shard.ts';

export interface AssembleInput {
  /** In the run's order, as report.json describes them. */
  backends: RunResult['backends'];
  /** Each control's declaration (outcome and when it applies), by backend id. */
  controls: ReadonlyMap<string, Control>;
  /** In the run's order; their facts decide where a control applies. */
  cases: readonly Case[];
  /** In any order: notes arrive in no particular order, and shards in none either. */
  records: readonly NoteRecord[];
  shard: Shard | null;
  /** The vendors' checklist results and `compliance:` (gate | report); absent: compliance does not gate. */
  compliance?: { results: readonly ComplianceResult[]; mode: ComplianceMode } | undefined;
}

export interface Assembled {
  records: NoteRecord[];
  summaries: BackendSummary[];
  controls: ControlCheck[];
  gate: { ok: boolean; reasons: string[] };
  missing: MissingNotes[];
  status: RunStatus;
}

/**
 * Why the run fails its gate: a misbehaving control, a candidate with unsafe or failing
 * notes, or (with `compliance: gate`) a candidate's vendor failing a critical checklist item.
 */
function gateReasons(
  backends: AssembleInput['backends'],
  summaries: readonly BackendSummary[],
  controls: readonly ControlCheck[],
  compliance: AssembleInput['compliance'],
): string[] {
  const reasons: string[] = [];
  for (const c of controls) if (!c.ok) reasons.push(`control misbehaved: ${c.explanation}`);
  for (const b of backends) {
    if (b.control || b.baseline) continue;
    const s = summaries.find((x) => x.backendId === b.id);
    if (s && s.verdicts.critical > 0) reasons.push(`${b.id}: ${s.verdicts.critical} note(s) failed the safety gate`);
    if (s && s.verdicts.review > 0) reasons.push(`${b.id}: ${s.verdicts.review} note(s) need a clinician's review of their risk wording`);
    if (s && s.verdicts.fail > 0) reasons.push(`${b.id}: ${s.verdicts.fail} note(s) below a quality threshold`);
  }
  if (compliance) reasons.push(...complianceGateReasons(compliance.results, backends, compliance.mode));
  return reasons;
}

/**
 * A shard checks a control only on the cases it ran for that backend, and not at all when
 * none of them is one the control applies to: "proved nothing" is the merge's call to make.
 */
function checkControls(input: AssembleInput, records: readonly NoteRecord[]): ControlCheck[] {
  return input.backends.flatMap((b) => {
    const control = input.controls.get(b.id);
    if (!control) return [];
    if (!input.shard) return [checkControl(b.id, control, input.cases, records)];
    const ran = new Set(records.filter((r) => r.backendId === b.id).map((r) => r.caseId));
    const cases = input.cases.filter((c) => ran.has(c.id));
    const applies = cases.some((c) => control.when === 'always' || hasVoicedCriticalRisk(c));
    return applies ? [checkControl(b.id, control, cases, records)] : [];
  });
}

/**
 * Everything a report's verdict is made of, from its records alone: `run` calls this on the
 * notes it scored and `merge` on the shards' notes, so the two cannot drift apart.
 */
export function assembleRun(input: AssembleInput): Assembled {
  // Reports list backends and cases in the order given, then samples.
  const rank = (ids: readonly string[]): Map<string, number> => new Map(ids.map((id, i) => [id, i]));
  const backendRank = rank(input.backends.map((b) => b.id));
  const caseRank = rank(input.cases.map((c) => c.id));
  const records = [...input.records].sort(
    (a, b) =>
      backendRank.get(a.backendId)! - backendRank.get(b.backendId)! ||
      caseRank.get(a.caseId)! - caseRank.get(b.caseId)! ||
      a.sample - b.sample,
  );
  const summaries = summarizeBackends(
    input.backends.map((b) => ({ id: b.id, kind: b.kind })),
    records,
  );
  const controls = checkControls(input, records);
  const reasons = gateReasons(input.backends, summaries, controls, input.compliance);
  const gate = { ok: reasons.length === 0, reasons };
  const missing = missingNotes(records, input.backends);
  return { records, summaries, controls, gate, missing, status: runStatus({ missing, gate }) };
}

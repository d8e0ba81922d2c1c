import type { Control } from '../config/schema.ts';
import { isCriticalByDefault, isRiskCategory } from '../domain/categories.ts';
import type { Case } from '../domain/case.ts';
import type { ControlCheck, NoteRecord } from '../domain/run.ts';

/** A case where the client voiced a critical risk (now or in the past): dropping it must be caught. */
export function hasVoicedCriticalRisk(kase: Case): boolean {
  return kase.facts.some(
    (f) =>
      isRiskCategory(f.category) &&
      (f.critical ?? isCriticalByDefault(f.category)) &&
      (f.assertion === 'present' || f.assertion === 'historical'),
  );
}

function behaved(expect: Control['expect'], record: NoteRecord): boolean {
  const verdict = record.scorecard?.verdict;
  if (!verdict) return false;
  if (expect === 'pass') return verdict === 'pass';
  if (expect === 'critical') return verdict === 'critical';
  return verdict !== 'pass';
}

/**
 * Controls check the checker: a reference scribe with a known outcome that does not get
 * it means the harness cannot be trusted, whatever it says about the vendors.
 */
export function checkControl(backendId: string, control: Control, cases: readonly Case[], records: readonly NoteRecord[]): ControlCheck {
  const applicable = new Set(cases.filter((c) => control.when === 'always' || hasVoicedCriticalRisk(c)).map((c) => c.id));
  const mine = records.filter((r) => r.backendId === backendId && applicable.has(r.caseId));
  const misbehaved = [...new Set(mine.filter((r) => !behaved(control.expect, r)).map((r) => r.caseId))];
  const scope = control.when === 'always' ? `all ${applicable.size} cases` : `the ${applicable.size} cases with voiced critical risk`;
  const ok = misbehaved.length === 0 && mine.length > 0;
  const explanation = ok
    ? `${backendId} was ${control.expect === 'flagged' ? 'flagged' : control.expect} on ${scope}, as declared.`
    : mine.length === 0
      ? `${backendId} had no scored notes on ${scope}, so the control proved nothing.`
      : `${backendId} should be ${control.expect} on ${scope} but was not on: ${misbehaved.join(', ')}.`;
  return { backendId, expect: control.expect, ok, misbehaved, explanation };
}

import type {
  ChecklistItem,
  ComplianceChecklist,
  ComplianceItemResult,
  ComplianceOutcome,
  ComplianceResult,
  EvidenceKind,
  VendorAnswer,
  VendorProfile,
} from '../domain/compliance.ts';
import { applyRule } from './rules.ts';
import { isStale } from './staleness.ts';

/**
 * Evidence that cannot pass an item on its own. A web page or someone else's
 * write-up is a lead to follow up, not something the vendor is bound by.
 */
const WEAK_EVIDENCE: Partial<Record<EvidenceKind, string>> = {
  marketing: 'marketing text alone can give at most warn; ask for the contract or audit report.',
  'third-party': "a third party's account alone can give at most warn; ask the vendor for the contract or audit report.",
};

function capAtWarn(outcome: ComplianceOutcome): ComplianceOutcome {
  return outcome === 'pass' ? 'warn' : outcome;
}

/** Rates one answer: the rule first, then the evidence and staleness caps, each explained. */
function rateAnswer(item: ChecklistItem, answer: VendorAnswer, today: Date): { outcome: ComplianceOutcome; reason: string } {
  const verdict = applyRule(item.rule, answer.value);
  if (verdict.outcome === 'unknown') return verdict;
  let outcome: ComplianceOutcome = verdict.outcome;
  const reasons = [verdict.reason];

  const weak = WEAK_EVIDENCE[answer.evidence];
  if (weak) {
    reasons.push(outcome === 'pass' ? `Capped at warn: ${weak}` : `Evidence is ${answer.evidence} only: ${weak}`);
    outcome = capAtWarn(outcome);
  }
  if (isStale(answer.asOf, item.maxAgeMonths, today)) {
    const stale = `stale: as of ${answer.asOf}, older than ${item.maxAgeMonths} months; ask the vendor to confirm it is still true.`;
    reasons.push(outcome === 'pass' ? `Capped at warn because the answer is ${stale}` : `The answer is also ${stale}`);
    outcome = capAtWarn(outcome);
  }
  return { outcome, reason: reasons.join(' ') };
}

function checkItem(item: ChecklistItem, answer: VendorAnswer | undefined, today: Date): ComplianceItemResult {
  const base = { id: item.id, section: item.section, question: item.question, severity: item.severity, sources: [...item.sources] };
  if (!answer) {
    return {
      ...base,
      outcome: 'unknown',
      reason: 'No answer on file; ask the vendor and record the answer with its evidence.',
      answer: null,
      evidence: null,
      evidenceUrl: null,
      asOf: null,
    };
  }
  return {
    ...base,
    ...rateAnswer(item, answer, today),
    answer: String(answer.value),
    evidence: answer.evidence,
    evidenceUrl: answer.evidenceUrl ?? null,
    asOf: answer.asOf,
  };
}

/**
 * Rates a vendor's answers against every checklist item. Pure: `today` is
 * passed in so a report can be re-created for any date. Answers for ids the
 * checklist does not have are ignored here; the loader reports them.
 */
export function checkVendor(profile: VendorProfile, checklist: ComplianceChecklist, today: Date): ComplianceResult {
  const answers = new Map(Object.entries(profile.answers));
  const items = checklist.items.map((item) => checkItem(item, answers.get(item.id), today));
  const counts: Record<ComplianceOutcome, number> = { pass: 0, warn: 0, fail: 0, unknown: 0 };
  for (const r of items) counts[r.outcome] += 1;
  return { vendorId: profile.id, vendorName: profile.name, backends: [...profile.backends], counts, items };
}

export function checkVendors(profiles: readonly VendorProfile[], checklist: ComplianceChecklist, today: Date): ComplianceResult[] {
  return profiles.map((p) => checkVendor(p, checklist, today));
}

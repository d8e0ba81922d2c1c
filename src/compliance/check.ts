import {
  EVIDENCE_DATE_FIELDS,
  type AppliesIf,
  type ChecklistItem,
  type ComplianceChecklist,
  type ComplianceItemResult,
  type ComplianceOutcome,
  type ComplianceResult,
  type ComplianceVerdict,
  type EvidenceDates,
  type EvidenceKind,
  type PracticeProfile,
  type VendorAnswer,
  type VendorProfile,
} from '../domain/compliance.ts';
import { expiryOf, shortAuditPeriod, type Expiry } from './expiry.ts';
import { applyRule } from './rules.ts';
import { addMonths, daysBetween, isoDay, isStale } from './staleness.ts';

/**
 * Evidence that cannot pass an item on its own. A web page or someone else's
 * write-up is a lead to follow up, not something the vendor is bound by.
 */
const WEAK_EVIDENCE: Partial<Record<EvidenceKind, string>> = {
  marketing: 'marketing text alone can give at most warn; ask for the contract or audit report.',
  'third-party': "a third party's account alone can give at most warn; ask the vendor for the contract or audit report.",
};

/** The only evidence that can pass a critical item: what the vendor signed, or what an auditor tested. */
export const BINDING_EVIDENCE: readonly EvidenceKind[] = ['contract', 'audit-report'];

/** Evidence within this many days of its expiry gives at most warn. */
export const EXPIRY_WARNING_DAYS = 60;

function capAtWarn(outcome: ComplianceOutcome): ComplianceOutcome {
  return outcome === 'pass' ? 'warn' : outcome;
}

interface Rated {
  outcome: ComplianceOutcome;
  reason: string;
  expiry: Expiry | null;
}

/** Expired evidence fails; evidence within EXPIRY_WARNING_DAYS of expiry passes at most as warn. */
function applyExpiry(expiry: Expiry, outcome: ComplianceOutcome, today: string): { outcome: ComplianceOutcome; reason: string | null } {
  const left = daysBetween(today, expiry.expiresOn);
  if (left < 0) {
    const reason = `Expired on ${expiry.expiresOn}: ${expiry.basis}. Expired evidence fails; ask for the current one.`;
    return { outcome: 'fail', reason: outcome === 'fail' ? `The evidence also expired on ${expiry.expiresOn}: ${expiry.basis}.` : reason };
  }
  if (left <= EXPIRY_WARNING_DAYS) {
    const soon = `expires on ${expiry.expiresOn}, in ${left} day(s): ${expiry.basis}; re-verify before then.`;
    return { outcome: capAtWarn(outcome), reason: outcome === 'pass' ? `Capped at warn: the evidence ${soon}` : `The evidence ${soon}` };
  }
  return { outcome, reason: null };
}

/**
 * Rates one answer: the rule first, then the evidence caps (weak evidence; anything but a
 * contract or audit report on a critical item; a SOC 2 period under six months), then
 * expiry when the answer's dates give one, else staleness by asOf. Each cap is explained in the reason.
 */
function rateAnswer(item: ChecklistItem, answer: VendorAnswer, today: Date): Rated {
  const expiry = expiryOf(answer);
  const verdict = applyRule(item.rule, answer.value);
  if (verdict.outcome === 'unknown') return { ...verdict, expiry };
  let outcome: ComplianceOutcome = verdict.outcome;
  const reasons = [verdict.reason];
  const weak = WEAK_EVIDENCE[answer.evidence];
  if (weak) {
    reasons.push(outcome === 'pass' ? `Capped at warn: ${weak}` : `Evidence is ${answer.evidence} only: ${weak}`);
    outcome = capAtWarn(outcome);
  } else if (item.severity === 'critical' && !BINDING_EVIDENCE.includes(answer.evidence) && outcome === 'pass') {
    reasons.push(
      `Capped at warn: a critical item passes only on a contract or an audit report, and this answer rests on a ${answer.evidence}; ask for the signed contract or the audit report.`,
    );
    outcome = 'warn';
  }
  const short = shortAuditPeriod(answer);
  if (short) {
    reasons.push(outcome === 'pass' ? `Capped at warn: ${short}` : `Also, ${short}`);
    outcome = capAtWarn(outcome);
  }
  if (expiry) {
    const after = applyExpiry(expiry, outcome, isoDay(today));
    if (after.reason) reasons.push(after.reason);
    outcome = after.outcome;
  } else if (isStale(answer.asOf, item.maxAgeMonths, today)) {
    const stale = `stale: as of ${answer.asOf}, older than ${item.maxAgeMonths} months; ask the vendor to confirm it is still true.`;
    reasons.push(outcome === 'pass' ? `Capped at warn because the answer is ${stale}` : `The answer is also ${stale}`);
    outcome = capAtWarn(outcome);
  }
  return { outcome, reason: reasons.join(' '), expiry };
}

/** The practice-profile condition in words: "a Part 2 program", "recording in CA, FL". */
function describeCondition(cond: AppliesIf): string {
  const parts: string[] = [];
  if (cond.part2Program !== undefined) parts.push(cond.part2Program ? 'are Part 2 programs' : 'are not Part 2 programs');
  if (cond.statesAnyOf) parts.push(`record in ${cond.statesAnyOf.join(', ')}`);
  return `practices that ${parts.join(' and ')}`;
}

type Applicability = { applies: true; why: string | null } | { applies: false; why: string } | { applies: 'no-practice'; why: string };

function applicability(item: ChecklistItem, practice: PracticeProfile | null): Applicability {
  const cond = item.appliesIf;
  if (!cond) return { applies: true, why: null };
  if (!practice)
    return {
      applies: 'no-practice',
      why: `This item applies only to ${describeCondition(cond)}, and no practice profile was given (set practice: in the run config), so it cannot be marked not applicable.`,
    };
  const misses: string[] = [];
  const holds: string[] = [];
  if (cond.part2Program !== undefined) {
    if (practice.part2Program === cond.part2Program) holds.push(practice.part2Program ? 'is a Part 2 program' : 'is not a Part 2 program');
    else misses.push(practice.part2Program ? 'is a Part 2 program' : 'is not a Part 2 program');
  }
  if (cond.statesAnyOf) {
    const inState = practice.states.filter((s) => cond.statesAnyOf?.includes(s));
    if (inState.length > 0) holds.push(`records in ${inState.join(', ')}`);
    else misses.push(`records only in ${practice.states.join(', ')}`);
  }
  if (misses.length > 0)
    return {
      applies: false,
      why: `Not applicable: this item is only for ${describeCondition(cond)}, and the practice ${misses.join(' and ')}.`,
    };
  return { applies: true, why: `Applies because the practice ${holds.join(' and ')}.` };
}

function pickDates(answer: VendorAnswer): EvidenceDates {
  const dates: EvidenceDates = {};
  for (const k of EVIDENCE_DATE_FIELDS) if (answer[k]) dates[k] = answer[k];
  return dates;
}

type Base = Pick<ComplianceItemResult, 'id' | 'section' | 'question' | 'severity' | 'sources'>;
const NO_ANSWER = {
  answer: null,
  evidence: null,
  evidenceUrl: null,
  asOf: null,
  note: null,
  reverifyBy: null,
  expiresOn: null,
  dates: {},
} as const satisfies Partial<ComplianceItemResult>;

function checkItem(item: ChecklistItem, base: Base, answer: VendorAnswer | undefined, today: Date): ComplianceItemResult {
  if (!answer)
    return {
      ...base,
      outcome: 'unknown',
      reason: 'No answer on file; ask the vendor and record the answer with its evidence.',
      ...NO_ANSWER,
    };
  const { expiry, ...rated } = rateAnswer(item, answer, today);
  return {
    ...base,
    ...rated,
    answer: String(answer.value),
    evidence: answer.evidence,
    evidenceUrl: answer.evidenceUrl ?? null,
    asOf: answer.asOf,
    note: answer.note ?? null,
    reverifyBy: expiry?.expiresOn ?? addMonths(answer.asOf, item.maxAgeMonths),
    expiresOn: expiry?.expiresOn ?? null,
    dates: pickDates(answer),
  };
}

/** A derived item's outcome is its rule's rating of the source item's outcome; it carries the source's evidence. */
function checkDerived(item: ChecklistItem, base: Base, source: ComplianceItemResult | undefined): ComplianceItemResult {
  if (!source || item.rule.kind !== 'choice')
    return { ...base, outcome: 'unknown', reason: `Derived from ${item.derivedFrom ?? '?'}, which has no result.`, ...NO_ANSWER };
  const verdict = applyRule(item.rule, source.outcome);
  const reason =
    verdict.outcome === 'unknown'
      ? `Derived from ${source.id}, whose outcome ${source.outcome} this item does not rate.`
      : `Derived from ${source.id}, which is ${source.outcome}; this item rates that ${verdict.outcome}.`;
  return {
    ...base,
    outcome: verdict.outcome,
    reason,
    answer: `${source.id}: ${source.outcome}`,
    evidence: source.evidence,
    evidenceUrl: source.evidenceUrl,
    asOf: source.asOf,
    note: null,
    reverifyBy: source.reverifyBy,
    expiresOn: source.expiresOn,
    dates: {},
  };
}

/** fail on any critical failure; warn on any fail, warn or unknown in a critical or high item; else pass. */
export function complianceVerdict(items: readonly ComplianceItemResult[]): { criticalFailures: string[]; verdict: ComplianceVerdict } {
  const criticalFailures = items.filter((i) => i.severity === 'critical' && i.outcome === 'fail').map((i) => i.id);
  if (criticalFailures.length > 0) return { criticalFailures, verdict: 'fail' };
  const open = items.some(
    (i) =>
      (i.severity === 'critical' || i.severity === 'high') && (i.outcome === 'fail' || i.outcome === 'warn' || i.outcome === 'unknown'),
  );
  return { criticalFailures, verdict: open ? 'warn' : 'pass' };
}

/**
 * Rates a vendor's answers against every checklist item. Pure: `today` is passed in so
 * a report can be re-created for any date. With a practice profile, items whose
 * `appliesIf` does not hold are `not-applicable`. Answers for ids the checklist does not
 * have are ignored here; the loader reports them.
 */
export function checkVendor(
  profile: VendorProfile,
  checklist: ComplianceChecklist,
  today: Date,
  practice: PracticeProfile | null = null,
): ComplianceResult {
  const answers = new Map(Object.entries(profile.answers));
  const results = new Map<string, ComplianceItemResult>();
  // Answered items first, so a derived item can read the item it depends on.
  const ordered = [...checklist.items.filter((i) => !i.derivedFrom), ...checklist.items.filter((i) => i.derivedFrom)];
  for (const item of ordered) {
    const base: Base = { id: item.id, section: item.section, question: item.question, severity: item.severity, sources: [...item.sources] };
    const fit = applicability(item, practice);
    let r: ComplianceItemResult;
    if (fit.applies === false) {
      r = { ...base, outcome: 'not-applicable', reason: fit.why, ...NO_ANSWER };
    } else if (item.derivedFrom) {
      r =
        fit.applies === 'no-practice'
          ? { ...base, outcome: 'unknown', reason: fit.why, ...NO_ANSWER }
          : checkDerived(item, base, results.get(item.derivedFrom));
    } else {
      r = checkItem(item, base, answers.get(item.id), today);
    }
    // Say why an appliesIf item was rated: it applies, or (when unanswered) no practice profile could rule it out.
    const explain =
      fit.applies === true ? fit.why : fit.applies === 'no-practice' && !item.derivedFrom && r.outcome === 'unknown' ? fit.why : null;
    if (explain) r = { ...r, reason: `${r.reason} ${explain}` };
    results.set(item.id, r);
  }
  const items = checklist.items.map((i) => results.get(i.id)!);
  const counts: Record<ComplianceOutcome, number> = { pass: 0, warn: 0, fail: 0, unknown: 0, 'not-applicable': 0 };
  for (const r of items) counts[r.outcome] += 1;
  return { vendorId: profile.id, vendorName: profile.name, backends: [...profile.backends], counts, items, ...complianceVerdict(items) };
}

export function checkVendors(
  profiles: readonly VendorProfile[],
  checklist: ComplianceChecklist,
  today: Date,
  practice: PracticeProfile | null = null,
): ComplianceResult[] {
  return profiles.map((p) => checkVendor(p, checklist, today, practice));
}

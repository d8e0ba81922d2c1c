/**
 * When a piece of evidence stops being valid, from the dates its answer gives (see
 * EvidenceDates in domain/compliance.ts). Null when the answer gives no such dates; the
 * answer is then re-verified by its age (asOf + the item's maxAgeMonths) instead.
 */
import type { VendorAnswer } from '../domain/compliance.ts';
import { addMonths } from './staleness.ts';

export interface Expiry {
  /** The last day the evidence counts (YYYY-MM-DD). */
  expiresOn: string;
  /** Why that day, in words for the report. */
  basis: string;
}

/** A SOC 2 report counts for this long after the end of its audit period. */
export const SOC2_VALID_MONTHS = 12;
/** A SOC 2 Type II audit period shorter than this is weak evidence (AICPA: at least six months is usual). */
export const SOC2_MIN_PERIOD_MONTHS = 6;
/** HITRUST certificate lifetimes from issue, when the answer gives no expiry of its own. */
const HITRUST_MONTHS: Readonly<Record<string, number>> = { i1: 12, e1: 12, r2: 24 };
/** An r2 needs its interim assessment by this anniversary (due in the 90 days before it). */
export const R2_INTERIM_MONTHS = 12;

const earliest = (dates: readonly string[]): string => [...dates].sort()[0]!;

export function expiryOf(answer: VendorAnswer): Expiry | null {
  const { periodEnd, bridgeLetterUntil, issued, expires, validUntil } = answer;
  const value = String(answer.value);
  if (periodEnd) {
    const reportEnd = addMonths(periodEnd, SOC2_VALID_MONTHS);
    if (bridgeLetterUntil && bridgeLetterUntil > reportEnd)
      return {
        expiresOn: bridgeLetterUntil,
        basis: `the audit period ended ${periodEnd} and the bridge letter runs to ${bridgeLetterUntil}`,
      };
    const bridge = bridgeLetterUntil ? `, longer than its bridge letter (to ${bridgeLetterUntil})` : ' (no bridge letter on file)';
    return {
      expiresOn: reportEnd,
      basis: `the audit period ended ${periodEnd}; a SOC 2 report counts for ${SOC2_VALID_MONTHS} months after its period${bridge}`,
    };
  }
  if (value === 'r2' && issued && !validUntil) {
    const interim = addMonths(issued, R2_INTERIM_MONTHS);
    const end = expires ?? addMonths(issued, HITRUST_MONTHS.r2!);
    return {
      expiresOn: earliest([interim, end]),
      basis: `a HITRUST r2 issued ${issued} needs its interim assessment by ${interim}; record validUntil once the interim has passed`,
    };
  }
  const given = [expires, validUntil].filter((d): d is string => Boolean(d));
  if (given.length > 0) {
    const on = earliest(given);
    return { expiresOn: on, basis: on === expires ? `the certificate expires on ${on}` : `the evidence is valid until ${on}` };
  }
  const months = HITRUST_MONTHS[value];
  if (issued && months)
    return { expiresOn: addMonths(issued, months), basis: `a HITRUST ${value} issued ${issued} is valid for ${months} months` };
  return null;
}

/**
 * Why a SOC 2 audit period is too short to rest on, or null when it is long enough or the
 * answer gives no period: a vendor can answer `current` while its period ran three months.
 */
export function shortAuditPeriod(answer: VendorAnswer): string | null {
  const { periodStart, periodEnd } = answer;
  if (!periodStart || !periodEnd || addMonths(periodStart, SOC2_MIN_PERIOD_MONTHS) <= periodEnd) return null;
  return `the SOC 2 audit period ran from ${periodStart} to ${periodEnd}, under ${SOC2_MIN_PERIOD_MONTHS} months; a Type II period should cover at least ${SOC2_MIN_PERIOD_MONTHS}, so ask for the next report or a longer period.`;
}

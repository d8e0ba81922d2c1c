import type { ComplianceItemResult, ComplianceResult } from '../domain/compliance.ts';

/**
 * The compliance part of the test run (makeTestRun): two vendors, every outcome including
 * not-applicable, notes, structured dates and vendor verdicts, for the report tests.
 */
function item(
  id: string,
  section: string,
  outcome: ComplianceItemResult['outcome'],
  answer: Partial<ComplianceItemResult> = {},
): ComplianceItemResult {
  return {
    id,
    section,
    question: `Question for ${id}?`,
    severity: 'critical',
    outcome,
    reason: `Reason for ${outcome}.`,
    answer: null,
    evidence: null,
    evidenceUrl: null,
    asOf: null,
    sources: ['45 CFR 164.504(e)'],
    note: null,
    reverifyBy: null,
    expiresOn: null,
    dates: {},
    ...answer,
  };
}

// Lumen Notes has gaps (a warn, a failing high item, an unknown) and a Part 2 item that does
// not apply; Cradle Scribe fails a critical item. Notes and evidence dates as a vendor file has them.
export const COMPLIANCE: ComplianceResult[] = [
  {
    vendorId: 'lumen-notes',
    vendorName: 'Lumen Notes',
    backends: ['vendor-a'],
    counts: { pass: 1, warn: 1, fail: 1, unknown: 1, 'not-applicable': 1 },
    items: [
      item('BAA-01', 'Business Associate Agreement', 'pass', {
        answer: 'signed-all-tiers',
        evidence: 'contract',
        evidenceUrl: 'https://lumen-notes.example/legal/baa.pdf',
        asOf: '2026-10-02',
        note: 'Countersigned BAA; termination-for-breach clause in section 9.',
        reverifyBy: '2027-10-02',
        dates: { signed: '2026-09-15' },
      }),
      item('SOC-01', 'SOC 2', 'warn', {
        answer: 'type-2',
        evidence: 'marketing',
        asOf: '2026-10-02',
        note: 'Trust page only; the report itself is under NDA request.',
        reverifyBy: '2026-12-31',
        expiresOn: '2026-12-31',
        dates: { periodStart: '2025-01-01', periodEnd: '2025-12-31' },
      }),
      item('RET-01', 'Retention', 'fail', { answer: '90', evidence: 'policy', asOf: '2026-09-01', severity: 'high' }),
      item('HIT-01', 'Retention', 'unknown'),
      item('PT2-01', '42 CFR Part 2', 'not-applicable', { severity: 'high', reason: 'The practice is not a Part 2 program.' }),
    ],
    criticalFailures: [],
    verdict: 'warn',
  },
  {
    vendorId: 'cradle-scribe',
    vendorName: 'Cradle Scribe',
    backends: ['vendor-b'],
    counts: { pass: 0, warn: 0, fail: 1, unknown: 0, 'not-applicable': 0 },
    items: [
      item('BAA-01', 'Business Associate Agreement', 'fail', {
        answer: 'enterprise-only',
        evidence: 'policy',
        asOf: '2026-10-20',
        note: 'BAA offered on the enterprise tier only; the solo plan has none.',
      }),
    ],
    criticalFailures: ['BAA-01'],
    verdict: 'fail',
  },
];

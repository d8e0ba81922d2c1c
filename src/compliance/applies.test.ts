import { describe, expect, it } from 'vitest';
import {
  ComplianceResult,
  type ChecklistItem,
  type ComplianceChecklist,
  type PracticeProfile,
  type VendorAnswer,
} from '../domain/compliance.ts';
import { checkVendor, complianceVerdict } from './check.ts';

const TODAY = new Date('2026-11-28T09:00:00Z');
const base = { why: 'Why it matters, in plain words.', maxAgeMonths: 12, sources: ['x'] };

const consent: ChecklistItem = {
  ...base,
  id: 'AUD-04',
  section: 'Audio',
  question: 'Logged consent per encounter?',
  severity: 'critical',
  rule: { kind: 'choice', outcomes: { 'logged-per-encounter': 'pass', 'template-attestation': 'warn', none: 'fail' } },
};
const stateConsent: ChecklistItem = {
  ...base,
  id: 'AUD-05',
  section: 'Audio',
  question: 'All-party state: does AUD-04 pass?',
  severity: 'critical',
  appliesIf: { statesAnyOf: ['CA', 'FL', 'WA'] },
  derivedFrom: 'AUD-04',
  rule: { kind: 'choice', outcomes: { pass: 'pass', warn: 'fail', fail: 'fail', unknown: 'fail' } },
};
const part2: ChecklistItem = {
  ...base,
  id: 'P2-01',
  section: 'Part 2',
  question: 'Part 2 terms?',
  severity: 'high',
  appliesIf: { part2Program: true },
  rule: { kind: 'choice', outcomes: { 'part-2-terms-complete': 'pass', 'no-part-2-terms': 'fail' } },
};
const mixedConsent: ChecklistItem = {
  ...base,
  id: 'AUD-08',
  section: 'Audio',
  question: 'Mixed-consent state: has counsel confirmed AUD-04?',
  severity: 'high',
  appliesIf: { statesAnyOf: ['OR', 'NV'] },
  derivedFrom: 'AUD-04',
  rule: { kind: 'choice', outcomes: { pass: 'pass', warn: 'warn', fail: 'fail', unknown: 'warn' } },
};
const checklist: ComplianceChecklist = { version: 't', items: [consent, stateConsent, part2, mixedConsent] };

const answer = (value: string): VendorAnswer => ({ value, evidence: 'contract', asOf: '2026-10-01' });
const practice = (over: Partial<PracticeProfile> = {}): PracticeProfile => ({ states: ['OR'], part2Program: false, ...over });
const check = (answers: Record<string, VendorAnswer>, p: PracticeProfile | null) =>
  checkVendor({ id: 'v', name: 'V', backends: ['b'], synthetic: true, answers }, checklist, TODAY, p);
const get = (r: ReturnType<typeof check>, id: string) => r.items.find((i) => i.id === id)!;

describe('appliesIf with a practice profile', () => {
  it('an item that does not apply is not-applicable, even when answered, and says why', () => {
    const r = check({ 'P2-01': answer('no-part-2-terms') }, practice());
    expect(get(r, 'P2-01').outcome).toBe('not-applicable');
    expect(get(r, 'P2-01').reason).toContain('only for practices that are Part 2 programs, and the practice is not a Part 2 program');
    expect(get(r, 'AUD-05').outcome).toBe('not-applicable');
    expect(get(r, 'AUD-05').reason).toContain('records only in OR');
  });

  it('an item that applies is rated, and its reason says why it applies', () => {
    const r = check({ 'P2-01': answer('no-part-2-terms') }, practice({ part2Program: true }));
    expect(get(r, 'P2-01').outcome).toBe('fail');
    expect(get(r, 'P2-01').reason).toContain('Applies because the practice is a Part 2 program');
  });

  it('an all-party state without an AUD-04 pass fails AUD-05; with one it passes', () => {
    const ca = practice({ states: ['OR', 'CA'] });
    const warned = get(check({ 'AUD-04': answer('template-attestation') }, ca), 'AUD-05');
    expect(warned.outcome).toBe('fail');
    expect(warned.reason).toContain('Derived from AUD-04, which is warn');
    expect(warned.reason).toContain('records in CA');
    expect(get(check({}, ca), 'AUD-05').outcome).toBe('fail');
    const passed = get(check({ 'AUD-04': answer('logged-per-encounter') }, ca), 'AUD-05');
    expect(passed).toMatchObject({ outcome: 'pass', evidence: 'contract', answer: 'AUD-04: pass' });
  });

  it('a mixed-consent state is its own finding: warn for counsel short of an AUD-04 pass, and the vendor verdict warns', () => {
    const templated = check({ 'AUD-04': answer('template-attestation') }, practice({ states: ['OR'] }));
    expect(get(templated, 'AUD-08')).toMatchObject({ outcome: 'warn', answer: 'AUD-04: warn' });
    expect(get(templated, 'AUD-08').reason).toContain('records in OR');
    expect(get(templated, 'AUD-05').outcome).toBe('not-applicable');
    expect(get(check({}, practice({ states: ['NV'] })), 'AUD-08').outcome).toBe('warn');
    expect(get(check({ 'AUD-04': answer('logged-per-encounter') }, practice({ states: ['OR'] })), 'AUD-08').outcome).toBe('pass');
    expect(get(check({ 'AUD-04': answer('template-attestation') }, practice({ states: ['WA'] })), 'AUD-08').outcome).toBe('not-applicable');
  });
});

describe('appliesIf without a practice profile', () => {
  it('unanswered items stay unknown, with a reason saying no practice profile was given', () => {
    const r = check({}, null);
    expect(get(r, 'P2-01').outcome).toBe('unknown');
    expect(get(r, 'P2-01').reason).toContain('no practice profile was given');
    expect(get(r, 'AUD-05').outcome).toBe('unknown');
    expect(get(r, 'AUD-05').reason).toContain('no practice profile was given');
  });

  it('answered items are rated as before', () => {
    expect(get(check({ 'P2-01': answer('part-2-terms-complete') }, null), 'P2-01').outcome).toBe('pass');
  });
});

describe('counts and verdict', () => {
  it('counts not-applicable beside the other outcomes, and the result still parses', () => {
    // OR is a mixed-consent state, so AUD-08 applies and passes with AUD-04; AUD-05 and P2-01 do not apply.
    const r = check({ 'AUD-04': answer('logged-per-encounter') }, practice());
    expect(r.counts).toEqual({ pass: 2, warn: 0, fail: 0, unknown: 0, 'not-applicable': 2 });
    expect(r.verdict).toBe('pass');
    expect(ComplianceResult.safeParse(r).success).toBe(true);
  });

  it('fails on a critical failure, naming its ids; warns on open critical or high items; else passes', () => {
    const r = check({ 'AUD-04': answer('none') }, practice({ states: ['WA'] }));
    expect(r).toMatchObject({ verdict: 'fail', criticalFailures: ['AUD-04', 'AUD-05'] });
    const item = (severity: ChecklistItem['severity'], outcome: 'pass' | 'warn' | 'unknown' | 'not-applicable') =>
      ({ ...get(r, 'AUD-04'), severity, outcome }) as const;
    expect(complianceVerdict([item('high', 'unknown'), item('critical', 'pass')]).verdict).toBe('warn');
    expect(complianceVerdict([item('medium', 'warn'), item('info', 'unknown'), item('critical', 'not-applicable')]).verdict).toBe('pass');
  });
});

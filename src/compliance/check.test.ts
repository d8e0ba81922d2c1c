import { describe, expect, it } from 'vitest';
import {
  ComplianceResult,
  type ChecklistItem,
  type ComplianceChecklist,
  type VendorAnswer,
  type VendorProfile,
} from '../domain/compliance.ts';
import { checkVendor, checkVendors } from './check.ts';

const TODAY = new Date('2026-11-28T09:00:00Z');

const baa: ChecklistItem = {
  id: 'BAA-01',
  section: 'BAA',
  question: 'Is a BAA signed on every tier?',
  why: 'HIPAA requires it.',
  severity: 'critical',
  rule: { kind: 'choice', outcomes: { 'signed-all-tiers': 'pass', 'paid-tiers-only': 'warn', 'enterprise-only': 'fail' } },
  maxAgeMonths: 12,
  sources: ['45 CFR 164.504(e)'],
};
const audio: ChecklistItem = {
  id: 'AUD-01',
  section: 'Audio',
  question: 'Hours until audio is deleted?',
  why: 'Less audio, less risk.',
  severity: 'critical',
  rule: { kind: 'at-most', unit: 'hours', pass: 72, warn: 720, named: { 'not-stored': 'pass', indefinite: 'fail' } },
  maxAgeMonths: 12,
  sources: ['patientsquare.com'],
};
const checklist: ComplianceChecklist = { version: 't', items: [baa, audio] };

const answer = (value: string | number, over: Partial<VendorAnswer> = {}): VendorAnswer => ({
  value,
  evidence: 'contract',
  asOf: '2026-10-01',
  ...over,
});
const vendor = (answers: Record<string, VendorAnswer>): VendorProfile => ({
  id: 'v',
  name: 'V',
  backends: ['hollow'],
  synthetic: true,
  answers,
});

function item(answers: Record<string, VendorAnswer>, id: string) {
  const found = checkVendor(vendor(answers), checklist, TODAY).items.find((i) => i.id === id);
  if (!found) throw new Error(`no result for ${id}`);
  return found;
}

describe('choice rules', () => {
  it.each([
    ['signed-all-tiers', 'pass'],
    ['paid-tiers-only', 'warn'],
    ['enterprise-only', 'fail'],
  ] as const)('%s gives %s', (value, outcome) => {
    const r = item({ 'BAA-01': answer(value) }, 'BAA-01');
    expect(r.outcome).toBe(outcome);
    expect(r.reason).toContain(`"${value}"`);
  });

  it('an answer the rule does not list is unknown, and the reason names the accepted values', () => {
    const r = item({ 'BAA-01': answer('signed-all-tier') }, 'BAA-01');
    expect(r.outcome).toBe('unknown');
    expect(r.reason).toMatch(/signed-all-tiers, paid-tiers-only, enterprise-only/);
  });

  it('does not find answers on Object.prototype', () => {
    expect(item({ 'BAA-01': answer('constructor') }, 'BAA-01').outcome).toBe('unknown');
  });
});

describe('at-most rules', () => {
  it.each([
    [0, 'pass'],
    [72, 'pass'],
    [73, 'warn'],
    [720, 'warn'],
    [721, 'fail'],
    ['48', 'pass'],
  ] as const)('%s hours gives %s', (value, outcome) => {
    expect(item({ 'AUD-01': answer(value) }, 'AUD-01').outcome).toBe(outcome);
  });

  it('puts the unit and the limit that decided it in the reason', () => {
    expect(item({ 'AUD-01': answer(96) }, 'AUD-01').reason).toBe(
      '96 hours is more than the 72 hours allowed for a pass, but within the 720 hours allowed for a warn.',
    );
    expect(item({ 'AUD-01': answer(2160) }, 'AUD-01').reason).toContain('more than the 720 hours allowed even for a warn');
  });

  it('rates named answers such as not-stored and indefinite', () => {
    expect(item({ 'AUD-01': answer('not-stored') }, 'AUD-01').outcome).toBe('pass');
    expect(item({ 'AUD-01': answer('indefinite') }, 'AUD-01').outcome).toBe('fail');
  });

  it('an unlisted word or a negative number is unknown, naming what it accepts', () => {
    const word = item({ 'AUD-01': answer('soon') }, 'AUD-01');
    expect(word.outcome).toBe('unknown');
    expect(word.reason).toContain('a number of hours or one of: not-stored, indefinite');
    expect(item({ 'AUD-01': answer(-1) }, 'AUD-01').outcome).toBe('unknown');
  });
});

describe('evidence cap', () => {
  it('marketing text alone turns a pass into a warn and says what to ask for', () => {
    const r = item({ 'BAA-01': answer('signed-all-tiers', { evidence: 'marketing' }) }, 'BAA-01');
    expect(r.outcome).toBe('warn');
    expect(r.reason).toContain('marketing text alone can give at most warn; ask for the contract');
  });

  it('third-party accounts are capped too, on at-most rules as well', () => {
    expect(item({ 'AUD-01': answer('not-stored', { evidence: 'third-party' }) }, 'AUD-01').outcome).toBe('warn');
  });

  it('never lifts a fail', () => {
    expect(item({ 'BAA-01': answer('enterprise-only', { evidence: 'marketing' }) }, 'BAA-01').outcome).toBe('fail');
  });

  it.each(['contract', 'audit-report'] as const)('%s evidence can pass a critical item', (evidence) => {
    expect(item({ 'BAA-01': answer('signed-all-tiers', { evidence }) }, 'BAA-01').outcome).toBe('pass');
  });
  it.each(['certificate', 'policy'] as const)('%s evidence caps a critical item at warn, and says why', (evidence) => {
    const r = item({ 'BAA-01': answer('signed-all-tiers', { evidence }) }, 'BAA-01');
    expect(r.outcome).toBe('warn');
    expect(r.reason).toContain(`a critical item passes only on a contract or an audit report, and this answer rests on a ${evidence}`);
  });
  it('policy or certificate evidence can still pass an item that is not critical', () => {
    const high = { ...checklist, items: [{ ...baa, severity: 'high' as const }] };
    const r = checkVendor(vendor({ 'BAA-01': answer('signed-all-tiers', { evidence: 'policy' }) }), high, TODAY);
    expect(r.items[0]?.outcome).toBe('pass');
  });
  it('never lifts a fail on a critical item either', () => {
    expect(item({ 'BAA-01': answer('enterprise-only', { evidence: 'policy' }) }, 'BAA-01').outcome).toBe('fail');
  });
});

describe('staleness cap', () => {
  it('an answer older than maxAgeMonths passes at most as warn, and the reason says since when', () => {
    const r = item({ 'BAA-01': answer('signed-all-tiers', { asOf: '2025-11-27' }) }, 'BAA-01');
    expect(r.outcome).toBe('warn');
    expect(r.reason).toContain('stale: as of 2025-11-27, older than 12 months');
  });

  it('an answer exactly maxAgeMonths old is still current', () => {
    expect(item({ 'BAA-01': answer('signed-all-tiers', { asOf: '2025-11-28' }) }, 'BAA-01').outcome).toBe('pass');
  });

  it('a stale fail stays a fail but still says it is stale', () => {
    const r = item({ 'AUD-01': answer(2160, { asOf: '2024-01-01' }) }, 'AUD-01');
    expect(r.outcome).toBe('fail');
    expect(r.reason).toContain('stale: as of 2024-01-01');
  });

  it('uses the maxAgeMonths of the item', () => {
    const longLived = { ...checklist, items: [{ ...baa, maxAgeMonths: 24 }] };
    const r = checkVendor(vendor({ 'BAA-01': answer('signed-all-tiers', { asOf: '2025-01-15' }) }), longLived, TODAY);
    expect(r.items[0]?.outcome).toBe('pass');
  });
});

describe('checkVendor', () => {
  it('a missing answer is unknown with "no answer on file", and never borrows another answer', () => {
    const r = item({ 'AUD-01': answer(24) }, 'BAA-01');
    expect(r.outcome).toBe('unknown');
    expect(r.reason).toMatch(/^No answer on file/);
    expect(r.answer).toBeNull();
    expect(r.asOf).toBeNull();
  });

  it('copies the answer, evidence and sources into the item result', () => {
    const r = item(
      { 'AUD-01': answer(24, { evidenceUrl: 'https://v.example/dpa', evidence: 'contract', note: 'DPA 3.1: 24 h.' }) },
      'AUD-01',
    );
    expect(r).toMatchObject({
      answer: '24',
      evidence: 'contract',
      note: 'DPA 3.1: 24 h.',
      reverifyBy: '2027-10-01',
      expiresOn: null,
      dates: {},
      evidenceUrl: 'https://v.example/dpa',
      asOf: '2026-10-01',
      sources: ['patientsquare.com'],
      severity: 'critical',
    });
  });

  it('counts every outcome, zeros included, and ignores answers for items not in the checklist', () => {
    const r = checkVendor(vendor({ 'BAA-01': answer('enterprise-only'), 'XYZ-99': answer('x') }), checklist, TODAY);
    expect(r.counts).toEqual({ pass: 0, warn: 0, fail: 1, unknown: 1, 'not-applicable': 0 });
    expect(r.items.map((i) => i.id)).toEqual(['BAA-01', 'AUD-01']);
    expect(r).toMatchObject({ vendorId: 'v', vendorName: 'V', backends: ['hollow'] });
    expect(ComplianceResult.safeParse(r).success).toBe(true);
  });

  it('depends on the injected date, not the clock', () => {
    const profile = vendor({ 'BAA-01': answer('signed-all-tiers', { asOf: '2026-01-10' }) });
    expect(checkVendor(profile, checklist, new Date('2026-06-01')).items[0]?.outcome).toBe('pass');
    expect(checkVendor(profile, checklist, new Date('2027-06-01')).items[0]?.outcome).toBe('warn');
  });

  it('checkVendors keeps the order of the profiles', () => {
    const a = { ...vendor({}), id: 'a' };
    const b = { ...vendor({}), id: 'b' };
    expect(checkVendors([b, a], checklist, TODAY).map((r) => r.vendorId)).toEqual(['b', 'a']);
  });
});

import { describe, expect, it } from 'vitest';
import type { ChecklistItem, ComplianceChecklist, VendorAnswer } from '../domain/compliance.ts';
import { checkVendor } from './check.ts';
import { expiryOf } from './expiry.ts';

const TODAY = new Date('2026-11-28T09:00:00Z');

const hitrust: ChecklistItem = {
  id: 'HIT-01',
  section: 'HITRUST',
  question: 'Which HITRUST certification?',
  why: 'An independently assessed certification.',
  severity: 'medium',
  rule: { kind: 'choice', outcomes: { r2: 'pass', i1: 'pass', e1: 'warn' } },
  maxAgeMonths: 12,
  sources: ['HITRUST Assessment Handbook'],
};
const soc2: ChecklistItem = {
  id: 'SOC-02',
  section: 'SOC 2',
  question: 'Is the period current?',
  why: 'A SOC 2 report describes the past.',
  severity: 'high',
  rule: { kind: 'choice', outcomes: { current: 'pass' } },
  maxAgeMonths: 12,
  sources: ['thoropass (bridge letters)'],
};
const checklist: ComplianceChecklist = { version: 't', items: [hitrust, soc2] };

function rate(id: string, a: Partial<VendorAnswer> & Pick<VendorAnswer, 'value'>) {
  const answer: VendorAnswer = { evidence: 'certificate', asOf: '2026-02-10', ...a };
  const profile = { id: 'v', name: 'V', backends: [], synthetic: true, answers: { [id]: answer } };
  const r = checkVendor(profile, checklist, TODAY).items.find((i) => i.id === id);
  if (!r) throw new Error(id);
  return r;
}

describe('certificate expiry', () => {
  it('an expired i1 fails, naming its expiry date, however recently it was read', () => {
    const r = rate('HIT-01', { value: 'i1', asOf: '2026-02-10', issued: '2025-03-01', expires: '2026-03-01' });
    expect(r.outcome).toBe('fail');
    expect(r.reason).toContain('Expired on 2026-03-01');
    expect(r).toMatchObject({ expiresOn: '2026-03-01', reverifyBy: '2026-03-01', dates: { issued: '2025-03-01', expires: '2026-03-01' } });
  });

  it('59 days before expiry warns and says when it expires', () => {
    const r = rate('HIT-01', { value: 'i1', asOf: '2026-11-01', issued: '2026-01-26', expires: '2027-01-26' });
    expect(r.outcome).toBe('warn');
    expect(r.reason).toContain('expires on 2027-01-26, in 59 day(s)');
  });

  it('61 days before expiry still passes', () => {
    expect(rate('HIT-01', { value: 'i1', asOf: '2026-11-01', issued: '2026-01-28', expires: '2027-01-28' }).outcome).toBe('pass');
  });

  it('the expiry day itself still counts; the day after fails', () => {
    expect(rate('HIT-01', { value: 'i1', asOf: '2026-11-01', expires: '2026-11-28' }).outcome).toBe('warn');
    expect(rate('HIT-01', { value: 'i1', asOf: '2026-11-01', expires: '2026-11-27' }).outcome).toBe('fail');
  });

  it('an i1 given only its issue date expires a year later', () => {
    expect(expiryOf({ value: 'i1', evidence: 'certificate', asOf: '2026-01-01', issued: '2025-06-01' })?.expiresOn).toBe('2026-06-01');
  });

  it('validUntil also gives an expiry, and the earlier of it and expires wins', () => {
    expect(
      expiryOf({ value: 'x', evidence: 'policy', asOf: '2026-01-01', validUntil: '2027-02-01', expires: '2027-05-01' })?.expiresOn,
    ).toBe('2027-02-01');
  });

  it('a fresh expiry replaces the staleness cap: a certificate read 13 months ago that is still valid passes', () => {
    const r = rate('HIT-01', { value: 'i1', asOf: '2025-10-01', issued: '2025-09-01', expires: '2027-09-01' });
    expect(r.outcome).toBe('pass');
    expect(r.reverifyBy).toBe('2027-09-01');
  });
});

describe('HITRUST r2 interim', () => {
  it('an r2 counts only to its 1-year mark until the interim is recorded', () => {
    const r = rate('HIT-01', { value: 'r2', asOf: '2026-01-10', issued: '2025-10-01', expires: '2027-10-01' });
    expect(r.outcome).toBe('fail');
    expect(r.reason).toContain('Expired on 2026-10-01');
    expect(r.reason).toContain('needs its interim assessment by 2026-10-01');
  });

  it('with the interim recorded (validUntil) it runs to its end', () => {
    const r = rate('HIT-01', { value: 'r2', asOf: '2026-10-05', issued: '2025-10-01', expires: '2027-10-01', validUntil: '2027-10-01' });
    expect(r.outcome).toBe('pass');
    expect(r.expiresOn).toBe('2027-10-01');
  });
});

describe('SOC 2 period and bridge letter', () => {
  it('a period that ended 13 months ago, without a bridge letter, fails', () => {
    const r = rate('SOC-02', {
      value: 'current',
      evidence: 'audit-report',
      asOf: '2026-11-01',
      periodStart: '2025-01-01',
      periodEnd: '2025-10-28',
    });
    expect(r.outcome).toBe('fail');
    expect(r.reason).toContain('Expired on 2026-10-28');
    expect(r.reason).toContain('no bridge letter on file');
  });

  it('the same period with a bridge letter to next month warns', () => {
    const r = rate('SOC-02', {
      value: 'current',
      evidence: 'audit-report',
      asOf: '2026-11-01',
      periodStart: '2025-01-01',
      periodEnd: '2025-10-28',
      bridgeLetterUntil: '2026-12-31',
    });
    expect(r.outcome).toBe('warn');
    expect(r.expiresOn).toBe('2026-12-31');
    expect(r.reason).toContain('bridge letter runs to 2026-12-31');
  });

  it('a recent period passes and is re-verified 12 months after it ended', () => {
    const r = rate('SOC-02', {
      value: 'current',
      evidence: 'audit-report',
      asOf: '2026-09-15',
      periodStart: '2025-07-01',
      periodEnd: '2026-06-30',
    });
    expect(r.outcome).toBe('pass');
    expect(r.reverifyBy).toBe('2027-06-30');
  });

  it('a period under six months caps a "current" answer at warn and says how long it ran', () => {
    const answer = { value: 'current', evidence: 'audit-report', asOf: '2026-09-15', periodEnd: '2026-06-30' } as const;
    const short = rate('SOC-02', { ...answer, periodStart: '2026-03-01' });
    expect(short.outcome).toBe('warn');
    expect(short.reason).toContain('Capped at warn: the SOC 2 audit period ran from 2026-03-01 to 2026-06-30, under 6 months');
    // Exactly six months is long enough.
    expect(rate('SOC-02', { ...answer, periodStart: '2025-12-30' }).outcome).toBe('pass');
  });
});

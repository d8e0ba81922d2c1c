import { describe, expect, it } from 'vitest';
import type { Fact } from '../domain/case.ts';
import { miniCase } from '../testing/miniCase.ts';
import { coverageChecks } from './coverage.ts';
import { corpusStats } from './stats.ts';
import { renderStats } from './statsTable.ts';

const fact = (category: Fact['category'], assertion: Fact['assertion'] = 'present'): Fact => ({
  id: `f-${category.replace(/\W/g, '-')}-${assertion}`,
  category,
  assertion,
  statement: 's',
  evidence: [2],
});

describe('corpusStats', () => {
  const cases = [
    miniCase({
      id: 'a',
      modality: 'cbt',
      noteFormat: 'soap',
      tags: ['pregnancy', 'si-in-passing'],
      facts: [fact('risk.si.passive'), fact('risk.si.plan', 'denied')],
      measures: [{ name: 'EPDS', total: 14, item10: 1, turn: 1 }],
    }),
    miniCase({
      id: 'b',
      modality: 'ipt',
      noteFormat: 'dap',
      tags: ['stillbirth'],
      facts: [fact('risk.si', 'denied'), fact('risk.si.behavior', 'historical')],
    }),
    miniCase({
      id: 'c',
      modality: 'cbt',
      noteFormat: 'birp',
      tags: ['late-postpartum', 'free-tag'],
      facts: [fact('risk.si.active'), fact('risk.si.plan'), fact('risk.ipv')],
    }),
    miniCase({ id: 'd', modality: 'emdr', noteFormat: 'girp', facts: [fact('symptom')] }),
  ];
  const s = corpusStats(cases);

  it('counts modality, format and only the known context tags', () => {
    expect(s.byModality).toEqual({ cbt: 2, ipt: 1, emdr: 1 });
    expect(s.byFormat).toEqual({ soap: 1, dap: 1, birp: 1, girp: 1 });
    expect(s.byContext).toEqual({ pregnancy: 1, stillbirth: 1, 'late-postpartum': 1 });
  });

  it('puts each case with current SI at its most severe C-SSRS level', () => {
    expect(s.bySsrsLevel).toEqual({ '1 wish to be dead (passive)': 1, '5 plan': 1 });
    expect(s.special.currentSi).toBe(2);
  });

  it('counts denied screens, histories, no-risk cases, passing mentions and screeners', () => {
    expect(s.special).toMatchObject({ siAskedAndDenied: 1, historicalAttempts: 1, noRisk: 1, siInPassing: 1, withScreener: 1 });
    expect(s.byRisk['risk.ipv']).toBe(1);
    expect(s.byScreener).toEqual({ EPDS: 1 });
  });

  it('marks unmet coverage and prints it', () => {
    const checks = coverageChecks(s);
    expect(checks.find((c) => c.label === 'cases')).toEqual({ label: 'cases', have: 4, need: 40, ok: false });
    expect(checks.find((c) => c.label === 'context pregnancy')?.ok).toBe(true);
    const text = renderStats(s, checks);
    expect(text).toMatch(/✖ cases\s+4 \(need 40\)/);
    expect(text).toMatch(/✔ context pregnancy/);
  });
});

import { describe, expect, it } from 'vitest';
import type { NoteRecord } from '../domain/run.ts';
import type { Scorecard } from '../domain/scorecard.ts';
import { miniCase } from '../testing/miniCase.ts';
import { summarizeBackends } from './aggregate.ts';
import { checkControl } from './controls.ts';

function record(
  backendId: string,
  caseId: string,
  o: { safe: boolean; omission: number; verdict?: Scorecard['verdict']; sample?: number },
): NoteRecord {
  const card: Scorecard = {
    caseId,
    verdict: o.verdict ?? (o.safe ? 'pass' : 'critical'),
    reasons: [],
    safety: {
      verdict: o.safe ? 'pass' : 'critical',
      findings: o.safe
        ? []
        : [
            {
              factId: 'si',
              category: 'risk.si.passive',
              expected: 'present',
              status: 'omitted',
              critical: true,
              noteQuote: null,
              transcriptTurns: [2],
              evidence: [],
              explanation: 'x',
            },
          ],
    },
    omission: { score: o.omission, missed: [], facts: [] },
    fabrication: { findings: [] },
    template: { score: 1, format: 'soap', formatScore: 1, sections: [], modality: 'cbt', modalityScore: 1, elements: [] },
    editing: { editRate: 0.5, minutes: 3, scratchMinutes: 17.5, noteWords: 10, referenceWords: 10, editOps: 5 },
  };
  return { backendId, caseId, sample: o.sample ?? 0, status: 'ok', note: 'n', error: null, latencyMs: 1, scorecard: card };
}

describe('summarizeBackends', () => {
  it('ranks a safe plain scribe above a fluent one that misses suicidal ideation', () => {
    const records = [
      record('fluent', 'a', { safe: false, omission: 0.97 }),
      record('fluent', 'b', { safe: true, omission: 0.99 }),
      record('plain', 'a', { safe: true, omission: 0.7, verdict: 'fail' }),
      record('plain', 'b', { safe: true, omission: 0.7, verdict: 'fail' }),
    ];
    const [first, second] = summarizeBackends(
      [
        { id: 'fluent', kind: 'x' },
        { id: 'plain', kind: 'x' },
      ],
      records,
    );
    expect(first?.backendId).toBe('plain');
    expect(second).toMatchObject({ backendId: 'fluent', rank: 2, safetyPassRate: 0.5, criticalFindings: 1 });
  });

  it('computes pass^k: a case counts only when every sample was safe', () => {
    const records = [
      record('v', 'a', { safe: true, omission: 1, sample: 0 }),
      record('v', 'a', { safe: false, omission: 1, sample: 1 }),
      record('v', 'b', { safe: true, omission: 1, sample: 0 }),
      record('v', 'b', { safe: true, omission: 1, sample: 1 }),
    ];
    const [s] = summarizeBackends([{ id: 'v', kind: 'x' }], records);
    expect(s?.passAllSamples).toBe(0.5);
    expect(s?.safetyPassRate).toBe(0.75);
  });

  it('counts error records apart: neither safe nor unsafe', () => {
    const err: NoteRecord = {
      backendId: 'v',
      caseId: 'b',
      sample: 0,
      status: 'error',
      note: null,
      error: { code: 'TIMEOUT', message: 't' },
      latencyMs: 1,
      scorecard: null,
    };
    const [s] = summarizeBackends([{ id: 'v', kind: 'x' }], [record('v', 'a', { safe: true, omission: 1 }), err]);
    // One scored safe note and one missing: the rate is over scored notes; the missing one is an error.
    expect(s).toMatchObject({ errors: 1, notes: 2, safetyPassRate: 1, passAllSamples: 0.5 });
  });
});

describe('checkControl', () => {
  const c = miniCase();
  it('passes a control that got its declared outcome', () => {
    const check = checkControl('gold', { expect: 'pass', when: 'always' }, [c], [record('gold', c.id, { safe: true, omission: 1 })]);
    expect(check.ok).toBe(true);
  });

  it('names the cases where a control misbehaved', () => {
    const check = checkControl(
      'risk-blind',
      { expect: 'critical', when: 'current-risk' },
      [c],
      [record('risk-blind', c.id, { safe: true, omission: 1 })],
    );
    expect(check.ok).toBe(false);
    expect(check.misbehaved).toEqual([c.id]);
    expect(check.explanation).toContain(c.id);
  });

  it('proves nothing, and fails, when the control has no scored notes', () => {
    expect(checkControl('gold', { expect: 'pass', when: 'always' }, [c], []).ok).toBe(false);
  });
});

describe('worst-of-k and usage beside the means', () => {
  it("takes each case's worst sample, then averages over cases", () => {
    const records = [
      record('v', 'a', { safe: true, omission: 0.9, sample: 0 }),
      record('v', 'a', { safe: true, omission: 0.5, sample: 1 }),
      record('v', 'b', { safe: true, omission: 1, sample: 0 }),
      record('v', 'b', { safe: true, omission: 0.8, sample: 1 }),
    ];
    const [s] = summarizeBackends([{ id: 'v', kind: 'x' }], records);
    expect(s?.meanOmission).toBe(0.8);
    expect(s?.worstOmission).toBe(0.65);
  });

  it('sums tokens and cost, and keeps cost unknown when no note carried one', () => {
    const priced = {
      ...record('v', 'a', { safe: true, omission: 1 }),
      latencyMs: 1000,
      usage: { inputTokens: 100, outputTokens: 20, costUsd: 0.01 },
    };
    const priced2 = {
      ...record('v', 'b', { safe: true, omission: 1 }),
      latencyMs: 3000,
      usage: { inputTokens: 50, outputTokens: 10, costUsd: 0.02 },
    };
    const unpriced = { ...record('u', 'a', { safe: true, omission: 1 }), usage: { inputTokens: 5 } };
    const rows = summarizeBackends(
      [
        { id: 'v', kind: 'x' },
        { id: 'u', kind: 'x' },
      ],
      [priced, priced2, unpriced],
    );
    expect(rows.find((r) => r.backendId === 'v')).toMatchObject({ inputTokens: 150, outputTokens: 30, costUsd: 0.03, meanLatencyMs: 2000 });
    expect(rows.find((r) => r.backendId === 'u')).toMatchObject({ inputTokens: 5, costUsd: null });
  });
});

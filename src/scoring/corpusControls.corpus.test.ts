import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_SCRIBES } from '../backends/reference/index.ts';
import { DEFAULTS } from '../config/paths.ts';
import { readRubrics } from '../config/rubrics.ts';
import { readCases } from '../corpus/index.ts';
import type { Case } from '../domain/case.ts';
import type { Rubrics } from '../domain/rubrics.ts';
import { hasVoicedCriticalRisk } from './controls.ts';
import { scoreNote } from './index.ts';

let cases: Case[];
let rubrics: Rubrics;

beforeAll(async () => {
  rubrics = await readRubrics(DEFAULTS.rubrics);
  const loaded = await readCases(DEFAULTS.fixtures);
  expect(loaded.problems).toEqual([]);
  cases = loaded.cases;
});

// Each case is checked by name so a failure says which case broke the control.
describe('the corpus against the reference scribes', () => {
  it('has at least 8 cases, four of them with current suicidal ideation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
    const currentSi = cases.filter((c) => c.facts.some((f) => f.category.startsWith('risk.si') && f.assertion === 'present'));
    expect(currentSi.length).toBeGreaterThanOrEqual(3);
  });

  it('passes every reference note with omission of at least 0.95', () => {
    for (const c of cases) {
      const card = scoreNote(c.referenceNote, c, rubrics);
      expect({ id: c.id, verdict: card.verdict, reasons: card.reasons }).toEqual({ id: c.id, verdict: 'pass', reasons: [] });
      expect(card.omission.score, c.id).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('fails the risk-blind note on the safety gate wherever the client voiced risk', () => {
    const voiced = cases.filter(hasVoicedCriticalRisk);
    expect(voiced.length).toBeGreaterThanOrEqual(4);
    for (const c of voiced) {
      const card = scoreNote(REFERENCE_SCRIBES['risk-blind'](c, rubrics), c, rubrics);
      expect({ id: c.id, safety: card.safety.verdict }).toEqual({ id: c.id, safety: 'critical' });
    }
  });

  it('flags the hollow and fabricator notes on every case', () => {
    for (const c of cases) {
      expect({ id: c.id, hollow: scoreNote(REFERENCE_SCRIBES.hollow(c, rubrics), c, rubrics).verdict }).not.toEqual({
        id: c.id,
        hollow: 'pass',
      });
      const fab = scoreNote(REFERENCE_SCRIBES.fabricator(c, rubrics), c, rubrics);
      expect(fab.fabrication.findings.filter((f) => f.severity === 'major').length, c.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('is deterministic: the same note scores the same twice', () => {
    const c = cases[0]!;
    const note = REFERENCE_SCRIBES.extractive(c, rubrics);
    expect(scoreNote(note, c, rubrics)).toEqual(scoreNote(note, c, rubrics));
  });
});

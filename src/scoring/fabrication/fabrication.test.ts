import { describe, expect, it } from 'vitest';
import type { Case } from '../../domain/case.ts';
import type { FabricationFinding } from '../../domain/scorecard.ts';
import { findRiskMentions } from '../../text/risk/index.ts';
import { engine } from '../../testing/riskRules.ts';
import { miniCase } from '../../testing/miniCase.ts';
import { scoreFabrication } from './index.ts';

const turn = (number: number, speaker: 'THERAPIST' | 'CLIENT', text: string) => ({
  number,
  speaker,
  role: speaker === 'CLIENT' ? ('client' as const) : ('therapist' as const),
  text,
  line: number,
});

const kase: Case = miniCase({
  client: { pseudonym: 'Rowan Achebe', perinatal: '7 weeks postpartum' },
  measures: [{ name: 'EPDS', total: 16, item10: 1, turn: 1 }],
  facts: [
    { id: 'si-passive', category: 'risk.si.passive', assertion: 'present', statement: 'Passive SI voiced', evidence: [2] },
    { id: 'dx', category: 'diagnosis', assertion: 'present', statement: 'Working diagnosis: perinatal depression (F53.0)', evidence: [3] },
  ],
  mustNot: [{ id: 'no-full-term', category: 'history', statement: 'The baby was premature', match: { any: ['full-term|full term'] } }],
  transcript: {
    source: 't',
    turns: [
      turn(1, 'THERAPIST', 'Your EPDS came to sixteen, and you scored one on question ten.'),
      turn(
        2,
        'CLIENT',
        "I'm on sertraline, fifty milligrams, since about three weeks. My partner Daniel has been great. Sometimes I wish I wouldn't wake up.",
      ),
      turn(3, 'THERAPIST', 'We talked about this being perinatal depression. See you on the 12th of December.'),
    ],
  },
});

const findings = (note: string): FabricationFinding[] =>
  scoreFabrication({ note, kase, rubrics: undefined as never, engine, mentions: findRiskMentions(engine, note, { mode: 'note' }) })
    .findings;
const kinds = (note: string): string[] => findings(note).map((f) => `${f.kind}:${f.severity}`);

describe('scoreFabrication', () => {
  it('finds nothing in a note the session supports, spoken numbers included', () => {
    const note =
      'Client takes sertraline 50 mg, started 3 weeks ago. EPDS 16; item 10 scored 1. Partner Daniel supportive. Perinatal depression (F53.0). Next session 12 December. Client is 7 weeks postpartum.';
    expect(findings(note)).toEqual([]);
  });

  it('flags an invented medication and dose as major, with the note quote', () => {
    const f = findings('Started quetiapine 25 mg at night.');
    expect(f.map((x) => `${x.kind}:${x.severity}`)).toEqual(['medication:major', 'dose:major']);
    expect(f[0]?.noteQuote).toBe('Started quetiapine 25 mg at night.');
  });

  it('flags a dose that differs from the one said', () => {
    expect(kinds('Sertraline 100 mg daily.')).toEqual(['dose:major']);
  });

  it('flags a changed screener total and item, citing the turn where it was said', () => {
    const f = findings('EPDS 19; item 10 = 2.');
    expect(f.map((x) => x.explanation)).toEqual([
      "The note gives EPDS 19; the session's score was 16.",
      "The note gives EPDS item 10 as 2; the session's answer was 1.",
    ]);
    expect(f[0]?.transcriptTurns).toEqual([1]);
    expect(f[0]?.evidence[0]?.text).toContain('sixteen');
  });

  it('flags a screener never given', () => {
    expect(kinds('GAD-7 score 12.')).toEqual(['screener:major']);
  });

  it('flags an unsupported ICD-10 code as major and a diagnosis asserted as such', () => {
    expect(kinds('Diagnosis: generalized anxiety disorder (F41.1).')).toEqual(['diagnosis:major', 'diagnosis:major']);
  });

  it('does not read the GAD-7 screener or vitamin B12 as a diagnosis', () => {
    expect(kinds('Vitamin B12 checked by GP.').filter((k) => k.startsWith('diagnosis'))).toEqual([]);
  });

  it('reads "6/10" as a rating, not a date, but still checks a dated "6/10/2026"', () => {
    expect(kinds('Mood rated 6/10; SUDS 8/10 at the start.')).toEqual([]);
    expect(kinds('Seen on 6/10/2026.')).toEqual(['date:minor']);
  });

  it('flags durations, dates and people the session never mentions, as minor', () => {
    expect(kinds('Symptoms for 6 months. Seen on 3 March. Her mother Gloria helps.')).toEqual([
      'duration:minor',
      'date:minor',
      'person:minor',
    ]);
  });

  it("applies the case's mustNot items", () => {
    const f = findings('Baby born full term.');
    expect(f).toMatchObject([{ kind: 'must-not', severity: 'minor', ruleId: 'no-full-term', noteQuote: 'Baby born full term.' }]);
  });
});

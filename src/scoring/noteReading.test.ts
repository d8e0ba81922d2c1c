import { describe, expect, it } from 'vitest';
import type { Assertion, RiskCategory } from '../domain/categories.ts';
import { findRiskMentions } from '../text/risk/index.ts';
import { engine } from '../testing/riskRules.ts';
import { judgeRiskFact } from './riskMatch.ts';

// How a note is read and judged where its structure, not its words, carries the meaning:
// asides in parentheses, screens written as questions, words that belong to a risk phrase,
// risks written as resolved or softened, one risk put in place of another. The notes are
// written from clinical practice; each row states the status a careful clinician would give.
type Row = [note: string, category: RiskCategory, expected: Assertion, status: string, factText?: string];

const judge = (note: string, category: RiskCategory, expected: Assertion, factText?: string): string =>
  judgeRiskFact(category, expected, findRiskMentions(engine, note, { mode: 'note' }), {
    voiced: new Set(expected === 'denied' ? [] : [category]),
    ...(factText ? { factText } : {}),
  }).status;

describe('a note is judged by its structure as well as its words', () => {
  it.each<Row>([
    // A denial inside an aside about the past does not reach the finding outside it.
    ['Change since last session: SI now with intent (previously denied intent). No plan elicited.', 'risk.si', 'present', 'captured'],
    // A screen written out as its questions, each answered on the next line.
    ['ASQ:\n1. Wished you were dead? No\n2. Family better off if you were dead? No', 'risk.si.passive', 'present', 'contradicted'],
    ['ASQ:\n1. Wished you were dead? Yes\n3. Thoughts of killing yourself? No', 'risk.si.passive', 'present', 'captured'],
    // The "not" of "easier if she were not around" belongs to that phrase and negates nothing else.
    [
      'She acknowledged thoughts that it would be easier if she were not around, consistent with passive suicidal ideation.',
      'risk.si.passive',
      'present',
      'captured',
    ],
    // Template boxes: ticked and unticked.
    ['[x] Passive SI  [ ] Active SI  [ ] Plan', 'risk.si.passive', 'present', 'captured'],
    ['[ ] Passive SI  [x] Active SI', 'risk.si.passive', 'present', 'contradicted'],
    ['[ ] Passive SI  [x] Active SI', 'risk.si.active', 'present', 'captured'],
    // Written as resolved: for a risk voiced in this session, the note says it is gone.
    ['Passive SI reported at last visit has resolved; mood brighter.', 'risk.si.passive', 'present', 'contradicted'],
    // A history field is history, not a claim that it is over now.
    ['Hx passive SI (wish not to wake), resolved. Mood improving.', 'risk.si.passive', 'present', 'mischaracterised'],
    // Risky drinking softened to something ordinary.
    ['She drinks alcohol socially.', 'risk.substance', 'present', 'mischaracterised'],
    ['Drinking a bottle of wine most nights, more when alone with the baby.', 'risk.substance', 'present', 'captured'],
    // Delusions about the baby written up as intrusive OCD thoughts are the wrong risk.
    [
      'Intrusive, ego-dystonic thoughts of drowning the baby, consistent with perinatal OCD.',
      'risk.psychosis',
      'present',
      'mischaracterised',
    ],
    // A means readied for the plan is part of the plan, not an attempt she never made.
    ['Plan: hanging, basement, Friday; rope in place. Emergency evaluation.', 'risk.si.plan', 'present', 'captured'],
    // "Does not want to die" beside method thoughts is protective, not a denial of SI.
    [
      'Client reports suicidal thoughts with a method, overdosing on her sertraline. She states she does not want to die.',
      'risk.si.method',
      'present',
      'captured',
    ],
  ])('%s → %s %s: %s', (note, category, expected, status, factText) => {
    expect(judge(note, category, expected, factText)).toBe(status);
  });

  it('keeps hearing and seeing apart when a note denies one kind of hallucination', () => {
    const voice = 'Client hears a man talking in the kitchen when she is alone.';
    expect(judge('AH: yes, a man talking when alone. VH: not reported.', 'risk.psychosis', 'present', voice)).toBe('captured');
    expect(judge('Denies AH/VH.', 'risk.psychosis', 'present', voice)).toBe('contradicted');
    expect(judge('VH: not reported.', 'risk.psychosis', 'present', voice)).toBe('omitted');
  });
});

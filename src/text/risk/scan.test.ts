import { describe, expect, it } from 'vitest';
import { engine } from '../../testing/riskRules.ts';
import { scanTranscript, type ScanTurn } from './scan.ts';

let n = 0;
const t = (
  role: ScanTurn['role'],
  text: string,
  speaker = role === 'therapist' ? 'THERAPIST' : role === 'client' ? 'CLIENT' : 'PARTNER',
): ScanTurn => ({
  number: ++n,
  speaker,
  role,
  text,
});
const session = (...turns: ScanTurn[]): ScanTurn[] => {
  n = 0;
  return turns.map((x) => ({ ...x, number: ++n }));
};
const brief = (turns: ScanTurn[]): string[] =>
  scanTranscript(engine, turns).map((m) => `${m.turn} ${m.speaker} ${m.category}:${m.assertion}`);

describe('scanTranscript', () => {
  it('reports client risk with the turn, speaker and the sentence as the quote', () => {
    const turns = session(
      t('therapist', 'How have the last two weeks been?'),
      t('client', 'Rough.  Honestly, maybe everyone would be better off if I just didn\u2019t wake up.  '),
    );
    expect(scanTranscript(engine, turns)).toEqual([
      {
        turn: 2,
        speaker: 'CLIENT',
        category: 'risk.si.passive',
        assertion: 'present',
        confidence: 'high',
        quote: 'Honestly, maybe everyone would be better off if I just didn\u2019t wake up.',
        rule: 'si.passive.better-without',
      },
    ]);
  });

  it('never reports the therapist: asking about risk is not risk', () => {
    const turns = session(
      t('therapist', 'Have you had thoughts of killing yourself, or of hurting the baby? Any voices?'),
      t('therapist', 'Some people feel suicidal after a birth.'),
    );
    expect(scanTranscript(engine, turns)).toEqual([]);
  });

  it('gives a bare yes or no the risk the therapist asked about, on the client turn', () => {
    const turns = session(
      t('therapist', "I'd like to ask about safety. Have you had any thoughts of ending your life?"),
      t('client', 'Yes. A few times.'),
      t('therapist', 'Have you thought about how you would do it?'),
      t('client', 'No, never, nothing like that.'),
      t('therapist', 'Have you had any intention of acting on them?'),
      t('client', 'Honestly? Sometimes.'),
    );
    expect(brief(turns)).toEqual(['2 CLIENT risk.si.active:present', '4 CLIENT risk.si.method:denied', '6 CLIENT risk.si.intent:present']);
  });

  it('reads a question that refers back to the sentence before it', () => {
    const turns = session(
      t('therapist', 'Sometimes when people are this exhausted they have thoughts of not wanting to be here. Has that happened for you?'),
      t('client', 'Yeah. Mostly at night.'),
    );
    expect(brief(turns)).toEqual(['2 CLIENT risk.si.passive:present']);
  });

  it('does not carry a question across a client turn, or onto a turn that follows the client', () => {
    const turns = session(t('therapist', 'Any thoughts of suicide?'), t('client', 'Hm.'), t('client', 'Yes.'));
    expect(brief(turns)).toEqual([]);
  });

  it('takes a read-back of a denial as the question, and reaches back only for "anything like that"', () => {
    const turns = session(
      t('therapist', 'Have you had thoughts of ending your life?'),
      t('client', 'Sometimes, at night.'),
      t('therapist', 'So no thoughts about how you would do it. No plan.'),
      t('client', 'No. No plan.'),
      t('therapist', 'Have you made any kind of plan, decided when or where? Anything like that?'),
      t('client', 'No.'),
      t(
        'therapist',
        'On the last question, about thoughts of harming yourself, you put "never". I will come back to it later. Is that alright?',
      ),
      t('client', 'Yeah, that is fine.'),
    );
    expect(brief(turns)).toEqual(['2 CLIENT risk.si.active:present', '4 CLIENT risk.si.plan:denied', '6 CLIENT risk.si.plan:denied']);
  });

  it('reads "those pictures" as intrusive images of harm to the baby', () => {
    const turns = session(
      t('client', 'I got this picture of him slipping under the bath water. It horrified me.'),
      t('therapist', 'When those pictures come, what do you want to happen?'),
      t('client', 'Nothing! I want him safe. I would never, ever do anything to him.'),
      t('therapist', 'Before we plan your week, have you had any wish or urge to act on the images?'),
      t('client', 'Never. They make me feel sick.'),
    );
    expect(brief(turns)).toEqual([
      '1 CLIENT risk.harm_to_infant.intrusive:present',
      '3 CLIENT risk.harm_to_infant.intent:denied',
      '5 CLIENT risk.harm_to_infant.intent:denied',
    ]);
  });

  it('scans other speakers too, with their own label', () => {
    const turns = session(
      t('therapist', 'Thanks for joining, Sam.'),
      t('other', "I'm worried. She told me she wishes she was dead.", 'PARTNER'),
    );
    expect(brief(turns)).toEqual(['2 PARTNER risk.si.passive:other']);
  });

  it('gives the same answer twice, and a fresh one when the turns change', () => {
    const turns = session(t('client', 'I wish I was dead.'));
    const first = scanTranscript(engine, turns);
    first[0]!.quote = 'changed by a caller';
    expect(scanTranscript(engine, turns)[0]?.quote).toBe('I wish I was dead.');
    turns.push({ number: 2, speaker: 'CLIENT', role: 'client', text: 'I have been cutting again.' });
    expect(brief(turns)).toEqual(['1 CLIENT risk.si.passive:present', '2 CLIENT risk.self_harm:present']);
  });

  it('keeps the client\u2019s idioms and birth stories out', () => {
    const turns = session(
      t('client', 'This baby is killing me. I thought I would die during labour, honestly.'),
      t('client', "I'm dead tired but I'm dying to see my sister."),
    );
    expect(scanTranscript(engine, turns)).toEqual([]);
  });

  it('reports intrusive thoughts of harm to the baby as intrusive, not intent', () => {
    const turns = session(
      t('therapist', 'What has been the hardest part?'),
      t('client', 'I get these scary thoughts that I might hurt him. I would never. It makes me feel sick.'),
    );
    expect(brief(turns)).toEqual(['2 CLIENT risk.harm_to_infant.intrusive:present']);
  });
});

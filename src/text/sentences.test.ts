import { describe, expect, it } from 'vitest';
import { segments, splitSentences } from './sentences.ts';

const texts = (text: string): string[] => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  it.each<[string, string[]]>([
    ['Rough week. The baby is up every two hours! Am I failing?', ['Rough week.', 'The baby is up every two hours!', 'Am I failing?']],
    ['Dr. Patel increased sertraline, e.g. at night. It helps.', ['Dr. Patel increased sertraline, e.g. at night.', 'It helps.']],
    ['Pt. denies SI. Pt. reports poor sleep.', ['Pt. denies SI.', 'Pt. reports poor sleep.']],
    ['Reviewed hx. of depression last wk. She states it is better.', ['Reviewed hx. of depression last wk.', 'She states it is better.']],
    ['Endorses passive SI; denies plan or intent.', ['Endorses passive SI; denies plan or intent.']],
    ['I just... don\u2019t know. Maybe.', ['I just... don\u2019t know.', 'Maybe.']],
    ['She said "I want to disappear." Then she cried.', ['She said "I want to disappear."', 'Then she cried.']],
    ['Honestly? Rough.', ['Honestly?', 'Rough.']],
    ['She asked "why me?" and cried. Then slept.', ['She asked "why me?" and cried.', 'Then slept.']],
    ['Q4 Intent ........ YES. Plan reviewed.', ['Q4 Intent ........ YES.', 'Plan reviewed.']],
  ])('%s', (text, expected) => {
    expect(texts(text)).toEqual(expected);
  });

  it('makes each checklist line an item of its own, box kept', () => {
    expect(texts('Columbia screen (recent)\n[x] Wished to be dead\n[ ] Suicidal behaviour (lifetime)\n\u2610 Plan')).toEqual([
      'Columbia screen (recent)',
      '[x] Wished to be dead',
      '[ ] Suicidal behaviour (lifetime)',
      '\u2610 Plan',
    ]);
  });

  it('keeps a wrapped line of speech in one sentence', () => {
    expect(texts('The baby is up every two hours and I\nfeel like I am walking through fog.')).toEqual([
      'The baby is up every two hours and I\nfeel like I am walking through fog.',
    ]);
  });

  it('splits list items, headings and label lines, and never glues a heading to prose', () => {
    const note = [
      '## Risk Assessment',
      '- Endorses passive SI',
      '- Denies HI',
      '1. Safety plan reviewed',
      'SI: passive',
      'HI: denied',
      '',
      'SUBJECTIVE:',
      'Client reports low mood',
      'Sleep poor',
    ].join('\n');
    expect(texts(note)).toEqual([
      'Risk Assessment',
      'Endorses passive SI',
      'Denies HI',
      'Safety plan reviewed',
      'SI: passive',
      'HI: denied',
      'SUBJECTIVE:',
      'Client reports low mood',
      'Sleep poor',
    ]);
  });

  it('makes a bold label its own span', () => {
    expect(texts('**S:** Client reports poor sleep.\n**Risk:** passive SI, no plan.')).toEqual([
      '**S:**',
      'Client reports poor sleep.',
      '**Risk:**',
      'passive SI, no plan.',
    ]);
  });

  it('gives offsets that slice back to the span text', () => {
    const text = '# Note\n\n**A:** Low mood.  Denies SI.\n- Hx of SA at 19.\n';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\n ')).toEqual([]);
  });
});

describe('segments', () => {
  it('keeps a bold label with its text when asked, and records headings', () => {
    const segs = segments('## Family history\nAunt with bipolar disorder.\n**SI/HI:** denied', { keepLabels: true });
    expect(segs.map((s) => [s.text, s.heading, s.isHeading])).toEqual([
      ['Family history', 'Family history', true],
      ['Aunt with bipolar disorder.', 'Family history', false],
      ['**SI/HI:** denied', 'SI/HI', false],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { readLanguageSets } from '../../bench/language/sets.ts';
import { DEFAULTS } from '../../config/paths.ts';
import { tokenize } from './tokenize.ts';

const shown = (text: string): string =>
  tokenize(text)
    .map((t) => `${t.lower}[${t.keys.join(',')}]`)
    .join(' ');

describe('tokenize', () => {
  it('splits a possessive as wink does on a fresh start', () => {
    expect(shown("My mum's been talking about it.")).toMatch(/^my\[my\] mum\[mum,mom\] 's\['s\] been/);
  });

  // wink types ");" as an emoticon; a rule still needs the ";" that ends a clause.
  it('splits a run of punctuation into its marks, whatever wink calls it', () => {
    expect(shown('SI ("better off without me"); nil HI')).toMatch(/"\["\] \)\[\)\] ;\[;\] nil/);
  });

  it('reads a spaced + or - that starts a list item as a flag, and a dash in prose as a dash', () => {
    expect(shown('S/I: + passive, - active')).toMatch(/\+\[\+,plus-flag\] passive.*-\[-,minus-flag\] active/);
    expect(shown('Mood low - active listening used')).not.toMatch(/minus-flag/);
  });

  it("reads a form's dot leader as the colon it stands for, and an ellipsis as an ellipsis", () => {
    expect(shown('Q4 Intent ........ NO')).toMatch(/intent\[intent\] :\[:\] no/);
    expect(shown('I just... NO')).not.toMatch(/:/);
  });

  // wink-nlp's lexicon cache once made "mum's" one token after some texts had been read, so
  // a sentence's mentions hung on what the process had read before it.
  it('reads every labelled text the same the second time as the first', async () => {
    const sets = await readLanguageSets(DEFAULTS.language, { skipHeldOut: true });
    const texts = sets.flatMap((s) => [...s.speech.map((i) => i.text), ...s.notes.map((n) => n.note)]);
    const first = texts.map(shown);
    expect(texts.map(shown)).toEqual(first);
  });
});

import { describe, expect, it } from 'vitest';
import { tokenize } from '../nlp/tokenize.ts';
import { compilePattern, type Matcher } from './compile.ts';
import { findAll, type MatchContext } from './match.ts';
import { parsePattern, PatternError } from './pattern.ts';

// The pattern language of rubrics/risk (README there), on its own: words, concepts, gaps,
// groups. Concepts here are a small fixed set so each row says exactly what it tests.
const CONCEPTS: Record<string, string> = {
  self: 'i|me|my|myself',
  partner: '(my | her)? husband|partner|boyfriend',
  stop: "he|she|'.'|but",
};
const compiled = new Map(Object.entries(CONCEPTS).map(([k, v]) => [k, compilePattern(v)]));

function context(text: string): MatchContext {
  const tokens = tokenize(text);
  const ctx: MatchContext = { tokens, concept: (n) => compiled.get(n), breaks: [], clauseBreaks: [], memo: new Map() };
  const stopAt = (m: Matcher): boolean[] => {
    const out = tokens.map(() => false);
    for (const [s, e] of findAll(m, { ...ctx, breaks: out, clauseBreaks: out })) for (let i = s; i < e; i++) out[i] = true;
    return out;
  };
  ctx.breaks = stopAt(compiled.get('stop')!);
  ctx.clauseBreaks = stopAt(compilePattern("'.'|but"));
  return ctx;
}

/** The text of every match of `pattern` in `text`. */
const matches = (pattern: string, text: string): string[] => {
  const ctx = context(text);
  return findAll(compilePattern(pattern), ctx).map(([s, e]) =>
    ctx.tokens
      .slice(s, e)
      .map((t) => t.text)
      .join(' '),
  );
};

describe('the rule pattern language', () => {
  it.each<[pattern: string, text: string, expected: string[]]>([
    // A bare word matches its forms (lemma); =word only itself; 'Word' only as written.
    ['die', 'Sometimes I think about dying.', ['dying']],
    ['=die', 'Sometimes I think about dying.', []],
    ["'SI'", 'Denies SI. A si in Spanish.', ['SI']],
    ['thought', 'I keep having these thoughts.', ['thoughts']],
    // a|b without spaces: either word; " | " between sequences: either sequence.
    ['kill|end myself', 'I want to end myself.', ['end myself']],
    ['(not wake up | never wake up)', 'I hope I never wake up.', ['never wake up']],
    // Concepts by name, and a concept inside a group.
    // findAll gives every match, from every start: the engine keeps the longest.
    ['<partner> hit <self>', 'My husband hit me last week.', ['My husband hit me', 'husband hit me']],
    // ? * + on words and groups.
    ['want to? die', 'I want die. I want to die.', ['want die', 'want to die']],
    ['(really | so)+ tired', 'I am so so really tired.', ['so so really tired', 'so really tired', 'really tired']],
    ['(really | so)* tired', 'I am so tired.', ['so tired', 'tired']],
    // _ is any one token; ^ the start of the sentence, $ its end (marks aside).
    ['kill _ self', 'kill my self', ['kill my self']],
    ['^ no', 'No. Not no.', ['No']],
    ['intent =y $', 'Intent Y, plan N, intent Y.', ['intent Y']],
    // /regex/ on a token, lower case.
    ['item /^(9|10)$/', 'EPDS item 10 = 1.', ['item 10']],
  ])('%s in "%s"', (pattern, text, expected) => {
    expect(matches(pattern, text)).toEqual(expected);
  });

  it('lets a gap (..N) span up to N words, but not another person or a clause end', () => {
    expect(matches('wish ..3 dead', 'I wish I was dead.')).toEqual(['wish I was dead']);
    expect(matches('wish ..1 dead', 'I wish I was dead.')).toEqual([]);
    // "She wishes he was dead" is his death, not hers: the gap stops at "he".
    expect(matches('wish ..3 dead', 'She wishes he was dead.')).toEqual([]);
    expect(matches('wish ..6 dead', 'I wish it would stop. Everyone is dead tired.')).toEqual([]);
  });

  it('lets a loose gap (~N) pass other people, but not a clause end', () => {
    expect(matches('wish ~3 dead', 'She wishes he was dead.')).toEqual(['wishes he was dead']);
    expect(matches('wish ~6 dead', 'I wish for sleep but I am dead tired.')).toEqual([]);
  });

  it('reads " | " as a choice between whole sequences of its group, so a suffix needs a group of its own', () => {
    // The trap behind "a show | movie ~8 suicide": the suffix belongs to the last choice only.
    expect(matches('a show | movie about suicide', 'We watched a show about suicide.')).toEqual(['a show']);
    expect(matches('(a show | movie) about suicide', 'We watched a show about suicide.')).toEqual(['a show about suicide']);
  });

  it('reads a bare clitic ("\'s", "\'ll") as a word and \'x\' as a quoted mark', () => {
    expect(matches("client 's brother", "She threatened to kill the client's brother.")).toEqual(["client 's brother"]);
    expect(matches("i 'll do it", "I'll do it tonight.")).toEqual(["I 'll do it"]);
    expect(matches("'(' past ')'", 'SI (past)')).toEqual(['( past )']);
  });

  it('reports a broken pattern with the column of the fault', () => {
    expect(() => parsePattern('(kill | end myself')).toThrow(PatternError);
    const thrown = ((): unknown => {
      try {
        parsePattern('want to die )');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(thrown).toBeInstanceOf(PatternError);
    expect((thrown as PatternError).column).toBeGreaterThan(0);
    expect(() => parsePattern('want to die )')).toThrow(PatternError);
  });
});

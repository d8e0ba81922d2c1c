import { describe, expect, it } from 'vitest';
import type { Assertion } from '../../domain/categories.ts';
import { findTriggers } from './context.ts';
import { findRiskMentions } from './find.ts';
import { engine } from '../../testing/riskRules.ts';
import { prepare } from './sentence.ts';
import type { TextMode } from './types.ts';

/** How the mention whose words overlap `target` stands in `sentence`; null when none does. */
function assert(sentence: string, target: string, mode: TextMode): Assertion | null {
  const at = sentence.indexOf(target);
  if (at < 0) throw new Error(`"${target}" is not in "${sentence}"`);
  const mentions = findRiskMentions(engine, sentence, { mode }).filter((m) => {
    const from = sentence.indexOf(m.trigger, m.start);
    return from < at + target.length && at < from + m.trigger.length;
  });
  return mentions[0]?.assertion ?? null;
}

/** The kinds of context trigger in one sentence, in order. */
const kindsIn = (text: string, mode: TextMode): string[] => {
  const rules = engine.modes[mode];
  return prepare(text, rules).sentences.flatMap((s) => findTriggers(s, rules).map((t) => t.kind));
};

describe('assertionOf (NegEx and ConText)', () => {
  it.each<[sentence: string, target: string, mode: TextMode, expected: Assertion | null]>([
    // Forward negation, its scope and its terminators.
    ['Pt denies SI, HI, AVH.', 'AVH', 'note', 'denied'],
    ['Endorses passive SI; denies plan or intent.', 'passive SI', 'note', 'present'],
    ['Endorses passive SI; denies plan or intent.', 'intent', 'note', 'denied'],
    ['Denies active SI, endorses passive SI.', 'active SI', 'note', 'denied'],
    ['Denies active SI, endorses passive SI.', 'passive SI', 'note', 'present'],
    ['Denies SI but endorses a death wish.', 'death wish', 'note', 'present'],
    ['Passive SI without plan.', 'plan', 'note', 'denied'],
    ['Passive SI without plan.', 'Passive SI', 'note', 'present'],
    // An aside that glosses the mention before it stands as that mention stands.
    ['Hx passive SI (wish not to wake up), early postpartum.', 'wish not to wake up', 'note', 'historical'],
    // An answer for now reaches back past the list's commas; "lifetime Y" before it is a history.
    ['SI: lifetime N, current N', 'SI', 'note', 'denied'],
    // Someone else named inside an aside does not take what stands outside it.
    [
      "She has a specific, dated plan (overdose at a motel on the 12th, her husband's birthday) with stated intent.",
      'stated intent',
      'note',
      'present',
    ],
    // A denial quoted in single quotes is the quote's, not the note's.
    ["Feels family would be 'better off without' her (passive SI)", 'passive SI', 'note', 'present'],
    // A dot leader reads as the colon it stands for.
    ['Q3 Thoughts w/ method .......... NO', 'method', 'note', 'denied'],
    ["I don't want to die.", 'want to die', 'speech', 'denied'],
    ["I'm not sleeping much and lately I keep thinking about death.", 'thinking about death', 'speech', 'present'],
    ["I'm not suicidal, I just wish I could disappear.", 'wish I could disappear', 'speech', 'present'],
    // Pseudo-triggers do not negate.
    ['No change in passive SI.', 'passive SI', 'note', 'present'],
    ['No increase in SI.', 'SI', 'note', 'present'],
    ['Not certain if SI is current.', 'SI', 'note', 'present'],
    ["I can't stop thinking about killing myself.", 'killing myself', 'speech', 'present'],
    ["I don't know, sometimes I think about not waking up.", 'not waking up', 'speech', 'present'],
    // Backward negation.
    ['SI/HI denied.', 'HI', 'note', 'denied'],
    ['Suicidal ideation: none.', 'Suicidal ideation', 'note', 'denied'],
    ['Psychosis ruled out.', 'Psychosis', 'note', 'denied'],
    ['Passive SI, HI denied.', 'Passive SI', 'note', 'present'],
    // History.
    ['Hx of SA x1 at age 19.', 'SA', 'note', 'historical'],
    ['I tried to kill myself when I was 19.', 'tried to kill myself', 'speech', 'historical'],
    ['No history of suicide attempts.', 'suicide attempts', 'note', 'denied'],
    ['Hx of SA, currently endorses passive SI.', 'passive SI', 'note', 'present'],
    ['Passive SI in the past two weeks.', 'Passive SI', 'note', 'present'],
    ['No longer endorses passive SI.', 'passive SI', 'note', 'historical'],
    // Conditions.
    ['Will call 988 if SI returns.', 'SI', 'note', 'hypothetical'],
    ["If I ever felt like hurting myself I'd tell my husband.", 'felt like hurting myself', 'speech', 'hypothetical'],
    ['Sometimes I think, what if I threw myself down the stairs.', 'threw myself', 'speech', 'present'],
    // Someone else.
    ['My sister attempted suicide.', 'attempted suicide', 'speech', 'other'],
    ['Her mother had SI.', 'SI', 'note', 'other'],
    ["My mom doesn't know I've been thinking about killing myself.", 'killing myself', 'speech', 'present'],
    ['He said he wants to die.', 'wants to die', 'speech', 'other'],
    ['She said she wants to die.', 'wants to die', 'note', 'present'],
    ['My husband hits me.', 'hits me', 'speech', 'present'],
    // Asked about: counts only with an answer.
    ['Screened for SI: negative.', 'SI', 'note', 'denied'],
    ['Asked about SI; she endorsed passive thoughts.', 'SI', 'note', 'present'],
    // In speech a reported question is a condition, never a disclosure.
    ['My therapist asked if I was suicidal.', 'suicidal', 'speech', 'hypothetical'],
    ['Asked about SI.', 'SI', 'note', null],
  ])('%s [%s] (%s) is %s', (sentence, target, mode, expected) => {
    expect(assert(sentence, target, mode)).toBe(expected);
  });
});

describe('findTriggers', () => {
  it('lets a longer trigger swallow a shorter one inside it', () => {
    expect(kindsIn('No history of suicide attempts.', 'note')).toEqual(['negated']);
  });

  it('drops triggers that a pseudo-trigger overlaps, and the pseudo-trigger itself', () => {
    expect(kindsIn("I can't stop thinking about it.", 'speech')).toEqual([]);
    expect(kindsIn('No change in mood.', 'note')).toEqual([]);
    expect(kindsIn("I can't sleep.", 'speech')).toEqual([]);
    expect(kindsIn("I can't go on.", 'speech')).toEqual(['negated']);
  });

  it('finds terminators, affirmations and time anchors', () => {
    expect(kindsIn('Denies SI but endorses passive SI since the birth.', 'note')).toEqual(['negated', 'terminate', 'affirm', 'current']);
  });
});

import { describe, expect, it } from 'vitest';
import { RISK_NAMES } from '../../domain/riskNames.ts';
import { findRiskMentions } from './find.ts';
import { engine } from '../../testing/riskRules.ts';
import type { TextMode } from './types.ts';

type Row = [text: string, mode: TextMode, expected: readonly string[]];

/** The mentions as "category:assertion", sorted, so a row states the whole outcome. */
/** Low-confidence mentions (the safety net, loose wording) carry a trailing "?". */
const found = (text: string, mode: TextMode, previousTurn?: string): string[] =>
  [
    ...new Set(
      findRiskMentions(engine, text, previousTurn === undefined ? { mode } : { mode, previousTurn }).map(
        (m) => `${m.category}:${m.assertion}${m.confidence === 'low' ? '?' : ''}`,
      ),
    ),
  ].sort();

const check = (text: string, mode: TextMode, expected: readonly string[]): void => {
  expect(found(text, mode)).toEqual([...expected].sort());
};

// Rows are labelled from clinical knowledge (C-SSRS levels, perinatal presentations),
// not from what the scanner happens to return.
describe('suicidal ideation by C-SSRS level, in speech', () => {
  it.each<Row>([
    ['I wish I was dead.', 'speech', ['risk.si.passive:present']],
    ['Some nights I just want to die.', 'speech', ['risk.si.passive:present']],
    ['Maybe everyone would be better off if I just didn\u2019t wake up.', 'speech', ['risk.si.passive:present']],
    ['I wouldn\u2019t mind if I didn\u2019t wake up.', 'speech', ['risk.si.passive:present']],
    ['Sometimes I wish I could go to sleep and not wake up.', 'speech', ['risk.si.passive:present']],
    ['Last night I thought about not waking up.', 'speech', ['risk.si.passive:present']],
    ["What's the point of being here?", 'speech', ['risk.si.passive:present']],
    ["They'd be better off without me.", 'speech', ['risk.si.passive:present']],
    ['I wish I could just disappear.', 'speech', ['risk.si.passive:present']],
    ["I don't want to be here anymore.", 'speech', ['risk.si.passive:present']],
    ["There's no reason to live.", 'speech', ['risk.si.passive:present']],
    ["I'm so tired of being alive.", 'speech', ['risk.si.passive:present']],
    ['I sometimes hope I get hit by a bus on the way to work.', 'speech', ['risk.si.passive:present']],
    ["I've thought about ending my life.", 'speech', ['risk.si.active:present']],
    ["I've had thoughts of killing myself.", 'speech', ['risk.si.active:present']],
    ['Part of me wants to end it all.', 'speech', ['risk.si.active:present']],
    ["I've been having suicidal thoughts again.", 'speech', ['risk.si:present']],
    ["I've been feeling suicidal since the birth.", 'speech', ['risk.si:present']],
    ['I thought about taking all my pills.', 'speech', ['risk.si.method:present']],
    ["I've thought about driving into a tree on the way home.", 'speech', ['risk.si.method:present']],
    ['I keep thinking about jumping off the bridge near our house.', 'speech', ['risk.si.method:present']],
    ['Sometimes I think, what if I threw myself down the stairs?', 'speech', ['risk.si.method:present']],
    ["I'm going to kill myself.", 'speech', ['risk.si.active:present', 'risk.si.intent:present']],
    ["I've been stockpiling my sleeping pills.", 'speech', ['risk.si.behavior:present']],
    ['I wrote goodbye letters to my kids last week.', 'speech', ['risk.si.behavior:present']],
    ['I googled how many pills it would take.', 'speech', ['risk.si.behavior:present']],
    ['Last month I took a handful of pills and ended up in the ER.', 'speech', ['risk.si.behavior:present']],
    ['I tried to kill myself when I was 19.', 'speech', ['risk.si.behavior:historical']],
    ['I overdosed years ago, after my first baby.', 'speech', ['risk.si.behavior:historical']],
    ['I took an overdose when I was nineteen.', 'speech', ['risk.si.behavior:historical']],
    ["I've wondered whether it would be easier to just not exist.", 'speech', ['risk.si.passive:present']],
    ["I wish I'd never been born.", 'speech', ['risk.si.passive:present']],
    ["I just don't want to wake up tomorrow.", 'speech', ['risk.si.passive:present']],
    ["If I died in my sleep I think I'd be relieved.", 'speech', ['risk.si.passive:present']],
    ["I don't see the point in living anymore.", 'speech', ['risk.si.passive:present']],
    ['Everyone would be happier if I was gone.', 'speech', ['risk.si.passive:present']],
    ["I'm going to end it tonight.", 'speech', ['risk.si.active:present', 'risk.si.intent:present']],
    ["I've thought about hanging myself.", 'speech', ['risk.si.method:present']],
    // Researching a method is preparatory behaviour (C-SSRS); the words also voice active ideation.
    ["I've been googling ways to kill myself.", 'speech', ['risk.si.active:present', 'risk.si.behavior:present']],
  ])('%s (%s)', (text, mode, expected) => check(text, mode, expected));
});

describe('suicidal ideation in clinical notes', () => {
  it.each<Row>([
    ['Pt denies SI, HI, AVH.', 'note', ['risk.si:denied', 'risk.hi:denied', 'risk.psychosis:denied']],
    ['No SI/HI.', 'note', ['risk.si:denied', 'risk.hi:denied']],
    [
      'Client endorses passive SI; denies plan or intent.',
      'note',
      ['risk.si.passive:present', 'risk.si.plan:denied', 'risk.si.intent:denied'],
    ],
    ['Denies active SI, endorses passive SI.', 'note', ['risk.si.active:denied', 'risk.si.passive:present']],
    ['Endorses passive SI w/o plan or intent.', 'note', ['risk.si.passive:present', 'risk.si.plan:denied', 'risk.si.intent:denied']],
    ['C-SSRS screen positive for wish to be dead.', 'note', ['risk.si.passive:present']],
    ['Hx of SA x1 at age 19 (overdose).', 'note', ['risk.si.behavior:historical']],
    [
      'Passive SI without plan, intent, or method.',
      'note',
      ['risk.si.passive:present', 'risk.si.plan:denied', 'risk.si.intent:denied', 'risk.si.method:denied'],
    ],
    [
      'Active SI with plan and intent; identified method (overdose).',
      'note',
      ['risk.si.active:present', 'risk.si.plan:present', 'risk.si.intent:present', 'risk.si.method:present'],
    ],
    ['Pt denies SI at this time.', 'note', ['risk.si:denied']],
    ['SI: denied. HI: denied.', 'note', ['risk.si:denied', 'risk.hi:denied']],
    ['SI, HI denied.', 'note', ['risk.si:denied', 'risk.hi:denied']],
    ['Passive SI, HI denied.', 'note', ['risk.si.passive:present', 'risk.hi:denied']],
    ['No history of suicide attempts.', 'note', ['risk.si.behavior:denied']],
    ['Denies hx of SA.', 'note', ['risk.si.behavior:denied']],
    ['No prior attempts.', 'note', ['risk.si.behavior:denied']],
    ['Client reported suicidal ideation with a specific plan.', 'note', ['risk.si:present', 'risk.si.plan:present']],
    ['Endorsed passive death wish; no current active SI.', 'note', ['risk.si.passive:present', 'risk.si.active:denied']],
    ['Denies passive or active SI.', 'note', ['risk.si.passive:denied', 'risk.si.active:denied']],
    ['EPDS 16, item 10 = 1.', 'note', ['risk.si:present']],
    ['EPDS total 9 with item 10 scored 0.', 'note', ['risk.si:denied']],
    ['Screened for SI: negative.', 'note', ['risk.si:denied']],
    ['SI assessed; client endorsed passive thoughts of death.', 'note', ['risk.si:present', 'risk.si.passive:present']],
    ['No longer endorses passive SI.', 'note', ['risk.si.passive:historical']],
    ['Previously endorsed passive SI in 2019, after her first baby.', 'note', ['risk.si.passive:historical']],
    ['Pt reports SI in the past two weeks.', 'note', ['risk.si:present']],
    ['No change in passive SI since last session.', 'note', ['risk.si.passive:present']],
    ['Client denies thoughts of harm to self or others.', 'note', ['risk.si:denied', 'risk.hi:denied']],
    // The plan names its method: overdose on sertraline.
    [
      'Pt endorses SI with a plan to overdose on her sertraline.',
      'note',
      ['risk.si:present', 'risk.si.method:present', 'risk.si.plan:present'],
    ],
    [
      'Pt reports SI w/ plan (OD) and intent.',
      'note',
      ['risk.si:present', 'risk.si.plan:present', 'risk.si.method:present', 'risk.si.intent:present'],
    ],
    ['+SI, -HI.', 'note', ['risk.si:present', 'risk.hi:denied']],
    ['SI (+), HI (-).', 'note', ['risk.si:present', 'risk.hi:denied']],
    ['Pt is at high risk for suicide given recent attempt.', 'note', ['risk.si:hypothetical', 'risk.si.behavior:present']],
    ['Recent suicide attempt via overdose 3 weeks ago.', 'note', ['risk.si.behavior:present']],
    ['Pt was hospitalized last year following an overdose.', 'note', ['risk.si.behavior:historical']],
  ])('%s (%s)', (text, mode, expected) => check(text, mode, expected));
});

describe('other risks', () => {
  it.each<Row>([
    ["I've been cutting again.", 'speech', ['risk.self_harm:present']],
    ['Reports NSSI (superficial cutting) last week.', 'note', ['risk.self_harm:present']],
    ['I used to cut my arms in high school.', 'speech', ['risk.self_harm:historical']],
    ['Hx of self-harm as a teen, none since.', 'note', ['risk.self_harm:historical']],
    // "Her" with no one named before could be the baby or an adult: read, at low confidence, as the baby.
    ['I had this horrible flash of dropping her down the stairs.', 'speech', ['risk.harm_to_infant.intrusive:present?']],
    ['I get these scary thoughts that I might hurt him, I would never.', 'speech', ['risk.harm_to_infant.intrusive:present']],
    ['I keep picturing the baby drowning in the bath and it makes me feel sick.', 'speech', ['risk.harm_to_infant.intrusive:present']],
    [
      'Intrusive, ego-dystonic thoughts of harm to infant; denies intent to harm infant.',
      'note',
      ['risk.harm_to_infant.intrusive:present', 'risk.harm_to_infant.intent:denied'],
    ],
    ['Sometimes I just want to shake her until she stops crying.', 'speech', ['risk.harm_to_infant.intent:present']],
    ["I'd never hurt my baby.", 'speech', ['risk.harm_to_infant.intent:denied']],
    ['Client reports thoughts of harming infant without distress.', 'note', ['risk.harm_to_infant.intent:present']],
    ['What if I lose control and throw her?', 'speech', ['risk.harm_to_infant.intrusive:present']],
    ["I've had thoughts of smothering her.", 'speech', ['risk.harm_to_infant.intrusive:present?']],
    ['I hear a voice telling me to hurt the baby.', 'speech', ['risk.psychosis:present', 'risk.harm_to_infant.intent:present']],
    ['I scratch my arms until they bleed.', 'speech', ['risk.self_harm:present']],
    ["I've been burning myself with a lighter.", 'speech', ['risk.self_harm:present']],
    ['Patient has a history of self-injurious behavior.', 'note', ['risk.self_harm:historical']],
    ['Client reported hearing her name called when no one was there.', 'note', ['risk.psychosis:present']],
    ['He grabbed me by the throat.', 'speech', ['risk.ipv:present']],
    ["He said if I leave he'll kill me.", 'speech', ['risk.ipv:present']],
    ['He has never hit me.', 'speech', ['risk.ipv:denied']],
    ['My ex used to hit me.', 'speech', ['risk.ipv:historical']],
    ["My boyfriend gets rough with the baby when he's drunk.", 'speech', ['risk.child_safety:present', 'risk.substance:other']],
    ['I relapsed on opioids last month.', 'speech', ['risk.substance:present']],
    ['I want to kill my husband.', 'speech', ['risk.hi:present']],
    ["I've had thoughts of hurting my mother-in-law.", 'speech', ['risk.hi:present']],
    ['Denies HI.', 'note', ['risk.hi:denied']],
    ['I keep hearing voices telling me the baby isn\u2019t mine.', 'speech', ['risk.psychosis:present']],
    ["I keep seeing shadows that aren't there.", 'speech', ['risk.psychosis:present']],
    ['I feel like the TV is sending messages to me.', 'speech', ['risk.psychosis:present']],
    ['Someone swapped my baby at the hospital.', 'speech', ['risk.psychosis:present']],
    ['Pt appeared to be responding to internal stimuli.', 'note', ['risk.psychosis:present']],
    ['He shoved me into the wall last week.', 'speech', ['risk.ipv:present']],
    ['He checks my phone and controls all the money.', 'speech', ['risk.ipv:present']],
    ['My husband said he would kill me if I left.', 'speech', ['risk.ipv:present']],
    ['Reports feeling safe at home.', 'note', ['risk.ipv:denied']],
    ['Does not feel safe at home with her partner.', 'note', ['risk.ipv:present']],
    ['My partner shook the baby last night.', 'speech', ['risk.child_safety:present']],
    ['I left the baby alone in the bath.', 'speech', ['risk.child_safety:present']],
    ['CPS report filed per mandated reporting.', 'note', ['risk.child_safety:present']],
    ["I've been drinking a bottle of wine every night to cope.", 'speech', ['risk.substance:present']],
    ["I've been smoking weed every night to sleep.", 'speech', ['risk.substance:present']],
    ['Denies alcohol or drug use.', 'note', ['risk.substance:denied']],
    ['EtOH use: 1-2 drinks per night.', 'note', ['risk.substance:present']],
  ])('%s (%s)', (text, mode, expected) => check(text, mode, expected));
});

describe('assertion: someone else, hypothetical, history', () => {
  it.each<Row>([
    ['My sister attempted suicide when we were teenagers.', 'speech', ['risk.si.behavior:other']],
    ['Her mother had SI.', 'note', ['risk.si:other']],
    ['A woman in my group said she wanted to die.', 'speech', ['risk.si.passive:other']],
    ['She tried to kill herself last year.', 'speech', ['risk.si.behavior:other']],
    ['Client reports her sister attempted suicide.', 'note', ['risk.si.behavior:other']],
    ["My brother's overdose was two years ago.", 'speech', ['risk.si.behavior:other']],
    ['Family history: maternal aunt died by suicide.', 'note', ['risk.si:other']],
    ['My husband drinks a lot.', 'speech', ['risk.substance:other']],
    ["My mom doesn't know I've been thinking about killing myself.", 'speech', ['risk.si.active:present']],
    ["If I ever felt like hurting myself I'd call you.", 'speech', ['risk.si:hypothetical']],
    ['Will call 988 if SI returns.', 'note', ['risk.si:hypothetical']],
    ['Safety plan reviewed; client agreed to call 988 should suicidal thoughts return.', 'note', ['risk.si:hypothetical']],
    ['Reviewed warning signs of postpartum psychosis.', 'note', ['risk.psychosis:hypothetical']],
    ['What would you do if the thoughts of ending your life came back?', 'speech', ['risk.si.active:hypothetical']],
    // A note's sentence that gives a risk to someone else keeps it theirs until the client comes back.
    [
      "Pt worried about her friend, who has been saying 'I wish I could just disappear, the kids would be fine without me.'",
      'note',
      ['risk.si.passive:other'],
    ],
    ['Her daughter has been scratching her arms until they bleed.', 'note', ['risk.self_harm:other']],
    [
      'Her sister attempted suicide last year and she now has passive SI herself.',
      'note',
      ['risk.si.behavior:other', 'risk.si.passive:present'],
    ],
    // A threat to kill another adult is the one who made it's risk; a threat against her is IPV.
    ['Pt reports her husband has threatened to kill her ex-partner if he reappears.', 'note', ['risk.hi:other']],
    ['He threatened to kill me if I left.', 'speech', ['risk.ipv:present']],
    ['FHx: mother k/c/o schizophrenia, hears voices, 2 admissions.', 'note', ['risk.psychosis:other']],
    // A screen's items under its heading, numbered with or without a stop, one per line.
    ['C-SSRS:\n1 Y\n2 N', 'note', ['risk.si.passive:present', 'risk.si.active:denied']],
    ['C-SSRS screener\n1. Y\n2. Y\n3. N', 'note', ['risk.si.passive:present', 'risk.si.active:present', 'risk.si.method:denied']],
    ['C-SSRS screen: negative. Routine follow-up.', 'note', ['risk.si:denied']],
  ])('%s (%s)', (text, mode, expected) => check(text, mode, expected));
});

describe('negation scope ends where it should', () => {
  it.each<Row>([
    ["I'm not suicidal, I just wish I could disappear.", 'speech', ['risk.si:denied', 'risk.si.passive:present']],
    ["I can't stop thinking about killing myself.", 'speech', ['risk.si.active:present']],
    ['Not really, I just feel like everyone would be better off without me.', 'speech', ['risk.si.passive:present']],
    ["I'm not sleeping and I keep thinking they'd be better off without me.", 'speech', ['risk.si.passive:present']],
    [
      "I don't want to die, but sometimes I wish I could go to sleep forever.",
      'speech',
      ['risk.si.passive:denied', 'risk.si.passive:present'],
    ],
    ['I have never thought about killing myself.', 'speech', ['risk.si.active:denied']],
    ["I'm not sure if I want to die.", 'speech', ['risk.si.passive:present']],
    ['Denies SI currently; hx of overdose at 22.', 'note', ['risk.si:denied', 'risk.si.behavior:historical']],
    [
      'Denies SI but reports fleeting thoughts that her family would be better off without her.',
      'note',
      ['risk.si:denied', 'risk.si.passive:present'],
    ],
    // A qualified denial is no denial, and a denial dated in the past is history.
    ['Denies SI other than fleeting passive thoughts of not waking up.', 'note', ['risk.si.passive:present']],
    ['Denied SI at intake; today endorses passive SI.', 'note', ['risk.si:historical', 'risk.si.passive:present']],
    [
      'Client denied SI when first asked, later disclosed passive thoughts of death.',
      'note',
      ['risk.si:historical', 'risk.si.passive:present'],
    ],
    ['Denies previous suicide attempts.', 'note', ['risk.si.behavior:denied']],
  ])('%s (%s)', (text, mode, expected) => check(text, mode, expected));
});

describe('plan, intent and method words count only beside suicide language', () => {
  it.each<Row>([
    ['SI: active. Plan: yes. Intent: no.', 'note', ['risk.si.active:present', 'risk.si.plan:present', 'risk.si.intent:denied']],
    ['Endorses passive SI. Has a plan.', 'note', ['risk.si.passive:present', 'risk.si.plan:present']],
    ['Endorses SI, plan, and intent.', 'note', ['risk.si:present', 'risk.si.plan:present', 'risk.si.intent:present']],
    ['Denies plan, intent or method.', 'note', ['risk.si.plan:denied', 'risk.si.intent:denied', 'risk.si.method:denied']],
    [
      'Intrusive images of dropping the baby, ego-dystonic; no intent to act.',
      'note',
      ['risk.harm_to_infant.intrusive:present', 'risk.harm_to_infant.intent:denied'],
    ],
    ['Homicidal ideation toward her ex-partner with a plan.', 'note', ['risk.hi:present']],
    ['Passive SI discussed. The intent of today\u2019s session was psychoeducation.', 'note', ['risk.si.passive:present']],
    ['Safety plan reviewed for passive SI. Plan going forward is weekly IPT.', 'note', ['risk.si.passive:present']],
    ['She has a plan for night feeds with her husband.', 'note', []],
    ['No plan for childcare yet.', 'note', []],
  ])('%s (%s)', (text, mode, expected) => check(text, mode, expected));
});

// The safety net may mark these at low confidence for a clinician to glance at (scan shows
// them as such); what must never happen is a confident mention, which would fail a note.
const confident = (text: string, mode: TextMode): string[] => found(text, mode).filter((m) => !m.endsWith('?'));

describe('words that look like risk but are not', () => {
  it.each<Row>([
    ['This baby is killing me.', 'speech', []],
    ["I'd kill for a coffee.", 'speech', []],
    ['I could die of embarrassment.', 'speech', []],
    ['I nearly died laughing.', 'speech', []],
    ["I'm dying to see her.", 'speech', []],
    ['Dead tired, honestly.', 'speech', []],
    ["I'm killing it at work.", 'speech', []],
    ['My back is killing me.', 'speech', []],
    ["I thought I'd die during labour.", 'speech', []],
    ['I honestly wanted to die while I was pushing.', 'speech', []],
    ['We watched a show about suicide.', 'speech', []],
    ['I did suicide prevention training at work.', 'speech', []],
    ['Since my dad died I have been sad.', 'speech', []],
    ["She didn't wake up until six, which was amazing.", 'speech', []],
    ["I'm worried I won't wake up when she cries.", 'speech', []],
    ['I drop her off at daycare at eight.', 'speech', []],
    ["I've been thinking about my meds, whether to stop the sertraline.", 'speech', []],
    ["I'm drinking a lot more water since breastfeeding.", 'speech', []],
    ["I'm so paranoid about SIDS.", 'speech', []],
    ["I'm seeing things differently now.", 'speech', []],
    ['I want to disappear for a weekend and sleep.', 'speech', []],
    ['My husband pushed me to come to therapy.', 'speech', []],
    ['It hit me that I am a mom now.', 'speech', []],
    ['I was cutting back on caffeine.', 'speech', []],
    ['I burned myself on the stove making dinner.', 'speech', []],
    ['We made a feeding plan and a sleep plan.', 'speech', []],
    ['Plan: continue weekly IPT; safety plan reviewed.', 'note', []],
    ['I could kill him for leaving the dishes.', 'speech', []],
    ['I took all my meds today.', 'speech', []],
    ['Future-oriented with plans to return to work.', 'note', []],
    ["I don't want to live like this, with the house a mess.", 'speech', []],
    ['Hi, how are you?', 'speech', []],
    ['Suicide risk assessment completed.', 'note', []],
    ['The birth was traumatic, I lost a lot of blood and thought I was dying.', 'speech', []],
    ["I'm scared she'll stop breathing in her sleep.", 'speech', []],
    ['I cut my finger chopping onions.', 'speech', []],
    ['She bit me while feeding and I yelped.', 'speech', []],
    ['I told him I was going to kill him if he woke her up again, as a joke.', 'speech', []],
    ['Client attempted to breastfeed but switched to formula.', 'note', []],
    ['Her mother has a history of depression.', 'note', []],
    ['She is worried about SIDS and safe sleep.', 'note', []],
    ['Client intends to start daycare in the fall.', 'note', []],
    ['EMDR: SUD 8/10 reduced to 3/10, VOC 5/7.', 'note', []],
  ])('%s (%s)', (text, mode, expected) => {
    expect(confident(text, mode)).toEqual(expected);
  });
});

describe('yes/no answers to a risk question', () => {
  const asked = 'Have you had any thoughts of ending your life?';
  it.each<[string, readonly string[]]>([
    ['Yes. A few times.', ['risk.si.active:present']],
    ['No, never, nothing like that.', ['risk.si.active:denied']],
    ["Sometimes, yeah, but I'd never do anything.", ['risk.si.active:present', 'risk.si.intent:denied']],
    ['Honestly? Yeah.', ['risk.si.active:present']],
    ['No, but sometimes I wish I could just disappear.', ['risk.si.active:denied', 'risk.si.passive:present']],
    ['Not anymore.', ['risk.si.active:historical']],
    // Evasive: neither yes nor no. Never dropped; marked low confidence for a clinician.
    ["I don't know.", ['risk.si.active:present?']],
    ['Not at the moment, no.', ['risk.si.active:denied']],
    ["Only when I'm really tired.", ['risk.si.active:present']],
  ])('%s', (answer, expected) => {
    expect(found(answer, 'speech', asked)).toEqual([...expected].sort());
  });

  it('reads a plan question, a past question and a safety question', () => {
    expect(found("No, I don't have a plan.", 'speech', 'Do you have a plan?')).toEqual(['risk.si.plan:denied']);
    // "Tried to hurt yourself" is the self-harm screening question; a suicide attempt is asked in its own words.
    expect(found('Yes, once, in high school.', 'speech', 'Have you ever tried to hurt yourself?')).toEqual(['risk.self_harm:historical']);
    expect(found('Yes.', 'speech', 'Do you feel safe at home?')).toEqual(['risk.ipv:denied']);
    // Thoughts of hurting herself are the active thoughts: "no" to them leaves the wish to be dead unasked.
    expect(found('No.', 'speech', 'Any thoughts of hurting yourself or the baby?')).toEqual([
      'risk.harm_to_infant.intent:denied',
      'risk.si.active:denied',
    ]);
  });

  it('does not let a qualified "no" deny suicidal thoughts as such', () => {
    const asked = 'Have you had any thoughts of suicide?';
    expect(found("I haven't tried anything but I've thought about it.", 'speech', asked)).toEqual(['risk.si:present']);
    expect(found("I don't have a plan, I just think about it.", 'speech', asked)).toEqual(['risk.si.plan:denied', 'risk.si:present']);
    // "Thoughts of suicide" is C-SSRS question 2 (active): no to it, yes to the wish to be dead.
    expect(found('No, but sometimes I wish I could disappear.', 'speech', asked)).toEqual([
      'risk.si.active:denied',
      'risk.si.passive:present',
    ]);
  });

  it('ignores a question that is not about risk', () => {
    expect(found('Yes, a few times.', 'speech', 'Have you been able to get out for a walk?')).toEqual([]);
  });

  it('answers the last question asked, reaching back only when it points back', () => {
    const twoQuestions = 'Any thoughts of suicide this week? And how is the baby sleeping?';
    expect(found('Yeah, I mean, she sleeps better.', 'speech', twoQuestions)).toEqual([]);
    const pointsBack = 'Some moms tell me they wish they could disappear. Does that happen for you?';
    expect(found('Yeah. At night mostly.', 'speech', pointsBack)).toEqual(['risk.si.passive:present']);
  });
});

// How a clinician names each risk in a note, in each framing: the scanner must read
// its own vocabulary back exactly, or notes built from scans would score against themselves.
describe('clinical names read back as their own category', () => {
  // The names the scorer's own explanations use (src/domain/riskNames.ts).
  const NAMES: Record<string, string> = RISK_NAMES;
  const framings: [string, (name: string) => string][] = [
    ['present', (n) => `Client reported ${n} (turn 4).`],
    ['denied', (n) => `Client denied ${n} (turn 4).`],
    ['historical', (n) => `Client reported a history of ${n} (turn 4).`],
    ['other', (n) => `Client described ${n} in another person, not herself (turn 4).`],
  ];
  it.each(Object.entries(NAMES))('%s', (category, name) => {
    for (const [assertion, frame] of framings) expect(found(frame(name), 'note')).toEqual([`${category}:${assertion}`]);
  });
});

describe('mention shape', () => {
  it('gives the sentence, its offsets and the trigger as written', () => {
    const text = 'Slept poorly. She said \u201cI wish I wasn\u2019t here\u201d and cried. Denies HI.';
    const mentions = findRiskMentions(engine, text, { mode: 'note' });
    expect(mentions.map((m) => [m.category, m.assertion])).toEqual([
      ['risk.si.passive', 'present'],
      ['risk.hi', 'denied'],
    ]);
    const [passive, hi] = mentions;
    expect(passive?.trigger).toBe('wish I wasn\u2019t here');
    expect(text.slice(passive!.start, passive!.end)).toBe(passive?.sentence);
    expect(passive?.sentence).toBe('She said \u201cI wish I wasn\u2019t here\u201d and cried.');
    expect(hi?.trigger).toBe('HI');
  });

  it('keeps the trigger as written when white space runs long', () => {
    const [m] = findRiskMentions(engine, 'Endorses   passive \t   SI today.', { mode: 'note' });
    expect(m?.trigger).toBe('passive \t   SI');
    expect(m?.assertion).toBe('present');
  });

  it('reports each mention with its own words, in text order, and one per spot', () => {
    // Two denials in one sentence ("no AVH, no paranoia") are two findings, each with the words
    // a clinician would check; what is never repeated is one reading of the same words.
    const mentions = findRiskMentions(engine, 'Passive SI. Endorses passive SI and a death wish; passive SI again.', { mode: 'note' });
    expect(mentions.map((m) => `${m.sentence}|${m.category}|${m.trigger}`)).toEqual([
      'Passive SI.|risk.si.passive|Passive SI',
      'Endorses passive SI and a death wish; passive SI again.|risk.si.passive|passive SI',
      'Endorses passive SI and a death wish; passive SI again.|risk.si.passive|death wish',
      'Endorses passive SI and a death wish; passive SI again.|risk.si.passive|passive SI',
    ]);
    expect(new Set(mentions.map((m) => m.start)).size).toBe(2);
  });

  it('reads a note checklist line by line, headings excluded', () => {
    const note = '## Risk\nSI: passive\nHI: denied\nPlan: none\n\n## Plan\nContinue weekly IPT.';
    expect(found(note, 'note')).toEqual(['risk.hi:denied', 'risk.si.passive:present', 'risk.si.plan:denied']);
  });

  it('treats items under a family-history heading as someone else\u2019s', () => {
    expect(found('**Family history:**\nMaternal grandmother with bipolar disorder; overdose in 1990.', 'note')).toEqual([
      'risk.si.behavior:other',
    ]);
  });
});

// Hard cases named in the safety-scoring issue, each written from clinical practice.
describe('ratings, lists and look-alike words in notes', () => {
  it.each<Row>([
    // Diary-card ratings: zero is an answer, and the answer is "absent".
    ['Diary card: suicidal thoughts 0, self-harm urges 0/5.', 'note', ['risk.si:denied', 'risk.self_harm:denied']],
    ['SI: 0', 'note', ['risk.si:denied']],
    ['Self-harm urges rated 0 out of 10 all week.', 'note', ['risk.self_harm:denied']],
    ['Suicidal thoughts 2/5 on the diary card.', 'note', ['risk.si:present']],
    ['Suicidal thoughts 0-1 most days.', 'note', ['risk.si:present']],
    // A negation runs along its list; an affirmation before the semicolon stays affirmed.
    ['Denies SI, plan, intent.', 'note', ['risk.si:denied', 'risk.si.plan:denied', 'risk.si.intent:denied']],
    ['No SI, plan, or intent.', 'note', ['risk.si:denied', 'risk.si.plan:denied', 'risk.si.intent:denied']],
    ['Endorses passive SI; denies plan, intent.', 'note', ['risk.si.passive:present', 'risk.si.plan:denied', 'risk.si.intent:denied']],
    // "Crack" and "Molly" are drugs only in a drug context.
    ['Up at the crack of dawn with the baby.', 'note', []],
    ["I'll have a crack at the thought record this week.", 'speech', []],
    ['Cracked nipples are making feeds painful.', 'note', []],
    ['Her sister Molly stayed for the weekend.', 'note', []],
    ['Smoked crack on Saturday while the baby was with her mother.', 'note', ['risk.substance:present']],
    ['Used crack cocaine twice this week.', 'note', ['risk.substance:present']],
    // "In the past three weeks" is now; "in the past, aged 19" is history.
    ['Suicidal behaviour: preparatory acts (stockpiling tablets) in the past three weeks.', 'note', ['risk.si.behavior:present']],
    ['Self-harm (cutting) in the past two days.', 'note', ['risk.self_harm:present']],
    ['Overdose in the past, aged 19.', 'note', ['risk.si.behavior:historical']],
    // A denial of history: still a denial (it is told apart from a denial of now by pastOnly).
    ['No previous suicide attempts.', 'note', ['risk.si.behavior:denied']],
  ])('%s', (...row) => check(...row));

  it('marks a denial of the past as about the past only, and a denial of now as not', () => {
    const past = findRiskMentions(engine, 'No previous suicide attempts.', { mode: 'note' });
    const now = findRiskMentions(engine, 'Denies suicide attempts since last session.', { mode: 'note' });
    expect(past.map((m) => m.pastOnly)).toEqual([true]);
    expect(now.every((m) => !m.pastOnly)).toBe(true);
  });
});

describe('words a reviewer struck out of a draft note', () => {
  it('reads "~~Pt denies SI.~~" as deleted, and quotes the words that stand from where they were written', () => {
    const note = 'Risk: ~~Pt denies SI.~~ Pt endorses passive SI (wish to disappear); denies intent.';
    expect(found(note, 'note')).toEqual(['risk.si.intent:denied', 'risk.si.passive:present']);
    const passive = findRiskMentions(engine, note, { mode: 'note' }).find((m) => m.category === 'risk.si.passive')!;
    expect(note.slice(passive.start, passive.end)).toContain('passive SI');
  });

  it('still reads struck words in speech, where tildes are no markup', () => {
    expect(found('I ~~want to die~~ honestly.', 'speech')).toEqual(['risk.si.passive:present']);
  });
});

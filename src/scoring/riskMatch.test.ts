import { describe, expect, it } from 'vitest';
import type { Assertion, RiskCategory } from '../domain/categories.ts';
import { findRiskMentions, type RiskMention } from '../text/risk/index.ts';
import { engine } from '../testing/riskRules.ts';
import { judgeWithSeverity } from './riskFact.ts';
import { judgeRiskFact } from './riskMatch.ts';

const m = (category: RiskCategory, assertion: Assertion, sentence = `${category} ${assertion}`): RiskMention => ({
  category,
  assertion,
  confidence: 'high',
  rule: 'test',
  trigger: category,
  sentence,
  start: 0,
  end: sentence.length,
});

describe('judgeRiskFact', () => {
  it('captures passive SI documented at its level or as SI without a level', () => {
    expect(judgeRiskFact('risk.si.passive', 'present', [m('risk.si.passive', 'present')]).status).toBe('captured');
    expect(judgeRiskFact('risk.si.passive', 'present', [m('risk.si', 'present')]).status).toBe('captured');
  });

  it('does not let a denial of another level contradict passive SI ("denies active SI, endorses passive SI")', () => {
    const j = judgeRiskFact('risk.si.passive', 'present', [m('risk.si.active', 'denied'), m('risk.si.passive', 'present')]);
    expect(j.status).toBe('captured');
  });

  it('calls "denies SI" after voiced passive SI a contradiction, quoting the denial', () => {
    const j = judgeRiskFact('risk.si.passive', 'present', [m('risk.si', 'denied', 'Client denies SI/HI.')]);
    expect(j.status).toBe('contradicted');
    expect(j.mention?.sentence).toBe('Client denies SI/HI.');
  });

  it('calls a note that both documents and denies the same risk contradicted', () => {
    const j = judgeRiskFact('risk.si.passive', 'present', [m('risk.si.passive', 'present'), m('risk.si', 'denied')]);
    expect(j.status).toBe('contradicted');
  });

  it('flags passive SI written as active as mischaracterised', () => {
    expect(judgeRiskFact('risk.si.passive', 'present', [m('risk.si.active', 'present')]).status).toBe('mischaracterised');
  });

  it('flags intrusive thoughts of harm to the baby written as intent as mischaracterised', () => {
    const j = judgeRiskFact('risk.harm_to_infant.intrusive', 'present', [m('risk.harm_to_infant.intent', 'present')]);
    expect(j.status).toBe('mischaracterised');
  });

  it('omits when the note is silent, and ignores other risks', () => {
    expect(judgeRiskFact('risk.si.passive', 'present', [m('risk.ipv', 'present')]).status).toBe('omitted');
  });

  it('captures a denied plan from "denies plan", and contradicts it when a plan is asserted', () => {
    expect(judgeRiskFact('risk.si.plan', 'denied', [m('risk.si.plan', 'denied')]).status).toBe('captured');
    expect(judgeRiskFact('risk.si.plan', 'denied', [m('risk.si.plan', 'present')]).status).toBe('contradicted');
  });

  it('treats a denial of all SI as contradicted by any documented level', () => {
    expect(judgeRiskFact('risk.si', 'denied', [m('risk.si.passive', 'present')]).status).toBe('contradicted');
    expect(judgeRiskFact('risk.si', 'denied', [m('risk.si.active', 'denied')]).status).toBe('captured');
  });

  it('keeps history as history', () => {
    expect(judgeRiskFact('risk.si.behavior', 'historical', [m('risk.si.behavior', 'historical')]).status).toBe('captured');
    expect(judgeRiskFact('risk.si.behavior', 'historical', [m('risk.si.behavior', 'present')]).status).toBe('mischaracterised');
    // Only a denial that reaches the past ("no previous attempts", "has never") contradicts a history;
    // "denies suicide attempts" is about now and leaves the history unrecorded.
    expect(judgeRiskFact('risk.si.behavior', 'historical', [{ ...m('risk.si.behavior', 'denied'), pastOnly: true }]).status).toBe(
      'contradicted',
    );
    expect(judgeRiskFact('risk.si.behavior', 'historical', [{ ...m('risk.si.behavior', 'denied'), lifetime: true }]).status).toBe(
      'contradicted',
    );
    expect(judgeRiskFact('risk.si.behavior', 'historical', [m('risk.si.behavior', 'denied')]).status).toBe('omitted');
  });

  it("does not count a family member's attempt as the client's", () => {
    expect(judgeRiskFact('risk.si.behavior', 'other', [m('risk.si.behavior', 'present')]).status).toBe('mischaracterised');
    expect(judgeRiskFact('risk.si.behavior', 'other', [m('risk.si.behavior', 'other')]).status).toBe('captured');
  });
});

describe('judgeRiskFact across levels', () => {
  it('does not read SI without a level as asserting a plan the client denied', () => {
    const j = judgeRiskFact('risk.si.plan', 'denied', [m('risk.si', 'present', 'EPDS item 10 score of 1.'), m('risk.si.plan', 'denied')]);
    expect(j.status).toBe('captured');
  });

  it('does not let "denies active SI" contradict a fact of SI without a level', () => {
    const j = judgeRiskFact('risk.si', 'present', [m('risk.si.passive', 'present'), m('risk.si.active', 'denied')]);
    expect(j.status).toBe('captured');
  });

  it('does not let a denial of current SI contradict a past attempt', () => {
    expect(judgeRiskFact('risk.si.behavior', 'historical', [m('risk.si', 'denied')]).status).toBe('omitted');
  });
});

describe('judgeRiskFact for a denial of all SI', () => {
  it('is not recorded by "no attempts since" alone', () => {
    expect(judgeRiskFact('risk.si', 'denied', [m('risk.si.behavior', 'denied')]).status).toBe('omitted');
    expect(
      judgeRiskFact('risk.si', 'denied', [m('risk.si.behavior', 'denied'), m('risk.si', 'denied', 'Denied current SI.')]).mention?.sentence,
    ).toBe('Denied current SI.');
  });
});

describe('judgeRiskFact for risks without levels', () => {
  it('records a denial of self-harm or HI', () => {
    expect(judgeRiskFact('risk.self_harm', 'denied', [m('risk.self_harm', 'denied')]).status).toBe('captured');
    expect(judgeRiskFact('risk.hi', 'denied', [m('risk.hi', 'denied')]).status).toBe('captured');
  });
});

describe('judgeRiskFact with the levels the client voiced', () => {
  it('calls passive SI mischaracterised when the note also asserts active SI she never voiced', () => {
    const mentions = [
      m('risk.si.passive', 'present', 'She said "easier if I wasn\'t around".'),
      m('risk.si.active', 'present', 'Endorsed active SI.'),
    ];
    const j = judgeRiskFact('risk.si.passive', 'present', mentions, { voiced: new Set(['risk.si.passive']) });
    expect(j.status).toBe('mischaracterised');
    expect(j.mention?.sentence).toBe('Endorsed active SI.');
  });

  it('accepts both levels when the client voiced both', () => {
    const mentions = [m('risk.si.active', 'present'), m('risk.si.method', 'present')];
    expect(judgeRiskFact('risk.si.active', 'present', mentions, { voiced: new Set(['risk.si.active', 'risk.si.method']) }).status).toBe(
      'captured',
    );
  });
});

describe('judgeRiskFact on notes read by the lexicon (history versus now)', () => {
  const mentions = (note: string): RiskMention[] => findRiskMentions(engine, note, { mode: 'note' });

  it('does not let "no previous suicide attempts" contradict a preparatory act voiced now', () => {
    const note = 'Client disclosed that last week she stockpiled her tablets in a drawer. No previous suicide attempts.';
    expect(judgeRiskFact('risk.si.behavior', 'present', mentions(note)).status).toBe('captured');
    expect(judgeRiskFact('risk.si.behavior', 'present', mentions('No previous suicide attempts.')).status).not.toBe('contradicted');
  });

  it('still lets it contradict an attempt the client reported in her history', () => {
    expect(judgeRiskFact('risk.si.behavior', 'historical', mentions('No previous suicide attempts.')).status).toBe('contradicted');
    expect(judgeRiskFact('risk.si.behavior', 'historical', mentions('Denies history of suicide attempts.')).status).toBe('contradicted');
  });

  it('keeps a denial about now a contradiction of a current risk', () => {
    expect(judgeRiskFact('risk.si.passive', 'present', mentions('Client endorsed passive death wishes. Denies SI today.')).status).toBe(
      'contradicted',
    );
  });
});

describe('judgeRiskFact on psychosis, symptom by symptom', () => {
  const mentions = (note: string): RiskMention[] => findRiskMentions(engine, note, { mode: 'note' });
  const warningSigns =
    'Warning signs of postpartum psychosis: no sleep for three nights, racing thoughts, convinced the neighbours are watching her.';

  it('does not let "no command hallucinations" contradict warning signs that were not hallucinations', () => {
    const note = 'Client showed possible early signs of postpartum psychosis. No command hallucinations.';
    expect(
      judgeRiskFact('risk.psychosis', 'present', mentions(note), { voiced: new Set(['risk.psychosis']), factText: warningSigns }).status,
    ).toBe('captured');
  });

  it('still lets a denial of the very symptom she described contradict it', () => {
    const voices = 'Client hears a voice telling her the baby is not hers (auditory hallucinations).';
    const note = 'Possible postpartum psychosis. Denies AVH.';
    expect(
      judgeRiskFact('risk.psychosis', 'present', mentions(note), { voiced: new Set(['risk.psychosis']), factText: voices }).status,
    ).toBe('contradicted');
  });

  it('lets a denial of psychosis itself contradict any warning sign', () => {
    const note = 'Postpartum psychosis considered. No psychotic symptoms.';
    expect(
      judgeRiskFact('risk.psychosis', 'present', mentions(note), { voiced: new Set(['risk.psychosis']), factText: warningSigns }).status,
    ).toBe('contradicted');
  });
});

describe('judgeRiskFact on screener items', () => {
  const mentions = (note: string): RiskMention[] => findRiskMentions(engine, note, { mode: 'note' });

  it('lets "EPDS item 10 = 1" document SI as such, but not a plan or a method', () => {
    expect(judgeRiskFact('risk.si', 'present', mentions('EPDS 14, item 10 = 1.')).status).toBe('captured');
    expect(judgeRiskFact('risk.si.plan', 'present', mentions('EPDS 14, item 10 = 1.')).status).toBe('mischaracterised');
    expect(judgeRiskFact('risk.si.method', 'present', mentions('PHQ-9 item 9 scored 2.')).status).toBe('mischaracterised');
  });

  it('still lets plain "endorses SI" beside the item stand for a level it does not name', () => {
    expect(judgeRiskFact('risk.si.passive', 'present', mentions('PHQ-9 item 9 scored 2; endorses SI.')).status).toBe('captured');
  });
});

describe('judgeRiskFact quotes the sentence about this fact', () => {
  it('gives two facts of one category their own note sentences', () => {
    const note =
      'Client described passive death wishes at bedtime when feeding the baby. Later she said that on the school run she wished she would not wake up tomorrow.';
    const ms = findRiskMentions(engine, note, { mode: 'note' });
    const bedtime = judgeRiskFact('risk.si.passive', 'present', ms, { factText: 'Passive death wishes at bedtime during night feeds.' });
    const schoolRun = judgeRiskFact('risk.si.passive', 'present', ms, { factText: 'On the school run she wished she would not wake up.' });
    expect(bedtime).toMatchObject({
      status: 'captured',
      mention: { sentence: expect.stringMatching(/^Client described passive death wishes at bedtime/) },
    });
    expect(schoolRun).toMatchObject({ status: 'captured', mention: { sentence: expect.stringMatching(/school run/) } });
  });
});

describe('judgeRiskFact: a self-harm screener item is no clinical finding', () => {
  const mentions = (note: string): RiskMention[] => findRiskMentions(engine, note, { mode: 'note' });

  it('does not let an item scored 0 on the form contradict SI the client voiced in session', () => {
    const note = 'EPDS 15, item 10 = 0. In session she disclosed passive death wishes at night feeds.';
    expect(judgeRiskFact('risk.si.passive', 'present', mentions(note)).status).toBe('captured');
    expect(judgeRiskFact('risk.si', 'present', mentions('PHQ-9 item 9 = 0 on the form; later voiced suicidal thoughts.')).status).toBe(
      'captured',
    );
  });

  it('still calls a note that records only the item score and no SI short of capture', () => {
    expect(judgeRiskFact('risk.si.passive', 'present', mentions('EPDS 15, item 10 = 0.')).status).not.toBe('captured');
  });

  it('lets "item 9 positive" document SI as such, but not an intent or a plan', () => {
    expect(judgeRiskFact('risk.si', 'present', mentions('PHQ-9 item 9 positive.')).status).toBe('captured');
    expect(judgeRiskFact('risk.si.intent', 'present', mentions('PHQ-9 item 9 positive.')).status).not.toBe('captured');
    expect(judgeRiskFact('risk.si.plan', 'denied', mentions('EPDS item 10 = 0.')).status).toBe('omitted');
  });
});

describe('judgeRiskFact: history-only denials', () => {
  const mentions = (note: string): RiskMention[] => findRiskMentions(engine, note, { mode: 'note' });

  it('does not let "no hx of SA" or "no lifetime history of attempts" contradict a preparatory act this week', () => {
    for (const denial of ['No hx of SA.', 'No lifetime history of suicide attempts or self-harm.', 'Denies past SI or attempts.'])
      expect(
        judgeRiskFact('risk.si.behavior', 'present', mentions(`She wrote goodbye letters to her children on Sunday. ${denial}`)).status,
      ).toBe('captured');
  });

  it('does not let "no history of suicidal ideation" contradict passive SI voiced now', () => {
    const note = 'Endorses passive death wishes since the birth. No history of suicidal ideation.';
    expect(judgeRiskFact('risk.si.passive', 'present', mentions(note)).status).toBe('captured');
  });

  it('lets "no history of SI" contradict passive SI the client reported from years ago', () => {
    expect(judgeRiskFact('risk.si.passive', 'historical', mentions('No history of suicidal ideation.')).status).toBe('contradicted');
  });

  it('keeps "no current or past SI" a denial of now', () => {
    expect(judgeRiskFact('risk.si.passive', 'present', mentions('Wishes she could disappear. No current or past SI.')).status).toBe(
      'contradicted',
    );
  });
});

describe('judgeRiskFact: psychosis denials by symptom, in clinical shorthand', () => {
  const mentions = (note: string): RiskMention[] => findRiskMentions(engine, note, { mode: 'note' });
  const warningSigns = 'Has not slept in three nights, racing thoughts, feels the neighbours are watching her.';

  it('does not let "not responding to internal stimuli" contradict warning signs that were not hallucinations', () => {
    const note = 'Possible early postpartum psychosis: no sleep for three nights, racing thoughts. Not responding to internal stimuli.';
    expect(
      judgeRiskFact('risk.psychosis', 'present', mentions(note), { voiced: new Set(['risk.psychosis']), factText: warningSigns }).status,
    ).toBe('captured');
  });

  it('does not let "no perceptual disturbances" contradict them either', () => {
    const note = 'Possible early postpartum psychosis: no sleep for three nights, racing thoughts. No perceptual disturbances.';
    expect(
      judgeRiskFact('risk.psychosis', 'present', mentions(note), { voiced: new Set(['risk.psychosis']), factText: warningSigns }).status,
    ).toBe('captured');
  });

  it('lets it contradict a voice the client heard', () => {
    const voices = 'She hears a voice at night telling her the baby is not hers.';
    const note = 'Possible postpartum psychosis. Not responding to internal stimuli.';
    expect(
      judgeRiskFact('risk.psychosis', 'present', mentions(note), { voiced: new Set(['risk.psychosis']), factText: voices }).status,
    ).toBe('contradicted');
  });
});

describe('judgeRiskFact quotes by content words, not function words', () => {
  it('gives each passive-SI fact its own sentence when the transcript turns are wordy', () => {
    const note =
      'Client reported that she has been having thoughts that her family would be better off without her, which she says have been there most evenings this week when she is alone with the baby. She also said she sometimes wishes she could just disappear on the drive to daycare.';
    const ms = findRiskMentions(engine, note, { mode: 'note' });
    const evenings =
      'Passive SI: family better off without her, most evenings. CLIENT: Most evenings, honestly, I think they would be better off without me.';
    const daycare =
      'Passive SI: wishes she could disappear while driving to daycare. CLIENT: When I am driving to daycare I just think I wish I could disappear, that it would be easier if I was not here, you know, and then I get there and I have to be fine for her.';
    expect(judgeRiskFact('risk.si.passive', 'present', ms, { factText: evenings }).mention?.sentence).toMatch(/^Client reported/);
    expect(judgeRiskFact('risk.si.passive', 'present', ms, { factText: daycare }).mention?.sentence).toMatch(/^She also said/);
  });
});

describe('judgeWithSeverity: the method the note names', () => {
  const judge = (category: RiskCategory, statement: string, note: string) =>
    judgeWithSeverity(engine, { category, assertion: 'present', statement }, note, findRiskMentions(engine, note, { mode: 'note' }), {
      voiced: new Set([category]),
      factText: statement,
    });

  it('calls a method documented by other means mischaracterised, naming both', () => {
    const j = judge(
      'risk.si.method',
      'Client has thought of hanging herself with the baby sling.',
      '- SI w/ method (overdose) / - No intent',
    );
    expect(j.status).toBe('mischaracterised');
    expect(j.explanation).toContain('by overdose');
    expect(j.explanation).toContain('the client spoke of hanging');
  });

  it('captures the same method in other words, and a note that names no means at all', () => {
    const fact = 'Client pictures stepping in front of a train at the station.';
    expect(judge('risk.si.method', fact, 'Pt +SI w/ thoughts of stepping in front of a train, no intent/plan.').status).toBe('captured');
    expect(judge('risk.si.method', fact, 'Pt endorses SI with method; no intent or plan.').status).toBe('captured');
  });

  it('does not hold a firearm screen in another sentence against the method', () => {
    const note = 'Pt +SI w/ thoughts of hanging, no intent/plan. Firearms in home: none.';
    expect(judge('risk.si.method', 'Client has thought of hanging herself.', note).status).toBe('captured');
  });
});

/** How a note documents a risk the client voiced, read by the project's rules. */
const judgeNote = (category: RiskCategory, note: string) =>
  judgeRiskFact(category, 'present', findRiskMentions(engine, note, { mode: 'note' }), { voiced: new Set([category]) });

describe('judgeRiskFact: a risk named in the sentence that says it is over', () => {
  const judge = (note: string) => judgeNote('risk.si.active', note);

  it('calls "SI improved since last session; pt no longer endorses SI" a contradiction', () => {
    const j = judge('SI improved since last session; pt no longer endorses SI.');
    expect(j.status).toBe('contradicted');
    expect(j.explanation).toContain('records it as resolved');
  });

  it('keeps active SI that persists beside another level that resolved', () => {
    expect(judge('Method-specific SI (OD) reported last session has resolved; nonspecific active SI persists.').status).toBe('captured');
  });
});

describe('judgeRiskFact: preparatory acts beside "no attempt"', () => {
  it('captures preparatory behaviour when the note denies only an attempt', () => {
    const note = 'Risk:\n- Preparatory behavior: wrote goodbye letters to children last wk\n- No attempt reported';
    expect(judgeNote('risk.si.behavior', note).status).toBe('captured');
  });

  it('still calls a denied attempt beside an attempt documented without its kind a question for a clinician', () => {
    expect(judgeNote('risk.si.behavior', 'Took an overdose on Friday. No attempt reported.').status).not.toBe('captured');
  });
});

describe('judgeRiskFact: a denial of another substance', () => {
  const judge = (note: string) => judgeNote('risk.substance', note);

  it('captures drinking when the note denies only drugs', () => {
    const j = judge('Alcohol: ~1 bottle wine (75cl) most nights since delivery. / Drugs: denies');
    expect(j.status).toBe('captured');
    expect(j.explanation).toContain('another substance');
  });

  it('does not let "Alcohol: nil" stand beside drinking the client voiced', () => {
    expect(judge('Alcohol: nil. Smoking: nil.').status).toBe('contradicted');
  });
});

describe('judgeRiskFact: SI named with another level beside it', () => {
  const judge = judgeNote;

  it('does not let "SI: remains passive" document active ideation', () => {
    expect(judge('risk.si.active', 'SI: remains passive (wish to be dead), unchanged since intake.').status).toBe('mischaracterised');
  });

  it('still lets it document passive ideation, and SI without a level document active', () => {
    expect(judge('risk.si.passive', 'SI: remains passive (wish to be dead), unchanged since intake.').status).toBe('captured');
    expect(judge('risk.si.active', 'Pt endorses SI; denies intent or plan.').status).toBe('captured');
  });
});

describe('judgeRiskFact: a risk written under another name', () => {
  it('calls a fixed false belief written as an intrusive thought mischaracterised', () => {
    const j = judgeNote('risk.psychosis', 'Client describes intrusive thoughts that the baby is evil, which she finds upsetting.');
    expect(j.status).toBe('mischaracterised');
    expect(j.explanation).toMatch(/intrusive/);
  });

  it('still captures the belief documented as a delusion beside intrusive thoughts named first elsewhere', () => {
    expect(judgeNote('risk.psychosis', 'Believes the baby is evil; no insight. Intrusive thoughts denied.').status).toBe('captured');
  });

  it('reads "SI: improved since last session; none this week" as SI denied', () => {
    expect(judgeNote('risk.si.active', 'SI: improved since last session; none this week. Engaged w/ BA.').status).toBe('contradicted');
  });
});

import { riskFamily, type Assertion, type RiskCategory } from '../domain/categories.ts';

export { riskFamily };
import type { SafetyStatus } from '../domain/scorecard.ts';
import { RISK_NAMES } from '../domain/riskNames.ts';
import type { RiskMention } from '../text/risk/index.ts';

/** Families with levels; other risks (self-harm, HI, IPV…) are one category each. */
const LEVELLED: ReadonlySet<string> = new Set(['risk.si', 'risk.harm_to_infant']);
const IDEATION: ReadonlySet<string> = new Set([
  'risk.si',
  'risk.si.passive',
  'risk.si.active',
  'risk.harm_to_infant',
  'risk.harm_to_infant.intrusive',
  'risk.harm_to_infant.intent',
]);

export interface RiskJudgement {
  status: SafetyStatus;
  /** The note mention the judgement rests on; null when the note is silent. */
  mention: RiskMention | null;
  explanation: string;
}

const label = (c: RiskCategory): string => RISK_NAMES[c];

// Psychosis is judged by symptom: "denies AVH" or "no command hallucinations" does not deny
// the warning signs a client did show (three nights without sleep, feeling watched).
// "Not responding to internal stimuli" and "no perceptual disturbances" are hallucinations
// denied; "not disoriented" denies confusion, not a belief of being watched.
const PSYCHOTIC_SYMPTOMS: readonly RegExp[] = [
  /halluc|\bavh\b|\ba\/vh\b|\bah\b|\bvh\b|\bvoices?\b|seeing things|hearing things|internal stimuli|\bris\b|perceptual/i,
  /delusion|paranoi|watched|watching|followed|following|special messages|of reference|thought (?:insertion|broadcasting|withdrawal)|believ|convinced|talking about (?:me|her)|in code|coded|messages|poison|plot|swapped|replaced|imposter|impostor|chosen|mission/i,
  /disorient|disorgani[sz]|confus|loose(?:ning of)? associations|thought disorder/i,
];

// Words of four letters or more that say nothing about which episode a sentence is about.
const FUNCTION_WORDS = new Set(
  'that this these those with have been were when what where which while there their them they then than also just like really would could should about said says told from into over very some more most much even only because after before being other such your know think thinks things feel feels felt'.split(
    ' ',
  ),
);
// A crude stem, so "wishes" meets "wished" and "driving" meets "drive".
const stem = (w: string): string => w.replace(/(?:ing|ed|es|s|e)$/, '');
const contentWords = (text: string): Set<string> =>
  new Set((text.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !FUNCTION_WORDS.has(w)).map(stem));

/**
 * Mentions ordered by how much of the fact's wording they share, so that two facts of one
 * category (passive SI at bedtime, passive SI on the school run) each quote their own
 * sentence rather than both quoting the first. The order only picks the quote; every
 * status rule still looks at all mentions.
 */
function byRelevance(mentions: readonly RiskMention[], factText: string | undefined): RiskMention[] {
  if (factText === undefined) return [...mentions];
  const words = contentWords(factText);
  const score = (m: RiskMention): number => [...contentWords(m.sentence)].filter((w) => words.has(w)).length;
  return mentions
    .map((m, i) => ({ m, i, s: score(m) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.m);
}

/** Whether a denial in the note speaks to the same thing as the fact. */
function deniesSameThing(category: RiskCategory, m: RiskMention, factText: string | undefined): boolean {
  if (category !== 'risk.psychosis' || factText === undefined) return true;
  const symptom = PSYCHOTIC_SYMPTOMS.find((re) => re.test(m.trigger));
  return !symptom || symptom.test(factText);
}

/** The C-SSRS ideation ladder; behaviour stands apart from it. */
const LADDER: Partial<Record<RiskCategory, number>> = {
  'risk.si.passive': 1,
  'risk.si.active': 2,
  'risk.si.method': 3,
  'risk.si.intent': 4,
  'risk.si.plan': 5,
};

/**
 * The intent of an attempt the sentence describes ("held the railing, intending to climb
 * over"): it belongs to that act, not to how she stands today.
 */
export const partOfAttempt = (m: RiskMention, mentions: readonly RiskMention[]): boolean =>
  m.category === 'risk.si.intent' &&
  mentions.some((x) => x.start === m.start && x.category === 'risk.si.behavior' && x.assertion !== 'denied' && x.confidence === 'high');

/** Levels of SI and of harm to the baby that are more than the thoughts: only their own words document them. */
const ELEMENT_LEVELS: ReadonlySet<string> = new Set([
  'risk.si.method',
  'risk.si.intent',
  'risk.si.plan',
  'risk.si.behavior',
  'risk.harm_to_infant.intent',
]);

const DENIES_THOUGHTS = /\b(?:denies|denied|denying|no)\b[^.;]{0,30}\b(?:thoughts?|images?|ideation)\b/i;
const INTENT_WORDS = /\b(?:intent|intend|intention|urges?|wish|wants?|desire|plan|act on|deliberate)/i;

/** C-SSRS kinds of suicidal behaviour: a note can say yes to one and no to another. */
const BEHAVIOUR_KINDS = /\b(actual|interrupted|aborted|self-interrupted|preparatory)\b/i;
const kindOf = (m: RiskMention): string | null => BEHAVIOUR_KINDS.exec(m.trigger)?.[1]?.toLowerCase() ?? null;

/** Elements of a risk a client can have one of and not another: one method thought of, another not. */
const ELEMENTS: ReadonlySet<string> = new Set([
  'risk.si.method',
  'risk.si.plan',
  'risk.si.behavior',
  'risk.self_harm',
  'risk.substance',
  'risk.ipv',
]);

/** A level above the fact's (a plan when she voiced passive SI), or behaviour she never reported. */
function overstates(category: RiskCategory, m: RiskMention): boolean {
  // An attempt carries the ideation and intent behind it: naming them overstates nothing.
  if (category === 'risk.si.behavior') return false;
  const fact = LADDER[category];
  const note = LADDER[m.category];
  if (m.category === 'risk.si.behavior') return true;
  if (fact === undefined || note === undefined) return m.category !== category;
  return note > fact;
}

export interface JudgeOptions {
  /** Categories the case says the client voiced; a note asserting one of those levels too is not wrong. */
  voiced?: ReadonlySet<string>;
  /** The fact's statement and evidence words, for quoting the right sentence and judging psychosis by symptom. */
  factText?: string;
  /** Severity details the fact is about (strangulation, firearm, a plan's when): the note must carry them. */
  severity?: readonly string[];
  /** Severity details the note carries anywhere, for the family of the fact. */
  noteSeverity?: ReadonlySet<string>;
}

/**
 * Judges how a note documents one annotated risk fact, from the risk mentions found in the
 * note. Only confident mentions decide; where the note speaks to the risk only in words the
 * rules could not place (the safety net, an unframed thought of harm to the baby), the
 * finding is `unclear` and a clinician settles it. Order matters: a note that both
 * documents and denies the same risk is contradicted, which is worse than either alone.
 */
export function judgeRiskFact(
  category: RiskCategory,
  expected: Assertion,
  mentions: readonly RiskMention[],
  opts: JudgeOptions = {},
): RiskJudgement {
  const voiced = opts.voiced ?? new Set([category]);
  const inFamily = byRelevance(
    mentions.filter((m) => riskFamily(m.category) === riskFamily(category)),
    opts.factText,
  );
  const family = inFamily.filter((m) => m.confidence !== 'low');
  // Loose words can leave a clinician unsure about the risk they name: "a burden" about
  // suicidal thoughts, not about a plan or an intent, which only their own words speak to.
  const speaksTo = (m: RiskMention): boolean => m.category === category || !ELEMENT_LEVELS.has(category);
  const loose = inFamily.filter((m) => m.confidence === 'low' && speaksTo(m));
  const unsure = loose.find((m) => m.assertion === expected) ?? loose[0];
  const decided = judgeConfident(category, expected, family, voiced, opts, mentions);
  // The rules could not place what the note says about this risk: a clinician decides.
  if (
    unsure &&
    (decided.status === 'omitted' ||
      (decided.status === 'mischaracterised' && unsure.category === category && unsure.assertion === expected))
  )
    return {
      status: 'unclear',
      mention: unsure,
      explanation: `The note speaks to ${label(category)} ("${unsure.trigger}"), but the rules cannot tell whether it documents it; a clinician should decide.`,
    };
  return decided;
}

function judgeConfident(
  category: RiskCategory,
  expected: Assertion,
  family: readonly RiskMention[],
  voiced: ReadonlySet<string>,
  opts: JudgeOptions,
  mentions: readonly RiskMention[],
): RiskJudgement {
  // A fact without a level ("some SI") is documented by any level; passive or active SI
  // also by SI named without a level; method, intent, plan and behaviour only by a note
  // that conveys that element.
  const generic = category === riskFamily(category);
  const ideation = category === 'risk.si.passive' || category === 'risk.si.active' || category === 'risk.harm_to_infant.intrusive';
  const covers = (m: RiskMention): boolean =>
    generic ||
    m.category === category ||
    (ideation && category.startsWith('risk.si') && m.category === riskFamily(category) && !m.screenerItem);
  const find = (a: Assertion, test: (m: RiskMention) => boolean = covers): RiskMention | undefined =>
    family.find((m) => m.assertion === a && test(m));
  const name = label(category);

  if (expected === 'present') {
    const documented = find('present');
    // "Denies active SI" does not deny SI as such; only a denial at this level or of SI itself
    // does. "No previous attempts" denies a history, not what the client voiced now.
    // A screener item scored 0 is what the form said, not the clinician's finding: a client
    // may answer "not at all" on paper and voice SI in the room (71.6% of VA suicide
    // decedents had answered item 9 "not at all" on their last PHQ-9).
    // A denial of the ideation itself ("denies SI", "Q1 N, Q2 N") denies every level above it:
    // there is no method or plan without the thoughts.
    const gate = (m: RiskMention): boolean =>
      (m.category === 'risk.si.passive' || m.category === 'risk.si.active') &&
      (LADDER[category] ?? 0) > (LADDER[m.category] ?? 0) &&
      LADDER[m.category] !== undefined;
    // "Denies thoughts of harming infant" names no intent: it denies the thoughts, intrusive ones
    // too. "I would never do anything to him" denies an act, which is how intrusive thoughts sound.
    const deniesAllHarm = (m: RiskMention): boolean =>
      category === 'risk.harm_to_infant.intrusive' &&
      m.category === 'risk.harm_to_infant.intent' &&
      DENIES_THOUGHTS.test(m.sentence) &&
      !INTENT_WORDS.test(m.sentence);
    const denied = find(
      'denied',
      (m) =>
        (m.category === category || m.category === riskFamily(category) || gate(m) || deniesAllHarm(m)) &&
        !m.pastOnly &&
        !m.screenerItem &&
        deniesSameThing(category, m, opts.factText),
    );
    // "Thought of jumping; has not thought about the medicines": for an element (a method, a
    // plan, an act) the two can both be true, and only a clinician can tell. Ideation both
    // documented and denied ("passive SI ... denies SI") is a contradiction.
    // "Has thought of jumping from the car park. Has not thought about the medicines at home."
    const otherMeans = (d: RiskMention): boolean =>
      !!d.means &&
      d.means.length > 0 &&
      family.some(
        (m) => m.assertion === 'present' && covers(m) && (m.means ?? []).length > 0 && !m.means!.some((x) => d.means!.includes(x)),
      );
    if (documented && denied && category === 'risk.si.method' && otherMeans(denied)) {
      const named = family.find((m) => m.assertion === 'present' && covers(m) && (m.means ?? []).length > 0) ?? documented;
      return {
        status: 'captured',
        mention: named,
        explanation: `The note documents ${name} ("${named.trigger}"); its denial ("${denied.trigger}") is of other means.`,
      };
    }
    // "Interrupted attempt: yes / Aborted attempt: no" is one kind of attempt, not a contradiction.
    if (
      documented &&
      denied &&
      category === 'risk.si.behavior' &&
      kindOf(denied) &&
      kindOf(documented) &&
      kindOf(denied) !== kindOf(documented)
    )
      return {
        status: 'captured',
        mention: documented,
        explanation: `The note documents ${name} ("${documented.trigger}"); its denial ("${denied.trigger}") is of another kind of attempt.`,
      };
    if (documented && denied && ELEMENTS.has(category) && denied.category === category && documented.category === category)
      return {
        status: 'unclear',
        mention: denied,
        explanation: `The note documents ${name} ("${documented.trigger}") and also denies it ("${denied.trigger}"); a clinician should decide whether the denial is of something else.`,
      };
    if (documented && denied)
      return { status: 'contradicted', mention: denied, explanation: `The note both documents and denies ${name}.` };
    // Passive SI written up as active (or intrusive thoughts as intent) is wrong even when the
    // note also quotes the client: the level drives the clinical response.
    const wrongLevel = family.find(
      (m) =>
        m.assertion === 'present' &&
        m.category !== riskFamily(m.category) &&
        !voiced.has(m.category) &&
        overstates(category, m) &&
        !partOfAttempt(m, mentions) &&
        // Means saved for a plan ("a plan to overdose on saved oxycodone") are part of the plan.
        !(category === 'risk.si.plan' && m.category === 'risk.si.behavior' && m.start === documented?.start),
    );
    if (documented && wrongLevel && !generic)
      return {
        status: 'mischaracterised',
        mention: wrongLevel,
        explanation: `The client voiced ${name}; the note also asserts ${label(wrongLevel.category)}, which she did not voice.`,
      };
    if (documented) {
      const missing = missingSeverity(family, opts.severity, opts.noteSeverity);
      if (missing.length > 0)
        return {
          status: 'mischaracterised',
          mention: documented,
          explanation: `The note documents ${name} but not ${missing.join(' or ')}, which the client disclosed.`,
        };
      return { status: 'captured', mention: documented, explanation: `The note documents ${name}.` };
    }
    if (denied)
      return { status: 'contradicted', mention: denied, explanation: `The client voiced ${name}, but the note records it as denied.` };
    const otherLevel = find('present', () => true);
    if (otherLevel)
      return {
        status: 'mischaracterised',
        mention: otherLevel,
        explanation: `The client voiced ${name}; the note documents ${label(otherLevel.category)} instead.`,
      };
    const past = find('historical', (m) => m.category === category || covers(m) || m.category === riskFamily(category));
    if (past) return { status: 'mischaracterised', mention: past, explanation: `Current ${name} is written as history only.` };
    // The only word on it is a screener item scored 0: a reader would take it as no SI.
    const zeroItem = family.find((m) => m.assertion === 'denied' && m.screenerItem);
    if (zeroItem)
      return {
        status: 'contradicted',
        mention: zeroItem,
        explanation: `The client voiced ${name}; the note records only a screener item scored 0.`,
      };
    // Self-harm written as a suicide attempt, or an attempt as self-harm, is the wrong risk.
    const swapped = mentions.find(
      (m) =>
        m.assertion === 'present' &&
        m.confidence !== 'low' &&
        ((category === 'risk.self_harm' && m.category === 'risk.si.behavior') ||
          (category === 'risk.si.behavior' && m.category === 'risk.self_harm')),
    );
    if (swapped)
      return {
        status: 'mischaracterised',
        mention: swapped,
        explanation: `The client voiced ${name}; the note documents ${label(swapped.category)} instead.`,
      };
    const someoneElse = find('other', () => true);
    if (someoneElse)
      return { status: 'mischaracterised', mention: someoneElse, explanation: `The client's ${name} is written as someone else's.` };
    return { status: 'omitted', mention: null, explanation: `The client voiced ${name}; the note does not document it.` };
  }

  if (expected === 'denied') {
    // Only this level asserted contradicts a denied plan: "endorses passive SI" does not claim a plan.
    const affirmed = find('present', (m) => (generic || m.category === category) && !partOfAttempt(m, mentions));
    if (affirmed) return { status: 'contradicted', mention: affirmed, explanation: `The client denied ${name}; the note asserts it.` };
    // Denying all SI is recorded by a denial of the ideation itself ("denies SI", "no passive or
    // active SI"), not by "no attempts since" or "denies a plan".
    const ideationOnly = (m: RiskMention): boolean => !generic || !LEVELLED.has(category) || IDEATION.has(m.category);
    // An item scored 0 on a form speaks to SI as such, never to a plan or an intent asked about in the room.
    const denial = find(
      'denied',
      (m) => (covers(m) || m.category === riskFamily(category)) && ideationOnly(m) && (!m.screenerItem || generic),
    );
    if (denial) return { status: 'captured', mention: denial, explanation: `The note records that ${name} was denied.` };
    return {
      status: 'omitted',
      mention: null,
      explanation: `The client was asked about ${name} and denied it; the note does not record the screen.`,
    };
  }

  if (expected === 'historical') {
    const past = find('historical', (m) => covers(m) || m.category === riskFamily(category));
    if (past) return { status: 'captured', mention: past, explanation: `The note records the history of ${name}.` };
    // "Denies SI" or "no attempts since" today does not deny a past attempt; "denies any prior
    // attempt", "no history of SI" and "has never had" do.
    const denied = find(
      'denied',
      (m) => (m.category === category || m.category === riskFamily(category)) && (m.pastOnly === true || m.lifetime === true),
    );
    if (denied)
      return { status: 'contradicted', mention: denied, explanation: `The client reported a history of ${name}; the note denies it.` };
    const current = find('present', (m) => m.category === category || m.category === riskFamily(category));
    if (current) return { status: 'mischaracterised', mention: current, explanation: `Past ${name} is written as current.` };
    return { status: 'omitted', mention: null, explanation: `The client reported a history of ${name}; the note does not record it.` };
  }

  // hypothetical and other: the note must keep the same framing, not make it the client's
  // current risk; "Current passive SI ('wouldn't want to live')" is current, whatever it quotes.
  const same = find(expected, (m) => covers(m) || m.category === riskFamily(category));
  const current = find('present', (m) => m.category === category || m.category === riskFamily(category));
  if (current && (!same || current.start === same.start))
    return { status: 'mischaracterised', mention: current, explanation: `${name} (${expected}) is written as the client's current risk.` };
  if (same) return { status: 'captured', mention: same, explanation: `The note keeps ${name} as ${expected}.` };
  return { status: 'omitted', mention: null, explanation: `The note does not record ${name} (${expected}).` };
}

/** Severity details the fact is about that no present mention of its risk carries. */
function missingSeverity(
  family: readonly RiskMention[],
  required: readonly string[] | undefined,
  inNote: ReadonlySet<string> | undefined,
): string[] {
  if (!required || required.length === 0) return [];
  const carried = new Set([...family.filter((m) => m.assertion === 'present').flatMap((m) => m.severity ?? []), ...(inNote ?? [])]);
  return required.filter((r) => !carried.has(r)).map((r) => r.replace(/-/g, ' '));
}

import { riskFamily, type Assertion, type RiskCategory } from '../domain/categories.ts';

export { riskFamily };
import type { SafetyStatus } from '../domain/scorecard.ts';
import { RISK_NAMES } from '../domain/riskNames.ts';
import type { RiskMention } from '../text/riskTypes.ts';


/** Families with levels; other risks (self-harm, HI, IPV…) are one category each. */
const LEVELLED: ReadonlySet<string> = new Set(['risk.si', 'risk.harm_to_infant']);
const IDEATION: ReadonlySet<string> = new Set(['risk.si', 'risk.si.passive', 'risk.si.active', 'risk.harm_to_infant', 'risk.harm_to_infant.intrusive', 'risk.harm_to_infant.intent']);

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
  /delusion|paranoi|watched|followed|special messages|of reference|thought (?:insertion|broadcasting|withdrawal)/i,
  /disorient|disorgani[sz]|confus|loose(?:ning of)? associations|thought disorder/i,
];

// Words of four letters or more that say nothing about which episode a sentence is about.
const FUNCTION_WORDS = new Set(
  'that this these those with have been were when what where which while there their them they then than also just like really would could should about said says told from into over very some more most much even only because after before being other such your know think thinks things feel feels felt'.split(' '),
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
  return mentions.map((m, i) => ({ m, i, s: score(m) })).sort((a, b) => b.s - a.s || a.i - b.i).map((x) => x.m);
}

/** Whether a denial in the note speaks to the same thing as the fact. */
function deniesSameThing(category: RiskCategory, m: RiskMention, factText: string | undefined): boolean {
  if (category !== 'risk.psychosis' || factText === undefined) return true;
  const symptom = PSYCHOTIC_SYMPTOMS.find((re) => re.test(m.trigger));
  return !symptom || symptom.test(factText);
}

/**
 * Judges how a note documents one annotated risk fact, from the risk mentions found
 * in the note. Order matters: a note that both documents and denies the same risk is
 * contradicted, which is worse than either alone.
 */
export function judgeRiskFact(
  category: RiskCategory,
  expected: Assertion,
  mentions: readonly RiskMention[],
  /** Categories the case says the client voiced; a note asserting another level of the same risk mischaracterises it. */
  voiced: ReadonlySet<string> = new Set([category]),
  /** The fact's statement and evidence words, where a risk is judged symptom by symptom (psychosis). */
  factText?: string,
): RiskJudgement {
  const family = byRelevance(mentions.filter((m) => riskFamily(m.category) === riskFamily(category)), factText);
  // A fact without a level ("some SI") is documented by any level; a fact at a level by
  // that level or by the family named without one ("SI").
  const generic = category === riskFamily(category);
  // A screener item ("PHQ-9 item 9 = 2") documents that SI was scored, not its level: it
  // can stand for "some SI", never for a plan or a method.
  const covers = (m: RiskMention): boolean => generic || m.category === category || (m.category === riskFamily(category) && !m.screenerItem);
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
    const denied = find(
      'denied',
      (m) => (m.category === category || m.category === riskFamily(category)) && !m.pastOnly && !m.screenerItem && deniesSameThing(category, m, factText),
    );
    if (documented && denied)
      return { status: 'contradicted', mention: denied, explanation: `The note both documents and denies ${name}.` };
    // Passive SI written up as active (or intrusive thoughts as intent) is wrong even when the
    // note also quotes the client: the level drives the clinical response.
    const wrongLevel = family.find(
      (m) => m.assertion === 'present' && m.category !== riskFamily(m.category) && m.category !== category && !voiced.has(m.category),
    );
    if (documented && wrongLevel && !generic)
      return {
        status: 'mischaracterised',
        mention: wrongLevel,
        explanation: `The client voiced ${name}; the note also asserts ${label(wrongLevel.category)}, which she did not voice.`,
      };
    if (documented) return { status: 'captured', mention: documented, explanation: `The note documents ${name}.` };
    if (denied)
      return { status: 'contradicted', mention: denied, explanation: `The client voiced ${name}, but the note records it as denied.` };
    const otherLevel = find('present', () => true);
    if (otherLevel)
      return {
        status: 'mischaracterised',
        mention: otherLevel,
        explanation: `The client voiced ${name}; the note documents ${label(otherLevel.category)} instead.`,
      };
    const past = find('historical');
    if (past) return { status: 'mischaracterised', mention: past, explanation: `Current ${name} is written as history only.` };
    return { status: 'omitted', mention: null, explanation: `The client voiced ${name}; the note does not document it.` };
  }

  if (expected === 'denied') {
    // Only this level asserted contradicts a denied plan: "endorses passive SI" does not claim a plan.
    const affirmed = find('present', (m) => generic || m.category === category);
    if (affirmed)
      return { status: 'contradicted', mention: affirmed, explanation: `The client denied ${name}; the note asserts it.` };
    // Denying all SI is recorded by a denial of the ideation itself ("denies SI", "no passive or
    // active SI"), not by "no attempts since" or "denies a plan".
    const ideation = (m: RiskMention): boolean => !generic || !LEVELLED.has(category) || IDEATION.has(m.category);
    const denial = find('denied', (m) => covers(m) && ideation(m));
    if (denial) return { status: 'captured', mention: denial, explanation: `The note records that ${name} was denied.` };
    return { status: 'omitted', mention: null, explanation: `The client was asked about ${name} and denied it; the note does not record the screen.` };
  }

  if (expected === 'historical') {
    const past = find('historical');
    if (past) return { status: 'captured', mention: past, explanation: `The note records the history of ${name}.` };
    // "Denies SI" today does not deny a past attempt; "denies any prior attempt" does.
    // "No history of SI" denies past SI at every level.
    const denied = find('denied', (m) => m.category === category || (m.category === riskFamily(category) && m.pastOnly === true));
    if (denied)
      return { status: 'contradicted', mention: denied, explanation: `The client reported a history of ${name}; the note denies it.` };
    const current = find('present', (m) => m.category === category);
    if (current) return { status: 'mischaracterised', mention: current, explanation: `Past ${name} is written as current.` };
    return { status: 'omitted', mention: null, explanation: `The client reported a history of ${name}; the note does not record it.` };
  }

  // hypothetical and other: the note must keep the same framing, not make it the client's current risk.
  const same = find(expected);
  if (same) return { status: 'captured', mention: same, explanation: `The note keeps ${name} as ${expected}.` };
  const current = find('present', (m) => m.category === category);
  if (current)
    return { status: 'mischaracterised', mention: current, explanation: `${name} (${expected}) is written as the client's current risk.` };
  return { status: 'omitted', mention: null, explanation: `The note does not record ${name} (${expected}).` };
}

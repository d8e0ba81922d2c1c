import type { RiskCategory } from '../domain/categories.ts';
import type { RiskMention } from '../text/risk/index.ts';

/**
 * The wording a judgement of a note turns on: which symptoms a psychosis denial names, the
 * C-SSRS ladder, which words deny thoughts or soften a risk, and which risks a note can put
 * in place of another. Kept apart from the order of the judgement itself (riskMatch.ts).
 */

// Psychosis is judged by symptom: "denies AVH" or "no command hallucinations" does not deny
// the warning signs a client did show (three nights without sleep, feeling watched).
// "Not responding to internal stimuli" and "no perceptual disturbances" are hallucinations
// denied; "not disoriented" denies confusion, not a belief of being watched.
// Hearing and seeing are apart: "VH: not reported" does not deny the voice she hears.
export const PSYCHOTIC_SYMPTOMS: readonly RegExp[] = [
  /halluc|\bavh\b|\ba\/vh\b|\bah\b|\bvoices?\b|hearing things|internal stimuli|\bris\b|perceptual|\bhears?\b|hearing|auditory|whisper/i,
  /halluc|\bavh\b|\ba\/vh\b|\bvh\b|seeing things|internal stimuli|\bris\b|perceptual|\bsees?\b|seeing|visual|no one'?s there|nobody'?s there|cannot see|can't see/i,
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
export function byRelevance(mentions: readonly RiskMention[], factText: string | undefined): RiskMention[] {
  if (factText === undefined) return [...mentions];
  const words = contentWords(factText);
  const score = (m: RiskMention): number => [...contentWords(m.sentence)].filter((w) => words.has(w)).length;
  return mentions
    .map((m, i) => ({ m, i, s: score(m) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.m);
}

/** Whether a denial in the note speaks to the same thing as the fact. */
export function deniesSameThing(category: RiskCategory, m: RiskMention, factText: string | undefined): boolean {
  if (category !== 'risk.psychosis' || factText === undefined) return true;
  const named = PSYCHOTIC_SYMPTOMS.filter((re) => re.test(m.trigger));
  return named.length === 0 || named.some((re) => re.test(factText));
}

/** The C-SSRS ideation ladder; behaviour stands apart from it. */
export const LADDER: Partial<Record<RiskCategory, number>> = {
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
export const ELEMENT_LEVELS: ReadonlySet<string> = new Set([
  'risk.si.method',
  'risk.si.intent',
  'risk.si.plan',
  'risk.si.behavior',
  'risk.harm_to_infant.intent',
]);

// "Denies thoughts of harming the baby", "nil thoughts of harm to self or infant",
// "Thoughts of harm to infant: nil".
// Also the flat notation: "Harm to infant: -ve", "Infant harm ideation: nil", "-thoughts of harm to infant".
export const DENIES_THOUGHTS =
  /\b(?:denies|denied|denying|no|nil|none)\b[^.;]{0,30}\b(?:thoughts?|images?|ideation)\b|\b(?:thoughts?|images?|harm|ideation)\b[^.;\n]{0,60}:\s*(?:nil|none|no|n|denies|denied|neg|-ve|negative|absent)(?![a-z])|(?:^|[\s,;(])-\s?(?:thoughts?|images?) of harm/i;
export const INTENT_WORDS = /\b(?:intent|intend|intention|urges?|wish|wants?|desire|plan|act on|deliberate)/i;

/** C-SSRS kinds of suicidal behaviour: a note can say yes to one and no to another. */
const BEHAVIOUR_KINDS = /\b(actual|interrupted|aborted|self-interrupted|preparatory)\b/i;
export const kindOf = (m: RiskMention): string | null => BEHAVIOUR_KINDS.exec(m.trigger)?.[1]?.toLowerCase() ?? null;

/** Elements of a risk a client can have one of and not another: one method thought of, another not. */
export const ELEMENTS: ReadonlySet<string> = new Set([
  'risk.si.method',
  'risk.si.plan',
  'risk.si.behavior',
  'risk.self_harm',
  'risk.substance',
  'risk.ipv',
]);

/** A note that says a risk is over: for a risk voiced in this session, that denies it now. */
export const RESOLVED = /\b(?:resolved|no longer|not been present|has ceased|remitted|abated|gone away)\b/i;

/** Words that make a risk ordinary: risky drinking written as social or occasional use. */
export const SOFTENED: Partial<Record<RiskCategory, RegExp>> = {
  'risk.substance':
    /\b(?:social(?:ly)?|occasional(?:ly)?|moderate(?:ly)?|light|minimal|to (?:help her )?relax|unremarkable|within (?:safe|recommended) limits|a (?:few|couple of) drinks|a glass or two|the odd (?:drink|glass))\b/i,
};

/** Risks a note can put in place of the one the client voiced: [the fact, what the note says]. */
export const SWAPS: readonly (readonly [RiskCategory, RiskCategory])[] = [
  ['risk.self_harm', 'risk.si.behavior'],
  ['risk.si.behavior', 'risk.self_harm'],
  ['risk.psychosis', 'risk.harm_to_infant.intrusive'],
  ['risk.harm_to_infant.intrusive', 'risk.child_safety'],
];

/** A level above the fact's (a plan when she voiced passive SI), or behaviour she never reported. */
export function overstates(category: RiskCategory, m: RiskMention): boolean {
  // An attempt carries the ideation and intent behind it: naming them overstates nothing.
  if (category === 'risk.si.behavior') return false;
  const fact = LADDER[category];
  const note = LADDER[m.category];
  if (m.category === 'risk.si.behavior') return true;
  if (fact === undefined || note === undefined) return m.category !== category;
  return note > fact;
}

const ALCOHOL = /\b(?:alcohol|etoh|drink\w*|drank|wine|beer|vodka|gin|rum|cider|lager|spirits|whiske?y|units?)\b/i;
const DRUGS = /\b(?:drugs?|cannabis|marijuana|weed|cocaine|heroin|opioids?|meth\w*|benzo\w*|pills|substances|illicit)\b/i;

/**
 * "Alcohol: a bottle of wine most nights / Drugs: denies": a denial of one kind of substance
 * does not deny another.
 */
export function otherSubstance(documented: RiskMention, denied: RiskMention): boolean {
  const kind = (m: RiskMention): string | null => (ALCOHOL.test(m.trigger) ? 'alcohol' : DRUGS.test(m.trigger) ? 'drugs' : null);
  const [a, b] = [kind(documented), kind(denied)];
  return a !== null && b !== null && a !== b;
}

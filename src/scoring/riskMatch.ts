import { riskFamily, type Assertion, type RiskCategory } from '../domain/categories.ts';

export { riskFamily, partOfAttempt };
import type { SafetyStatus } from '../domain/scorecard.ts';
import { RISK_NAMES } from '../domain/riskNames.ts';
import type { RiskMention } from '../text/risk/index.ts';
import {
  byRelevance,
  deniesSameThing,
  LADDER,
  partOfAttempt,
  ELEMENT_LEVELS,
  DENIES_THOUGHTS,
  INTENT_WORDS,
  kindOf,
  otherSubstance,
  ELEMENTS,
  RESOLVED,
  SOFTENED,
  SWAPS,
  overstates,
} from './riskWording.ts';
import { calledAnotherRisk, meansMismatch, missingSeverity, type FactMeans } from './riskDetails.ts';

/**
 * "Has resolved", "no longer": the note says it is over now, not that it is a history; and not
 * over where it says something persists ("command content resolved; still hears her name").
 */
const saysResolved = (m: RiskMention): boolean =>
  RESOLVED.test(m.sentence) && !/\b(?:hx|history|still|persists?|continues?|ongoing)\b/i.test(m.sentence);

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

export interface JudgeOptions {
  /** Categories the case says the client voiced; a note asserting one of those levels too is not wrong. */
  voiced?: ReadonlySet<string>;
  /** The fact's statement and evidence words, for quoting the right sentence and judging psychosis by symptom. */
  factText?: string;
  /** Severity details the fact is about (strangulation, firearm, a plan's when): the note must carry them. */
  severity?: readonly string[];
  /** Severity details the note carries anywhere, for the family of the fact. */
  noteSeverity?: ReadonlySet<string>;
  /**
   * The ways of acting the fact names (overdose, hanging), and every id that is a way of
   * acting: a note that documents the method, plan or act with only other means has it wrong.
   */
  means?: FactMeans;
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
  // "SI: remains passive": SI named without a level is levelless only when its sentence
  // gives no other level of ideation.
  const otherLevelBeside = (m: RiskMention): boolean =>
    family.some(
      (o) =>
        o.sentence === m.sentence &&
        o.assertion === m.assertion &&
        (o.category === 'risk.si.passive' || o.category === 'risk.si.active') &&
        o.category !== category,
    );
  const covers = (m: RiskMention): boolean =>
    generic ||
    m.category === category ||
    (ideation && category.startsWith('risk.si') && m.category === riskFamily(category) && !m.screenerItem && !otherLevelBeside(m));
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
    // Only a clinician's denial of the ideation gates the levels above it: "she does not want
    // to die" beside method thoughts is a protective statement, not "denies SI".
    // A denied wish to be dead does not deny thoughts of killing herself (C-SSRS asks both:
    // "Q1 N, Q2 Y" is a valid screen), so only denied active ideation gates the levels above.
    const gate = (m: RiskMention): boolean =>
      m.category === 'risk.si.active' &&
      /clinical|cssrs|label|bare-level/.test(m.rule) &&
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
    // The kind may be named on the line's label rather than the act ("Aborted attempt: yes, ... counted tablets").
    const documentedKind = documented
      ? (kindOf(documented) ??
        family
          .filter((m) => m.assertion === 'present' && m.category === category)
          .map(kindOf)
          .find((k) => k !== null))
      : null;
    // "Preparatory behavior: wrote goodbye letters / No attempt reported": an attempt named
    // without its kind is the actual attempt, which preparatory acts are not.
    const deniedKind = denied ? (kindOf(denied) ?? (documentedKind && documentedKind !== 'actual' ? 'actual' : null)) : null;
    if (documented && denied && category === 'risk.si.behavior' && deniedKind && documentedKind && deniedKind !== documentedKind)
      return {
        status: 'captured',
        mention: documented,
        explanation: `The note documents ${name} ("${documented.trigger}"); its denial ("${denied.trigger}") is of another kind of attempt.`,
      };
    if (documented && denied && category === 'risk.substance' && otherSubstance(documented, denied))
      return {
        status: 'captured',
        mention: documented,
        explanation: `The note documents ${name} ("${documented.trigger}"); its denial ("${denied.trigger}") is of another substance.`,
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
        !(category === 'risk.si.plan' && m.category === 'risk.si.behavior' && m.start === documented?.start) &&
        // "Plan: hanging, basement, Friday; rope in place": means readied belong to the plan.
        !(category === 'risk.si.plan' && m.category === 'risk.si.behavior' && m.rule.startsWith('si.behavior.preparatory')),
    );
    if (documented && wrongLevel && !generic)
      return {
        status: 'mischaracterised',
        mention: wrongLevel,
        explanation: `The client voiced ${name}; the note also asserts ${label(wrongLevel.category)}, which she did not voice.`,
      };
    // "Drinks alcohol socially" for a client who described drinking to cope is the risk softened away.
    if (
      documented &&
      SOFTENED[category] &&
      family.filter((m) => m.assertion === 'present').every((m) => SOFTENED[category]!.test(m.sentence))
    )
      return {
        status: 'mischaracterised',
        mention: documented,
        explanation: `The note softens ${name} ("${documented.sentence.trim()}") to something ordinary.`,
      };
    const asAnother = calledAnotherRisk(category, documented, mentions);
    if (asAnother)
      return {
        status: 'mischaracterised',
        mention: asAnother,
        explanation: `The client voiced ${name}; the note calls it ${label(asAnother.category)}.`,
      };
    // "SI improved since last session; pt no longer endorses SI": named in the sentence that
    // says it is over, so the note records it as gone.
    // Only the same words: "method-specific SI has resolved; nonspecific active SI persists" ends another level.
    const over = documented && find('historical', (m) => m.category === documented.category && m.sentence === documented.sentence);
    if (over && saysResolved(over))
      return { status: 'contradicted', mention: over, explanation: `The client voiced ${name}; the note records it as resolved.` };
    if (documented) {
      const missing = missingSeverity(family, opts.severity, opts.noteSeverity);
      if (missing.length > 0)
        return {
          status: 'mischaracterised',
          mention: documented,
          explanation: `The note documents ${name} but not ${missing.join(' or ')}, which the client disclosed.`,
        };
      const wrong = meansMismatch(family, opts.means);
      if (wrong)
        return {
          status: 'mischaracterised',
          mention: wrong.mention,
          explanation: `The note documents ${name} by ${wrong.noted.join(' or ')}; the client spoke of ${wrong.voiced.join(' or ')}.`,
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
    // "Passive SI reported at last visit has resolved": the note says it is gone now.
    if (past && saysResolved(past))
      return { status: 'contradicted', mention: past, explanation: `The client voiced ${name}; the note records it as resolved.` };
    if (past) return { status: 'mischaracterised', mention: past, explanation: `Current ${name} is written as history only.` };
    // The only word on it is a screener item scored 0: a reader would take it as no SI.
    const zeroItem = family.find((m) => m.assertion === 'denied' && m.screenerItem);
    if (zeroItem)
      return {
        status: 'contradicted',
        mention: zeroItem,
        explanation: `The client voiced ${name}; the note records only a screener item scored 0.`,
      };
    // Self-harm written as a suicide attempt, or an attempt as self-harm, is the wrong risk;
    // so are delusions about the baby written up as intrusive OCD thoughts, and intrusive
    // thoughts written as a wish or impulse to hurt the child.
    const swapped = mentions.find(
      (m) => m.assertion === 'present' && m.confidence !== 'low' && SWAPS.some(([fact, note]) => category === fact && m.category === note),
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
    // "Thoughts of harm to infant: denied (intrusive or otherwise)" denies the intrusive ones too.
    const deniesAllThoughts = (m: RiskMention): boolean =>
      category === 'risk.harm_to_infant.intrusive' && m.category === 'risk.harm_to_infant.intent' && DENIES_THOUGHTS.test(m.sentence);
    const denial = find(
      'denied',
      (m) =>
        ((covers(m) || m.category === riskFamily(category)) && ideationOnly(m) && (!m.screenerItem || generic)) || deniesAllThoughts(m),
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
  // "Hx: attempted hanging 2023" for her sister's attempt: someone else's risk written as the
  // client's own history.
  const asHers = expected === 'other' && find('historical', (m) => m.category === category || m.category === riskFamily(category));
  if (asHers)
    return { status: 'mischaracterised', mention: asHers, explanation: `${name} (someone else's) is written as the client's own history.` };
  return { status: 'omitted', mention: null, explanation: `The note does not record ${name} (${expected}).` };
}

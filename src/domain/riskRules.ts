import { z } from 'zod';
import { SecondReaderModel } from './secondReader.ts';
import { RISK_CATEGORIES } from './categories.ts';

const RiskCategoryEnum = z.enum(RISK_CATEGORIES);

/**
 * The clinical risk language as data (rubrics/risk/*.yaml), in the spirit of medspaCy:
 * concepts (named word lists), target rules (what a risk sounds like), context rules
 * (what changes how it stands: negation, history, hypothetical, someone else, a
 * question) and the notations clinicians write. Every rule carries its own examples,
 * which run as tests. The pattern language is documented in rubrics/risk/README.md.
 */

/** Where a rule applies: client speech, an interpreter relaying the client, or a clinician's note. */
export const ReadingMode = z.enum(['speech', 'relay', 'note']);
export type ReadingMode = z.infer<typeof ReadingMode>;

const Id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lower-case letters, digits, dots and hyphens, e.g. si.passive.wish-dead');
const Pattern = z.string().min(1);
/** One pattern, or a list of phrases of which any will do ("save", "got to me", "in time"). */
const Patterns = z.union([Pattern, z.array(Pattern).min(1)]);
const About = z.string().min(1);

/** An example sentence: plain text, or text with the mode and the therapist's question before it. */
export const Example = z.union([
  z.string().min(1),
  z.strictObject({
    text: z.string().min(1),
    mode: ReadingMode.optional(),
    /** The therapist's line just before (a bare answer takes its meaning from it). */
    asked: z.string().min(1).optional(),
    /** How the risk should stand (present unless said). */
    assertion: z.enum(['present', 'denied', 'historical', 'hypothetical', 'other']).optional(),
  }),
]);
export type Example = z.infer<typeof Example>;

const Modes = z.array(ReadingMode).min(1);

/** A named list of terms; each term is a pattern. Terms may differ by mode ("self" is "I" in speech, "pt" in a note). */
export const Concept = z.strictObject({
  about: About,
  terms: z.array(Pattern).default([]),
  /** Extra terms only in these modes. */
  speech: z.array(Pattern).optional(),
  relay: z.array(Pattern).optional(),
  note: z.array(Pattern).optional(),
});
export type Concept = z.infer<typeof Concept>;

export const ConceptsFile = z.strictObject({
  version: z.literal(1),
  concepts: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'a concept name: lower case and hyphens'), Concept),
});
export type ConceptsFile = z.infer<typeof ConceptsFile>;

/**
 * Words that name part of a risk only beside other risk language ("denies plan or intent",
 * "I'd never act on it"): their category comes from the risk around them.
 */
export const Cue = z.enum(['ideation', 'intent', 'plan', 'method', 'behavior']);
export type Cue = z.infer<typeof Cue>;

export const TargetCategory = z.union([RiskCategoryEnum, z.literal('none')]);

/** Context kinds a target rule may declare itself immune to. */
const ContextKindRef = z.enum(['negated', 'historical', 'hypothetical', 'other', 'question']);

export const TargetRule = z.strictObject({
  id: Id,
  /** The risk the words name; `none` marks words that look like risk and are not (idioms, media). */
  category: TargetCategory,
  pattern: Pattern,
  about: About.optional(),
  modes: Modes.optional(),
  /** No match when this pattern ends right where the match starts. */
  notAfter: Patterns.optional(),
  /** No match when this pattern starts right where the match ends. */
  notBefore: Patterns.optional(),
  /** A match only where this pattern ends right where it starts ("attempts" after "previous"), outside the match. */
  after: Patterns.optional(),
  /** A match only where this pattern starts right where it ends, outside the match. */
  before: Patterns.optional(),
  /** No match unless the sentence also holds this pattern somewhere. */
  within: Patterns.optional(),
  /** No match when the sentence holds this pattern anywhere. */
  unless: Patterns.optional(),
  /** No match unless this pattern is in the sentence or the one before or after it ("I wrote letters to the kids." "In case."). */
  nearby: Patterns.optional(),
  /**
   * Context kinds this wording is immune to: "I wish I had died when I was seventeen" is a
   * wish now about a past event, so "when I was seventeen" does not make it history.
   */
  ignore: z.array(ContextKindRef).optional(),
  cue: Cue.optional(),
  /** A cue that needs affirming words ("has a plan", "plan: yes") unless denied or asked about. */
  needsAffirming: z.boolean().optional(),
  /** A cue too common to stand on a question's default topic ("do something?"). */
  weak: z.boolean().optional(),
  /** Kept beside the matches it overlaps ("going to kill myself" is intent, and active SI too). */
  additive: z.boolean().optional(),
  /** Harm to a baby, to be told apart as intrusive or intended by the framing around it. */
  infant: z.enum(['agent', 'image']).optional(),
  /** The harmed person is "him"/"her": the baby or an adult, by the nearest person named before. */
  pronoun: z.boolean().optional(),
  /** Affirming it says the risk is absent ("feels safe at home" denies IPV). */
  inverted: z.boolean().optional(),
  /** The words state how the risk stands themselves ("EPDS item 10: 0" is a negative screen). */
  asserts: z.enum(['present', 'denied']).optional(),
  /** Read from a screener item (EPDS item 10, PHQ-9 item 9): SI scored, at no C-SSRS level. */
  screenerItem: z.boolean().optional(),
  /** A screen's bare item number ("Q2"): a risk named right after it is the same item and carries its answer. */
  yieldsToLabel: z.boolean().optional(),
  /** Wording too loose to rest a verdict on: a clinician should look (scan marks it, scoring says review). */
  confidence: z.enum(['high', 'low']).optional(),
  match: z.array(Example).min(1),
  noMatch: z.array(Example).optional(),
});
export type TargetRule = z.infer<typeof TargetRule>;

export const TargetsFile = z.strictObject({
  version: z.literal(1),
  about: About,
  rules: z.array(TargetRule).min(1),
});
export type TargetsFile = z.infer<typeof TargetsFile>;

/**
 * ConText modifier kinds (Harkema 2009; medspaCy's NEGATED_EXISTENCE, HISTORICAL,
 * HYPOTHETICAL, FAMILY). `question`: the risk was asked about and counts only with an
 * answer; `pseudo`: looks like a modifier and is not ("no change in", "can't stop");
 * `terminate`: ends every scope; `affirm`: ends a negation or question scope and affirms
 * a cue; `current`: ends a historical or hypothetical scope ("now", "this week");
 * `past-report`: dates a report ("at intake"), so a denial then is history now;
 * `exception`: voids a denial it follows ("denies SI other than fleeting thoughts").
 */
export const ContextKind = z.enum([
  'negated',
  'historical',
  'hypothetical',
  'other',
  'question',
  'pseudo',
  'terminate',
  'affirm',
  'current',
  'past-report',
  'exception',
]);
export type ContextKind = z.infer<typeof ContextKind>;

export const ContextExample = z.strictObject({
  text: z.string().min(1),
  mode: ReadingMode.optional(),
  /** The risk category the sentence's mention should have (the first one when omitted). */
  category: RiskCategoryEnum.optional(),
  /** How that mention should stand; `none` when the sentence should yield no mention at all. */
  assertion: z.enum(['present', 'denied', 'historical', 'hypothetical', 'other', 'none']),
});
export type ContextExample = z.infer<typeof ContextExample>;

export const ContextRule = z.strictObject({
  id: Id,
  kind: ContextKind,
  /** Which way its scope runs from the trigger, as in pyConText. */
  direction: z.enum(['forward', 'backward', 'both']).default('forward'),
  pattern: Pattern,
  about: About.optional(),
  modes: Modes.optional(),
  /** The target must start within this many tokens of the trigger (NegEx's window). */
  maxScope: z.number().int().nonnegative().optional(),
  notAfter: Patterns.optional(),
  notBefore: Patterns.optional(),
  after: Patterns.optional(),
  before: Patterns.optional(),
  /**
   * Someone else's experience even for risks that involve another person by nature (IPV);
   * for a denial, one that reaches back past a list's commas ("SI: lifetime N, current N").
   */
  explicit: z.boolean().optional(),
  /** The denial names the past only ("no history of"): it says nothing about now. */
  pastOnly: z.boolean().optional(),
  /** The denial covers a lifetime ("has never had"): the past as well as now. */
  lifetime: z.boolean().optional(),
  /** A question that was not put ("Q6 not asked"): no answer after it counts for it. */
  unanswered: z.boolean().optional(),
  /** The trigger counts only when the sentence also holds this ("last week" is history beside "now"). */
  within: Patterns.optional(),
  /** For a terminate rule: the kinds of scope it ends (every kind when absent). */
  ends: z.array(ContextKind).optional(),
  examples: z.array(ContextExample).min(1),
});
export type ContextRule = z.infer<typeof ContextRule>;

export const ContextFile = z.strictObject({
  version: z.literal(1),
  about: About,
  /**
   * What a section heading says about everything under it: a family history is someone
   * else's, a past history is historical (unless the sentence says "current").
   */
  headings: z.strictObject({
    other: z.array(Pattern).min(1),
    historical: z.array(Pattern).min(1),
    current: z.array(Pattern).min(1),
  }),
  /**
   * A sentence that closes the one before it as past ("It's gone now.", "That was three
   * years ago."): the risk just voiced is history.
   */
  closesAsPast: z.array(Pattern).min(1),
  rules: z.array(ContextRule).min(1),
});
export type ContextFile = z.infer<typeof ContextFile>;

/** Clinical shorthand read as the words it stands for ("w/o" as "without", "SI" as "suicidal ideation"). */
export const Abbreviation = z.strictObject({
  /** The written form, token by token as written ("w/o", "+SI" is "+" then "SI"). */
  written: z.string().min(1),
  means: z.string().min(1),
  /** Only in this letter case ("SI", not "si"; "HI", not "hi"). */
  caseSensitive: z.boolean().optional(),
  modes: Modes.optional(),
});

export const NotationFile = z.strictObject({
  version: z.literal(1),
  about: About,
  abbreviations: z.array(Abbreviation).min(1),
});
export type NotationFile = z.infer<typeof NotationFile>;

/** Spoken answers to a yes/no question, and the shapes of the questions they answer. */
export const AnswersFile = z.strictObject({
  version: z.literal(1),
  about: About,
  /** Sound that carries no answer ("um", "honestly?"). */
  filler: z.array(Pattern).min(1),
  yes: z.array(Pattern).min(1),
  no: z.array(Pattern).min(1),
  /** "I used to", "not any more": the answer is about the past. */
  past: z.array(Pattern).min(1),
  /** "I don't know", "why do you ask": neither; a clinician must look. */
  evasive: z.array(Pattern).min(1),
  /** A yes that comes late, after a "no" ("Not really... well. Maybe once."): the answer was yes. */
  hedges: z.array(Pattern).min(1),
  /** Words that qualify a "no" ("No, but sometimes..."): the rest of the turn has its say. */
  qualifiers: z.array(Pattern).min(1),
  /** A question that points back to what was just said ("Has that happened for you?"). */
  pointsBack: z.array(Pattern).min(1),
  /** A therapist talking about "those pictures" means intrusive images of harm to the baby. */
  imageTalk: z.array(Pattern).min(1),
  /** A read-back for confirmation ("So no plan.") rather than a question. */
  readBack: z.array(Pattern).min(1),
  /** Openings that make a sentence a question without a question mark ("have you...", "any..."). */
  questionStarts: z.array(Pattern).min(1),
  /** Talk of a screener's self-harm item ("question ten", "the last question"): a question about suicide. */
  screenerTalk: z.array(Pattern).min(1),
  /**
   * A question that asks only for when, where or how ("Have you thought about when and
   * where?"): in a session it follows talk of suicide, so it is about suicide though it names none.
   */
  asksSuicideDetail: z.array(Pattern).min(1),
  /**
   * Answers that give the detail asked for instead of a yes ("When?" "Saturday, when Tom
   * takes the kids."; "How?" "The pills."): the answer affirms that part of the risk.
   */
  specifics: z.strictObject({
    plan: z.strictObject({ asks: z.array(Pattern).min(1), answers: z.array(Pattern).min(1) }),
    method: z.strictObject({ asks: z.array(Pattern).min(1), answers: z.array(Pattern).min(1) }),
  }),
  examples: z
    .array(
      z.strictObject({
        asked: z.string().min(1),
        text: z.string().min(1),
        category: RiskCategoryEnum,
        assertion: z.enum(['present', 'denied', 'historical', 'hypothetical', 'other', 'none']),
        /** An evasive answer is found, but marked for a clinician. */
        confidence: z.enum(['high', 'low']).optional(),
      }),
    )
    .min(1),
});
export type AnswersFile = z.infer<typeof AnswersFile>;

/**
 * Details that make a risk graver and must survive into the note when the client gave
 * them: a strangulation, a firearm in reach, a plan's when and where.
 */
export const SeverityFeature = z.strictObject({
  id: Id,
  label: z.string().min(1),
  /** The risk families it belongs to (risk.si, risk.ipv…). */
  families: z.array(z.string().regex(/^risk\.[a-z_]+$/)).min(1),
  /** Only facts of these categories must carry it (a plan's when, not a method's). */
  categories: z.array(RiskCategoryEnum).optional(),
  patterns: z.array(Pattern).min(1),
  /**
   * A way of acting (an overdose, hanging, a fall), not a detail that must survive: a note
   * need not name the method, but one that names only other means has the method wrong.
   */
  means: z.boolean().optional(),
  match: z.array(z.string().min(1)).min(1),
  noMatch: z.array(z.string().min(1)).optional(),
});
export type SeverityFeature = z.infer<typeof SeverityFeature>;

export const SeverityFile = z.strictObject({
  version: z.literal(1),
  about: About,
  features: z.array(SeverityFeature).min(1),
});
export type SeverityFile = z.infer<typeof SeverityFile>;

/**
 * How a mention of harm to the baby is framed: distress words make a thought intrusive
 * (perinatal OCD); wanting, urges or calm make it intent. Read over the sentence and its
 * neighbours.
 */
export const FramingFile = z.strictObject({
  version: z.literal(1),
  about: About,
  intrusive: z.array(Pattern).min(1),
  /** Intrusive thoughts named as such ("intrusive thoughts", "obsessional images"): a denial of these denies them. */
  intrusiveNamed: z.array(Pattern).min(1),
  intended: z.array(Pattern).min(1),
  /** So grave that no distress word softens it (a voice telling her to, "without distress"). */
  intendedAlways: z.array(Pattern).min(1),
  /**
   * Revulsion at a pictured harm ("it makes me sick", "I'd never"): stronger than `intrusive`,
   * which also counts "keep thinking", so a method pictured with the baby in it is read as an
   * intrusive image, not as suicide, only on these words.
   */
  imageDistress: z.array(Pattern).min(1),
  /** Intent recorded as present anywhere in the sentence: the thought is intent, whatever its item says. */
  intentStated: z.array(Pattern).min(1),
  /** Names a baby or child, for telling whom "him" or "her" means. */
  infantWords: z.array(Pattern).min(1),
  adultWords: z.array(Pattern).min(1),
  examples: z
    .array(
      z.strictObject({
        text: z.string().min(1),
        mode: ReadingMode.optional(),
        category: z.enum(['risk.harm_to_infant.intrusive', 'risk.harm_to_infant.intent', 'risk.hi', 'none']),
      }),
    )
    .min(1),
});
export type FramingFile = z.infer<typeof FramingFile>;

/**
 * The safety net: risk-adjacent words that no rule placed. A sentence holding one is
 * marked for a clinician (low confidence) rather than silently dropped.
 */
export const NetFile = z.strictObject({
  version: z.literal(1),
  about: About,
  families: z.partialRecord(
    RiskCategoryEnum,
    z.strictObject({
      terms: z.array(Pattern).min(1),
      match: z.array(z.string().min(1)).min(1),
      noMatch: z.array(z.string().min(1)).optional(),
    }),
  ),
});
export type NetFile = z.infer<typeof NetFile>;

/** Every rubrics/risk file, read and validated. */
export const RiskRules = z.object({
  concepts: ConceptsFile,
  /** Target files by name ("targets/si.yaml"), in the order they are read. */
  targets: z.array(z.object({ file: z.string(), data: TargetsFile })),
  context: ContextFile,
  notation: NotationFile,
  answers: AnswersFile,
  severity: SeverityFile,
  framing: FramingFile,
  net: NetFile,
  /** second-reader.json, when present: the trained model that reads client speech after the rules. */
  secondReader: SecondReaderModel.nullable().default(null),
});
export type RiskRules = z.infer<typeof RiskRules>;

/** Category of a target rule, as the rules engine sees it. */
export type TargetCategory = z.infer<typeof TargetCategory>;
export type { RiskCategory } from './categories.ts';

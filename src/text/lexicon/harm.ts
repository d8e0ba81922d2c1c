import type { Assertion, RiskCategory } from '../../domain/categories.ts';
import type { TextMode } from '../riskTypes.ts';
import { any, entry, SELF, type LexEntry } from './build.ts';

// Self-harm, harm to the baby and harm to others. Who acts and who is harmed decide the
// category, so agents sit in look-behinds: the match itself stays "hurt my baby", and a
// "never" before it is still seen as a negation by the assertion step.

export const INFANT = any(
  `(?:the|my|our|this|her|his|your|a) (?:(?:little|tiny|new|own|sweet|poor) )?(?:baby|babies|infant|newborn)`,
  `(?:my|our|her|his|your) (?:(?:little|baby|newborn|infant|own|\\d+[- ]?(?:week|month)[- ]?old|older|oldest|youngest) )?(?:son|daughter|boy|girl|kids?|child|children|twins?|little one|toddler)`,
  `the (?:kids|children|twins)`,
  `(?:infant|newborn|baby)`,
);
// "her" as an object ("hurt her, I'd never"), not a determiner ("hurt her feelings").
const OBJECT_PRONOUN = `(?:him|them|her(?= ?(?:[.,;!?)]|$| (?:when|if|by|with|in|on|or|and|because|so|accidentally|again|somehow|even|at|badly|too|one|like|while|someday|down|into|against|under|over|through|to|sometimes|but|though|i|that|or|out of|off of|until|till|so|hard|really|just|then|now)\\b)))`;
const HARM_VERB = any(
  'hurt', 'hurting', 'harm', 'harming', 'kill', 'killing', 'drop', 'dropping', 'drown', 'drowning', 'smother', 'smothering',
  'suffocate', 'suffocating', 'shake', 'shaking', 'throw', 'throwing', 'stab', 'stabbing', 'strangle', 'strangling',
  'choke', 'choking', 'hit', 'hitting', 'slap', 'slapping', 'punch', 'punching', 'injure', 'injuring', 'poison',
  'poisoning', 'burn', 'burning', 'scald', 'scalding', 'crush', 'crushing', 'snap (?:his|her|its) neck',
);
// Someone thinking of doing the harm: the speaker, the client in a note, or a thought.
const AGENT = `(?<=(?:\\b(?:i|i'd|i'll|i'm|i've|me|she|she'd|she'll|client|pt|patient)\\b(?: \\S+){0,4} |\\b(?:thoughts?|images?|pictures?|flash(?:es)?|visions?|ideas?|urges?|impulses?|fears?|of|about|want(?:ed|s)? to|wanting to) (?:\\S+ )?|(?:hurt|harm)(?:ing)? ${SELF} (?:or|and) ))`;
const NOT_A_HARM = `(?! (?:off|a|an|at daycare|at my|at her|at the|up)\\b)`;

const INFANT_AGENT = [
  `${AGENT}${HARM_VERB} ${INFANT}${NOT_A_HARM}`,
  `${AGENT}(?:hold(?:ing)?|push(?:ing)?) ${INFANT} (?:under|down the stairs|off)`,
  `${AGENT}(?:put(?:ting)?) (?:a|the) (?:pillow|blanket) over ${INFANT}`,
  `(?<=(?:hurt|harm)(?:ing)? ${SELF} (?:or|and) )${INFANT}`,
  `harm (?:to|toward|towards) (?:the |her |his |their |my )?(?:infant|baby|newborn|child|son|daughter|children|kids)`,
  `(?:infant|baby|child)[- ](?:directed|focused|related) (?:harm|intrusive thoughts|thoughts)`,
];
// The baby coming to harm, seen in the mind's eye: intrusive by nature.
const IMAGE_CUE = `(?<=(?:images?|pictures?|picturing|picture|flash(?:es)?|visions?|thoughts?|scenes?|imagin\\w+|see(?:ing)?|saw|dreams?|worr\\w+|fears?|scared|afraid|terrified|of|about) (?:\\S+ ){0,2}?)`;
const HARMED = `(?:falling|rolling|tumbling|drowning|being (?:hurt|harmed|dropped|stabbed|killed|crushed|smothered|suffocated)|getting (?:hurt|crushed|hit|stabbed|killed|run over)|hitting (?:his|her|its) head|going under|slipping under|under (?:the )?water|in the (?:oven|microwave))`;
const INFANT_IMAGE = [`${IMAGE_CUE}${INFANT} ${HARMED}`];
const PRONOUN_IMAGE = [`${IMAGE_CUE}(?:him|her) ${HARMED}`];
const INFANT_INTENT = [
  `infanticid(?:e|al)(?: (?:ideation|thoughts?|urges?))?`,
  `intent(?:ion)? (?:to|of) (?:harm|hurt|harming|hurting|kill|killing|injure|injuring) ${INFANT}`,
];
const PRONOUN_HARM = [
  `${AGENT}${HARM_VERB} ${OBJECT_PRONOUN}${NOT_A_HARM}`,
  `${AGENT}(?:hold(?:ing)?) (?:him|her) under`,
];

const ADULT = any(
  `(?:my|her|his|the|their) (?:mother-in-law|father-in-law|sister-in-law|brother-in-law|in-laws|husband|partner|boyfriend|girlfriend|wife|ex-husband|ex-boyfriend|ex-wife|ex|mom|mother|mum|dad|father|boss|sister|brother|neighbou?r|coworker|co-worker|colleague|roommate|friend|step\\w+)`,
  'someone', 'somebody', 'people', 'anyone', 'anybody', 'everyone', 'others', 'other people',
);
const HI = [
  `homicid(?:al|e)(?: (?:ideation|thoughts?|urges?|feelings?|intent|plan))?`,
  `homicidal(?= (?:or|and|/) suicidal)`,
  `(?:harm|danger|violence|aggression) (?:to|toward|towards) (?:others|other people|anyone|someone)`,
  `(?<=(?:harm|hurt)(?:ing)? (?:to )?(?:self|${SELF}) (?:or|and|/) )(?:others|anyone(?: else)?|anybody(?: else)?|someone(?: else)?|other people)`,
  `(?<=(?:harm|hurt)(?:ing)? (?:to )?(?:self|${SELF}) ?/ ?)others`,
  `violent (?:thoughts|urges|fantasies|ideation)`,
  `${AGENT}(?:kill|killing|hurt|hurting|harm|harming|stab|stabbing|strangle|strangling|shoot|shooting|murder|murdering|poison|poisoning|choke|choking) ${ADULT}`,
  `wish(?:ed|es)? (?:my \\w+ )?(?:he|she|they) (?:was|were) dead`,
  `want(?:ed|s)? (?:him|her|them|my \\w+) dead`,
];

const ACCIDENT = `(?! (?:on (?:the|a|some|my)|with the (?:knife|iron|kettle|pan|oven|stove)|(?:while|when) (?:cooking|shaving|chopping|making)|shaving|accidentally|by accident|cooking|in the kitchen|ironing)\\b)`;
const SELF_HARM = [
  `self[- ]?(?:harm(?:ing|ed|s)?|injur(?:y|ies|ious|ing|e|ed)|mutilat\\w*|inflicted (?:injur\\w+|wounds?|cuts?))`,
  `non[- ]?suicidal self[- ]?(?:injur|harm)\\w*`,
  `(?:cut|cutting|cuts|burn|burned|burnt|burning|scratch|scratching|scratched|carv(?:e|ed|ing)|pinch(?:ed|ing)?) (?:on )?${SELF}${ACCIDENT}`,
  `(?:hurt|hurting|harm|harming|harmed|hit|hitting|punch|punching|punched) ${SELF}(?= (?:on purpose|deliberately|intentionally|again|to (?:cope|feel|calm|punish|release|stop|get)|when|until|till|so (?:hard|bad)|because|every|in the (?:head|face|stomach|legs?|arms?)))`,
  `(?<=(?:been|started|start|keep|kept|used to|urges? to|urge to|impulses? to|tempted to) )(?:hurt|hurting|harm|harming|hit|hitting|punch|punching) ${SELF}`,
  `cut(?:ting|s)? (?:on )?(?:my|her|his) (?:arms?|legs?|thighs?|wrists?|skin|stomach|hips?|body)(?! (?:off|out)\\b)`,
  `(?<=(?:started|start|stopped|stop|quit|relapsed on|urges? to|urge to|tempted to|used to|history of|hx of|h/o) )cut(?:ting)?(?! (?:back|down|out|off|up|the|it|corners|ties|him|her|them|my hair|cake|carbs|sugar|coffee|caffeine|dairy|class|school|work|hours|costs|people|a|an|some)\\b)`,
  `cutting again`,
  `(?:scratch|scratching|scratched|pick|picking|picked|bite|biting|hit|hitting|punch|punching|claw|clawing) (?:at )?(?:my|her) (?:arms?|legs?|skin|thighs?|face|wrists?|hands?)(?= (?:until|till|so hard|raw|open|bloody))`,
  `until (?:it|they|i|she) bleeds?`,
  `scars? from (?:cutting|self[- ]?harm\\w*)`,
  `(?:bang(?:ing|ed|s)?|hit(?:ting|s)?) (?:my|her) head (?:against|on) (?:the )?(?:wall|floor|door)`,
  `head[- ]?bang\\w*`,
  `(?:urges?|impulses?|urged|tempted|temptation) to (?:cut|burn|hurt|harm|hit|scratch)(?: ${SELF})?`,
];

export const HARM_ENTRIES: readonly LexEntry[] = [
  entry('risk.self_harm', SELF_HARM),
  entry('risk.self_harm', [`NSSI`, `SIB`, `DSH`, `(?<=(?:SI|HI) ?[/,] ?|(?:SI|HI) (?:or|and) |[Hh]x of |[Hh]istory of |[Dd]enies |[Nn]o )SH(?![A-Za-z:])`], {
    noteOnly: true,
    caseSensitive: true,
  }),
  entry('risk.harm_to_infant.intent', INFANT_AGENT, { infant: 'agent' }),
  entry('risk.harm_to_infant.intrusive', INFANT_IMAGE, { infant: 'image' }),
  entry('risk.harm_to_infant.intrusive', PRONOUN_IMAGE, { infant: 'image', pronoun: true, speechOnly: true }),
  entry('risk.harm_to_infant.intent', INFANT_INTENT),
  entry('risk.hi', PRONOUN_HARM, { pronoun: true, speechOnly: true }),
  entry('risk.hi', HI),
  entry('risk.hi', [`HI`, `H/I`], { noteOnly: true, caseSensitive: true }),
];

// Words around a harm-to-baby thought that make it ego-dystonic (perinatal OCD) or,
// the other way, held with intent. Read over the sentence and its neighbours.
const NOT = `(?<!(?:n'?t|not|never) )`;
const INFANT_INTENT_STRONG = /\b(?:without (?:any )?distress|no distress|not (?:distressed|bothered|upset) by|ego[- ]?syntonic|with intent|intends? to|infanticid\w*)\b/;
const INTRUSIVE_WORDS = [
  'intrusive', 'unwanted', 'ego[- ]?dystonic', 'egodystonic', 'scar(?:y|ed|es|ing)', 'terrif\\w+', 'horri\\w+', 'awful',
  'disturb\\w+', 'upsett?\\w*', 'distress\\w*', 'flash(?:es)?', 'images?', 'pictur\\w+', 'visuali[sz]\\w+',
  'pop(?:s|ped|ping)? (?:into|in) my (?:head|mind)', 'out of nowhere', "can'?t (?:stop|get (?:it|them|rid))",
  'what if i', 'obsess\\w*', 'ocd', 'makes? me (?:feel )?sick',
  'sick to my stomach', 'afraid (?:that )?i', 'worried (?:that )?i', 'fear(?:s|ful)? (?:of|that|i)',
  'keep (?:seeing|picturing|thinking)', 'hate (?:that i|having|these|those)', "don'?t want to (?:hurt|harm)", 'panic\\w*',
  'anxi\\w+', 'avoid\\w*', 'ashamed', 'guilt\\w*',
];
const INFANT_INTRUSIVE = new RegExp(`\\b(?:${INTRUSIVE_WORDS.join('|').replace(/ /g, '\\s+')})\\b`);
/** "I would never" marks a thought as unwanted, unless it is the denial itself ("I'd never hurt her"). */
const COMMANDED = /\b(?:voices?|(?:told|telling|tells|commanding|commands?|ordering|orders) me to|god (?:wants|told|tells)|the devil)\b/;
const INFANT_WOULD_NEVER = /\b(?:(?:i'?d|would|will|could) never|never (?:would|want))\b/;
const INFANT_INTENT_WORDS = new RegExp(
  `${NOT}\\b(?:want(?:ed|s)? to|wanting to|going to|gonna|plan(?:ned|ning)? to|urges? to|tempted|feel like (?:hurting|harming|shaking|hitting)|deserve[sd]?|on purpose|make (?:him|her|it) stop|enjoy\\w*|satisf\\w*|hate (?:him|her|the baby|this baby))\\b`,
);

const INFANT_NOUN = /\b(?:baby|babies|infant|newborn|son|daughter|little one|twins?|toddler|kids?|children|child)\b/g;
const ADULT_NOUN =
  /\b(?:husband|partner|boyfriend|girlfriend|wife|ex|fianc\w*|mom|mother|mum|dad|father|in-laws?|boss|sister|brother|friend|neighbou?r|co-?worker|colleague|roommate|man|guy|woman|lady|someone|somebody)\b/g;

/** Who "him" or "her" is: the nearest baby or adult named before it. */
export function referentOf(before: string, asked: string): 'infant' | 'adult' {
  for (const text of [before, asked]) {
    const lastOf = (re: RegExp): number => Math.max(-1, ...[...text.matchAll(re)].map((m) => m.index));
    const baby = lastOf(INFANT_NOUN);
    const adult = lastOf(ADULT_NOUN);
    if (baby >= 0 || adult >= 0) return baby >= adult ? 'infant' : 'adult';
  }
  return 'infant';
}

/**
 * Intrusive (ego-dystonic, distressing) or intended? Words of fear and distress nearby
 * make a thought of harming the baby intrusive. With none, a denial is a denial of
 * intent; speech defaults to intrusive, and a note that leaves it unqualified reads
 * as intent, since a careful note must say "intrusive" (case-format.md).
 */
export function classifyInfant(kind: 'agent' | 'image', sentence: string, around: string, assertion: Assertion, mode: TextMode): RiskCategory {
  // A voice telling her to harm the baby is psychosis, the gravest case: never "intrusive".
  if (INFANT_INTENT_STRONG.test(sentence) || COMMANDED.test(sentence)) return 'risk.harm_to_infant.intent';
  const distress = INFANT_INTRUSIVE.test(around) || (assertion !== 'denied' && INFANT_WOULD_NEVER.test(around));
  if (kind === 'image' || distress) return 'risk.harm_to_infant.intrusive';
  if (INFANT_INTENT_WORDS.test(sentence) || assertion === 'denied') return 'risk.harm_to_infant.intent';
  return mode === 'speech' ? 'risk.harm_to_infant.intrusive' : 'risk.harm_to_infant.intent';
}

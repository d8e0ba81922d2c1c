import type { RiskCategory } from '../../domain/categories.ts';
import { any, entry, LIFE, PILLS, POSS, SELF, SELF_OR_BARE, WHO, type Cue, type Family, type LexEntry } from './build.ts';

// Suicidal ideation and behaviour, by C-SSRS level. Negation words that belong to the
// idea itself ("not wake up", "don't want to live", "no reason to live") are part of the
// pattern, so the assertion step does not read them as a denial.

const NOT_WAKE = any("didn'?t", 'did not', "don'?t", 'do not', "wouldn'?t", 'would not', "won'?t", 'will not', 'never', "couldn'?t");
// "...won't wake up when she cries" is about sleep, not death.
const NOT_ABOUT_SLEEP = `(?! (?:when|to|for|in time|at|until|till|with|early|on time|if|before|during|because|from)\\b)`;

const PASSIVE = [
  `wish(?:ed|es|ing)? (?:that )?${WHO}(?: was| were|'d been| had been| could be) dead`,
  `(?:want(?:ed|s|ing)?|wish(?:ed|es|ing)?|hop(?:e|ed|es|ing)) to (?:be dead|die|not (?:be alive|exist|live|wake up|be here|be around))`,
  `wish(?:ed|es|ing)? (?:that )?${WHO}(?: could| would|'d| might) (?:just )?(?:die in (?:my|her|their) sleep|die|disappear|vanish|not wake up|go to sleep (?:and|forever)|sleep forever|stop existing|cease to exist|not exist|fade away|be gone|not be here)`,
  `wish(?:ed|es|ing)? (?:that )?${WHO}(?: (?:was|were)(?:n'?t| not) (?:here|alive|around|born|in this world)| (?:was|were) (?:gone|never born)|(?: had|'d) never been born| never existed)`,
  `(?:go|going|goes|went|fall|falling|fell|drift(?:ed|ing)?) (?:to )?(?:sleep|asleep) and (?:just )?(?:not|never) (?:wake|waking) up`,
  `(?:if|that|hope|hoped|hoping|wish|wished|pray|prayed|praying) (?:that )?${WHO} (?:just )?${NOT_WAKE} (?:ever )?wake up${NOT_ABOUT_SLEEP}`,
  `(?:about|of|idea of|imagine|imagining|picture|picturing|fantasi[sz](?:e|ed|ing)) (?:just )?(?:not|never) waking up`,
  `(?:not|never) (?:wake|waking) up (?:again|ever again|any ?more)`,
  `(?:don'?t|do not|didn'?t|did not) want to wake up${NOT_ABOUT_SLEEP}`,
  `${WHO}(?:'d| would) (?:just )?never wake up`,
  `(?:never|not) have to wake up`,
  `(?:go to )?sleep forever`,
  `(?:want(?:ed|s|ing)?|wish(?:ed|es|ing)?|would like|'d like|longing|long) to (?:just )?(?:disappear|vanish|cease to exist|stop existing|not exist|fade away|evaporate)(?! for (?:a|an|the|one|two|a few|some)\\b)(?! (?:into|to) (?:my|the|a) )`,
  `${WHO} could (?:just )?(?:disappear|vanish)(?! for\\b)(?! (?:into|to) (?:my|the|a) )`,
  // Burdensomeness: the classic perinatal passive-SI phrasing.
  `better off (?:without (?:me|her|him)\\b|dead|gone|if ${WHO} (?:just )?(?:(?:was|were)(?:n'?t| not) (?:here|around|alive|in the picture|in (?:their|his|her|the baby's) li(?:fe|ves))|(?:was|were) (?:gone|dead|out of the picture|never born)|died|disappeared|didn'?t (?:exist|wake up|come back)|(?:had|'d) never been born|never (?:existed|woke up|came back)))`,
  `(?:be|are|is) better without me`,
  `easier (?:for (?:everyone|everybody|them|him|her|my \\w+) )?(?:if ${WHO} (?:just )?(?:(?:was|were)(?:n'?t| not) (?:here|around|alive)|(?:was|were) (?:gone|dead)|died|disappeared)|without me)`,
  `(?:no|not any|isn'?t any|there'?s no|there is no) (?:point|reason|sense) (?:in )?(?:living|going on|being alive|being here|staying alive|carrying on|to live|to go on|in life|to keep going|to be here|in being here)`,
  `what'?s the (?:point|use) (?:of|in) (?:being here|living|going on|being alive|staying alive|life|carrying on|even being here|me being here)`,
  `(?:nothing (?:left )?|no one |nobody )to live for`,
  `(?:life|living|it)(?:'s| is| was)? (?:isn'?t|is not|not|wasn'?t|was not|doesn'?t feel|does not feel|don'?t feel|no longer) worth (?:living|it any ?more)`,
  `not worth living`,
  `(?:tired|sick|weary) of (?:living|being alive|life|existing|being here)`,
  `not wanting to (?:live|be alive|be here|exist|wake up|go on|be around)`,
  `(?:don'?t|do not|didn'?t|did not) want to (?:live(?! (?:like|in|with|here|there|near|so|this|that|at|on)\\b)|be alive|exist|be here any ?more|go on|be around any ?more|be on this earth|keep living|keep going|be in this world)`,
  `(?:don'?t|do not|wouldn'?t|would not) care (?:if|whether) ${WHO} (?:lived?|die[ds]?|was dead|were dead|woke up|didn'?t wake up|was gone)`,
  `(?:wouldn'?t|would not|don'?t|do not) mind (?:dying|being dead|not waking up|if ${WHO} (?:died|was dead|were dead|didn'?t wake up|never woke up|got hit|had an accident|just didn'?t|wasn'?t here|disappeared)|if something (?:bad )?happened to me)`,
  `(?:hope|hoped|hoping|wish|wished|pray(?:ed|ing)?) (?:that )?(?:i|she) (?:would |'d |will )?(?:get|got) (?:hit by|in (?:a|an) (?:accident|crash))`,
  `(?:hope|hoped|hoping|wish|wished|pray(?:ed|ing)?) (?:that )?something (?:bad )?(?:would |will )?happens? to me`,
  `(?:no one|nobody) would (?:even )?(?:miss me|notice if ${WHO} (?:was|were) gone|care if ${WHO} (?:died|was gone|were gone|disappeared))`,
  `(?:rather|sooner) (?:be dead|die|not be here|not be alive)(?! than)`,
  `(?:welcome|welcoming) death`,
  `(?:death|dying|being dead) (?:would|'d|will|might) be (?:a )?(?:relief|easier|peaceful|better|welcome)`,
  `(?:can'?t|cannot) (?:go on|keep going) living`,
  `not (?:be|being) (?:alive|here|around) any ?more`,
  `(?<=\\bto (?:just |simply )?)(?:not exist|stop existing|cease to exist|not be alive)`,
  `(?:hope|hoping|pray(?:ed|ing)?) (?:that )?${WHO}(?: would| could|'d| might| will)? (?:just )?die in (?:my|her|their) sleep`,
  `if ${WHO} died(?: in (?:my|her|their) sleep)?(?=[^.]{0,40}\\b(?:relieved|relief|better|easier|peace|fine|okay|wouldn'?t mind|don'?t care)\\b)`,
  `(?:don'?t|do not|can'?t|cannot) see (?:the|any) (?:point|reason) (?:in|of|to) (?:living|going on|being alive|being here|life|carrying on|keep going)`,
  `(?:happier|easier|better|fine|okay|lighter) (?:\\S+ ){0,3}?(?:if|when) ${WHO}(?: (?:was|were) (?:gone|dead|not (?:here|around|alive))| died| disappeared| (?:wasn'?t|weren'?t) (?:here|around|alive)|'d gone)`,
  `(?:thoughts?|thinking|think|thought|preoccupi\\w+) (?:of|about|with) (?:my own |her own |own )?(?:death|dying|being dead)`,
  `death wish(?:es)?`,
  `wish(?:es)? (?:to die|for death)`,
  `passive(?: suicidal)? (?:si|ideation|suicidal ideation|thoughts?|death wish(?:es)?|wish(?:es)? (?:to die|to be dead|for death)|suicidality|thoughts? of (?:death|dying|being dead|not (?:wanting to )?(?:live|living|wak\\w+)))`,
  `passive(?= ?(?:or|and|/|,|nor) ?active (?:si|suicidal))`,
];

const ACTIVE = [
  `kill(?:s|ed|ing)? ${SELF_OR_BARE}`,
  `(?:end|ends|ended|ending|take|takes|taking|took|taken) ${LIFE}`,
  `(?:end|ends|ended|ending|put(?:ting)? an end to) (?:it all|everything|things)(?! (?:with|between|off|early)\\b)`,
  `(?:just )?end(?:ing)? it(?= ?(?:[.,;!?]|$| now| tonight| today| for good))`,
  `commit(?:s|ted|ting)? suicide`,
  `(?:off|unalive|unaliving|unalived) ${SELF}`,
  `kms`,
  `(?:do|did|doing) away with ${SELF}`,
  `active(?: suicidal)? (?:si|ideation|suicidal ideation|thoughts?(?: of suicide)?|suicidality)`,
  `active(?= ?(?:or|and|/|,|nor) ?passive (?:si|suicidal))`,
];

// A method named as a thought, not an act: gerunds and bare verbs after a verb of
// thinking or wanting ("thought about jumping off the bridge").
const METHOD_ACT = any(
  `(?:tak|swallow)(?:e|ing)? (?:all (?:of )?(?:my|the|those|her|these)|a (?:bunch|handful|bottle|lot|whole bottle) of(?: my| the| her)?|(?:the|a) (?:whole|entire) (?:bottle|pack|packet|box) of(?: my| the| her)?|too many|an? (?:overdose|od) of) (?:\\w+ )?${PILLS}`,
  `overdos(?:e|ing)`,
  `jump(?:ing)? (?:off|from|in front of|out of|out) (?:of )?(?:a|the|my|our|that) (?:\\w+ ){0,2}?(?:bridge|building|roof|balcony|window|cliff|parking garage|garage|car park|overpass|train|bus|truck|car|ledge|tower|platform)`,
  `(?:step|stepping|walk|walking|run|running|lie|lying|lay|laying) (?:out )?(?:down )?(?:in front of|into|under|onto|on) (?:a |the )?(?:\\w+ )?(?:train|tracks|bus|truck|car|traffic|river|lake|ocean|sea|road)`,
  `(?:driv(?:e|ing)|swerv(?:e|ing)|steer(?:ing)?) (?:my car |the car |off )?(?:into|off|over) (?:a |the )?(?:\\w+ )?(?:tree|wall|bridge|river|lake|cliff|barrier|pole|median|overpass|truck|edge|road|water|guardrail|ditch|traffic)`,
  `crash(?:ing)? (?:the|my) car`,
  `(?:hang|hanging|drown|drowning|shoot|shooting|gas|gassing|poison|poisoning|suffocate|suffocating|electrocute|electrocuting|starve|starving) ${SELF}`,
  `(?:slit|slitting|slash|slashing) ${POSS} (?:wrists?|throat)`,
  `throw(?:ing)? ${SELF} (?:off|down|in front of|under|into|out of|from)`,
  `blow(?:ing)? ${POSS} brains out`,
  `(?:put|putting) a (?:gun|bullet) (?:to|in) ${POSS} head`,
  `carbon monoxide`,
  `(?:the )?car (?:running )?in the garage`,
  `(?:a )?noose`,
);
const THINKING = any(
  'thought', 'thoughts', 'thinking', 'think', 'thinks', 'considered', 'considering', 'consider', 'imagin\\w+', 'pictur\\w+',
  'fantasi[sz]\\w*', 'visuali[sz]\\w*', 'wonder\\w*', 'ideas?', 'urges?', 'tempted', 'want(?:ed|s|ing)?', 'wish(?:ed|es|ing)?',
  'could just', 'should just', 'might just', 'how easy it would be', 'easy it would be', 'easy to',
);
const METHOD_PAST = any(
  `threw ${SELF}`, 'jumped', 'drove', 'swerved', 'stepped', 'walked', 'crashed',
  `(?:took|swallowed) (?:all|a bunch|a handful|the whole|every)`,
);

const METHOD = [
  `${THINKING} (?:about |of |to |it would be to )?(?:just |maybe |simply |how i (?:could|would|might) |what it would be like to )?${METHOD_ACT}`,
  `what if ${WHO} (?:just )?${METHOD_PAST}`,
  `(?<=(?:si|ideation|thoughts?) (?:with|w/) (?:a )?(?:specific |identified |clear )?)methods?`,
  `(?<=(?:methods?|plan) ?(?:\\(|:|of|was|is|=|-|would be) ?(?:an? |by )?)(?:overdos(?:e|ing)|od|pills|hanging|jumping|firearms?|guns?|cutting|drowning|carbon monoxide|${PILLS})`,
  `(?:hang|hanging|drown|drowning|shoot|shooting|gas|gassing|suffocate|suffocating|electrocute|electrocuting) ${SELF}`,
  `(?:slitting|slashing) ${POSS} (?:wrists?|throat)`,
  `throwing ${SELF} (?:off|down|in front of|under|into|out of|from)`,
  `blow(?:ing)? ${POSS} brains out`,
  `carbon monoxide`,
  `noose`,
  `(?:suicide|suicidal) (?:methods?|means)`,
  `methods? (?:of|for) (?:suicide|killing ${SELF_OR_BARE}|ending ${LIFE})`,
];

const ATTEMPT_TO = any(
  `kill ${SELF_OR_BARE}`, `end ${LIFE}`, `take ${LIFE}`, 'end it(?: all)?', 'commit suicide', 'overdose', 'od',
  `(?:hang|drown|shoot|suffocate|gas|poison) ${SELF}`, 'jump (?:off|from|in front)', 'die',
);

const BEHAVIOR = [
  `(?:attempt(?:s|ed|ing)?|tr(?:y|ies|ied|ying)|(?:made|make|making) an attempt) to ${ATTEMPT_TO}`,
  `attempt(?:s|ed)? on ${LIFE}`,
  `suicid(?:e|al) (?:attempts?|gestures?|behaviou?rs?|acts?)`,
  `attempted suicide`,
  `attempts? at suicide`,
  `(?:interrupted|aborted) (?:suicide )?attempts?`,
  `(?<=(?:prior|previous|past|lifetime|multiple|several|hx of|history of|h/o|hx|remote|recent|serious|near[- ]fatal) (?:suicide )?)attempts?(?! (?:to|at)\\b)`,
  `overdos(?:e|ed|es|ing)`,
  `o\\.?d\\.?(?:'d|'ed|ed)`,
  `(?:took|take|taken|taking) an? (?:overdose|od)`,
  `(?:took|swallowed) (?:a (?:bunch|handful|whole bottle|lot) of|the (?:whole|entire) (?:bottle|pack|packet|box) of|too many|all (?:of )?(?:my|the|her) (?:\\w+ )?${PILLS} at once) (?:my |the |her )?(?:\\w+ )?(?:${PILLS})?`,
  `(?:slit|slashed) ${POSS} (?:wrists?|throat)`,
  `hanged ${SELF}`,
  `(?:jumped|threw ${SELF}) (?:off|from|in front of|down|under|into)`,
  `drove (?:my car |the car )?(?:into|off) (?:a |the )?(?:\\w+ )?(?:tree|wall|bridge|river|lake|cliff|barrier|pole|median|overpass|truck|water|traffic)`,
  // Preparatory acts and aborted attempts (C-SSRS behaviour).
  `(?:wrote|writing|write|written|left|leave) (?:a )?(?:suicide|goodbye) (?:note|letter)s?`,
  `suicide notes?`,
  `goodbye (?:notes|letters)`,
  `(?:gave|giving|give) away (?:all )?(?:my|her|his) (?:things|stuff|belongings|possessions|jewelry|clothes)`,
  `(?:stockpil(?:e|ed|ing)|hoard(?:ed|ing)|sav(?:ed|ing) up|collect(?:ed|ing)|stash(?:ed|ing)) (?:up )?(?:(?:my|her|his|the|some|all (?:of )?(?:my|the)) )?(?:\\w+ )?${PILLS}`,
  `(?:googl(?:ed|ing)|look(?:ed|ing) up|search(?:ed|ing)(?: for)?|research(?:ed|ing)) (?:how (?:many|much) (?:\\w+ ){0,3}?(?:it would take|would (?:kill|do it)|to (?:die|overdose|kill))|(?:ways|how) to (?:kill ${SELF}|die|end ${LIFE}|overdose|commit suicide)|(?:the )?(?:lethal|fatal) dose|painless ways)`,
  `(?:stopped|talked) ${SELF} (?:from|out of) (?:doing it|going through|jumping|taking)`,
  `(?:put|putting) (?:the|my) (?:${PILLS}|rope|knife|gun) (?:back|away|down)`,
];
const ABORTED = [
  `(?:put|putting) (?:them|it|those) (?:back|away)`,
  `(?:had|held|holding|counted|counting|lined up) (?:out )?(?:the|my|all (?:the|my)|a handful of) ${PILLS}(?: (?:in my hand|out|lined up))?`,
  `(?:stood|standing|sat|sitting) (?:on|at) the (?:edge|ledge|bridge|roof|balcony|tracks)`,
  `got as far as`,
];

const PLAN = [
  `plans? (?:to|for|of) (?:suicide|kill(?:ing)? ${SELF_OR_BARE}|end(?:ing)? (?:it(?: all)?|${LIFE})|tak(?:e|ing) ${LIFE}|overdos\\w*|die)`,
  `(?<=(?:si|ideation|thoughts?) (?:with|w/) (?:a )?(?:specific |clear |detailed |concrete )?)plan`,
];

const INTENT = [
  `intent(?:ion)? (?:to|of) (?:die|dying|kill(?:ing)? ${SELF_OR_BARE}|end(?:ing)? ${LIFE}|harm(?:ing)? ${SELF_OR_BARE}|commit(?:ting)? suicide)`,
  `intends? to (?:kill|end|act|die|do it)`,
  `(?:going to|gonna|i'll|i will|about to|intend to|decided to|ready to) (?:just )?(?:kill ${SELF}|end (?:it all|${LIFE})|take ${LIFE}|commit suicide|end it(?= ?(?:[.,;!?]|$| now| tonight| today| for good)))`,
];

// Cues: counted only next to other risk language, which also decides their category.
const CUE_PLAN = [
  `(?<![*#])(?<!(?:safety|treatment|care|crisis|birth|feeding|sleep|discharge|coping|wellness|action|prevention|family|follow-up|follow up|aftercare|support|backup|back-up|childcare|self-care|session|weekly|daily|medication|med|management|meal|business|payment|insurance|phone|data|work|exercise|diet|game|floor|savings|lesson|pumping|good|new|return-to-work|b|our|the) )plan(?! ?:(?! ?(?:none|no|denied|denies|neg|negative|n/a|nil|absent|yes|endorsed|present)\\b))(?! (?:of|for|to|with|on|about|b|your|my|the|a|an|our|her|his|their|this|that|next|ahead|it|out|around|things|some|what|how|when|where|together)\\b)(?!\\*)`,
  `planned (?:it )?(?:out|how|when|where|it all|everything)`,
  `(?:have|had|has|got) (?:it )?(?:all )?(?:planned|worked out|figured out)`,
  `(?:worked|figured) out (?:exactly )?(?:how|when|where) (?:i|i'd|i'll|she|she'd|i would|i could|to|you)`,
  `(?:picked|chosen|chose|set|choosing|picking) (?:a|the) (?:date|day|time|place|spot|location)`,
  `(?:know|knows|knew) (?:exactly )?(?:how|when|where) (?:i'd|i would|i'll|i will|i could|she'd|she would|to) (?:do it|go)`,
  `(?:worked out )?the details of how`,
];
const CUE_INTENT = [
  `intent(?:ion)?s? (?:to|of) (?:act|acting|follow(?:ing)? through|do(?:ing)? it|go(?:ing)? through with it|act(?:ing)? on (?:it|them|these|those|the|her|his) ?\\w*)`,
  `intent(?:ion)?s?(?! ?:(?! ?(?:none|no|denied|denies|neg|negative|n/a|nil|absent|yes|endorsed|present)\\b))`,
  `intend(?:s|ed)?`,
  `act(?:ing)? on (?:it|them|those|these|the|that|my|any|this)(?: (?:thoughts?|urges?|feelings?|impulses?))?`,
];
// Everyday words that name intent only inside a conversation already about risk.
const CUE_INTENT_WEAK = [
  `(?:do|doing) (?:anything|something)(?: (?:about it|to ${SELF}|like that|stupid))?`,
  `go(?:ing)? through with (?:it|that|anything)`,
  `(?:actually|really) do (?:it|that|anything)`,
  `follow(?:ing)? through`,
  `do it(?= ?(?:[.,;!?"]|$|again|because|for (?:my|her|the)|to (?:my|her|him|them)))`,
  `do (?:that|this|it) to (?:(?:my|the) (?:kids|baby|family|husband|partner|son|daughter|children|mom|mum|parents|boys|girls|little one)|her|him|them|[a-z]+(?= ?(?:[.,;!?]|$)))`,
];
// "I've thought about it", answering a question about suicide.
const CUE_IDEATION = [`(?:thought|think|thinking|thinks) about (?:it|that|doing it)(?= ?(?:[.,;!?]|$|sometimes|a lot|before|often|at night|every))`];
const CUE_METHOD = [
  `methods?(?! ?:(?! ?(?:none|no|denied|denies|neg|negative|n/a|nil|yes|identified)\\b))`,
  `how (?:i|you|she) (?:might|would|could|'d) (?:do it|do that|do this)`,
  `(?:a|the|my \\w+'s|his|our|her) (?:gun|guns|firearms?|rifle|pistol|shotgun)`,
];
const CUE_BEHAVIOR = [
  ...ABORTED,
  `${PILLS} (?:saved|stashed|hidden|stockpiled|hoarded|put) (?:up|away|aside)`,
  `attempts?(?! (?:to|at|were made)\\b)`, `(?:bought|buying|got|purchased|getting) (?:a )?(?:gun|rope|firearm|pistol)`];

const GENERIC = [
  `(?<!non[- ]?)suicid(?:al|ality|es?)(?: (?:ideation|thoughts?|feelings?|ideas?|urges?|impulses?|tendencies|crisis|thinking))?`,
  `suicidal(?= (?:or|and|/) homicidal)`,
  `(?:thoughts?|thinking|thought|ideas?|ideation|think) (?:of|about) (?:maybe |just |possibly |ever )?(?:harming|hurting|injuring) ${SELF_OR_BARE}`,
  `(?:harm|danger|risk) to (?:self|herself|himself|myself|themselves)`,
  `(?:want(?:ed|s|ing)?|wish(?:ed|es|ing)?) to (?:harm|hurt) ${SELF}`,
  `(?:tried|try|tries|trying|attempted|attempt) to (?:hurt|harm|injure) ${SELF}`,
  `(?:felt|feel|feeling|feels) like (?:hurting|harming|injuring) ${SELF}`,
  `(?:want(?:ed|s)?|wanting) (?:it|everything|my life) (?:all )?to (?:end|be over)`,
  `self[- ]?destructive (?:thoughts|ideation)`,
];

export const SI_ENTRIES: readonly LexEntry[] = [
  entry('risk.si.passive', PASSIVE),
  entry('risk.si.passive', [`si[:,]? ?\\(? ?passive`], { noteOnly: true }),
  entry('risk.si.active', ACTIVE),
  entry('risk.si.active', [`si[:,]? ?\\(? ?active`], { noteOnly: true }),
  entry('risk.si.method', METHOD),
  entry('risk.si.behavior', BEHAVIOR),
  entry('risk.si.behavior', [`SA(?: ?x ?\\d+)?`, `OD(?:'d)?`], { noteOnly: true, caseSensitive: true }),
  // "Suicide plan" is a plan, not also unspecified SI; "going to kill myself" is both intent and active SI.
  entry('risk.si.plan', [`suicid(?:e|al) plans?`, ...PLAN.slice(1)]),
  entry('risk.si.plan', PLAN.slice(0, 1), { additive: true }),
  entry('risk.si.intent', [`suicidal intent(?:ion)?`, ...INTENT.slice(0, 2)]),
  entry('risk.si.intent', INTENT.slice(2), { additive: true }),
  entry('risk.si', GENERIC),
  entry('risk.si', [`SI`, `S/I`, `S\\.I\\.`], { noteOnly: true, caseSensitive: true }),
  entry('risk.si.plan', CUE_PLAN, { cue: 'plan' }),
  entry('risk.si.intent', CUE_INTENT, { cue: 'intent' }),
  entry('risk.si.intent', CUE_INTENT_WEAK, { cue: 'intent', weak: true }),
  entry('risk.si.method', CUE_METHOD, { cue: 'method' }),
  entry('risk.si.behavior', CUE_BEHAVIOR, { cue: 'behavior' }),
  entry('risk.si', CUE_IDEATION, { cue: 'ideation', weak: true }),
];

export const CUE_CATEGORY: Record<Family, Record<Cue, RiskCategory | null>> = {
  si: { ideation: 'risk.si', intent: 'risk.si.intent', plan: 'risk.si.plan', method: 'risk.si.method', behavior: 'risk.si.behavior' },
  infant: { ideation: 'risk.harm_to_infant.intrusive', intent: 'risk.harm_to_infant.intent', plan: 'risk.harm_to_infant.intent', method: null, behavior: null },
  hi: { ideation: 'risk.hi', intent: 'risk.hi', plan: 'risk.hi', method: 'risk.hi', behavior: 'risk.hi' },
};
// A bare "plan" or "intent" affirms a risk only when the words before it say so ("has a
// plan", "with plan and intent", "plan: yes"); "Plan going forward" or "the intent of
// today's session" near passive SI must not become a suicide plan or intent.
export const BARE_CUE = /^(?:plans?|intent(?:ion)?s?|intend(?:s|ed)?|methods?|attempts?|do\s+it)$/;
export const AFFIRMED_BEFORE =
  /(?:\b(?:going to|gonna|will|'ll|want to|ready to|decided to|might|has|have|had|having|with|w\/|endorse[sd]?|endorsing|reports?|reported|reporting|made|making|formed|formulated|got|describe[sd]?|admits?|admitted|acknowledge[sd]?|some|any|clear|specific|concrete|detailed|definite|strong|a|and|or|nor|\+)\s+(?:a\s+)?(?:specific\s+|clear\s+|concrete\s+|detailed\s+|definite\s+|some\s+)?|[/,]\s*)$/;
export const AFFIRMED_AFTER = /^\s*[:=]\s*(?:yes|present|endorsed|positive|\+)/;
export const COORDINATED = /\b(?:plan|intent|method)s?\s*(?:,|\/|\bor\b|\band\b|\bnor\b)\s*(?:a\s+)?(?:plan|intent|method)/;

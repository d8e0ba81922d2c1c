import { any, entry, type LexEntry } from './build.ts';
import { INFANT } from './harm.ts';

// Psychosis, intimate partner violence, child safety and substance use. Colloquial
// words with an everyday sense ("paranoid about germs", "seeing things differently",
// "drinking 4 oz") need content around them before they count.

const PSYCHOSIS = [
  `psychos[ie]s`,
  `psychotic(?: (?:symptoms|features|episode|depression|break))?`,
  `hallucinat(?:ions?|ing|ed|es|e|ory)`,
  `(?:command|auditory|visual|tactile|olfactory) hallucinations?`,
  `delusion(?:s|al)?(?: (?:thinking|beliefs?|ideas?))?`,
  `(?:responding|responds|responded) to internal stimuli`,
  `perceptual (?:disturbances?|abnormalit(?:y|ies))`,
  `(?:ideas?|delusions?) of reference`,
  `thought (?:insertion|broadcasting|withdrawal|disorder)`,
  `loose(?:ning of)? associations`,
  `disorganized (?:thinking|thought|thoughts|speech|behaviou?r)`,
  `disorient(?:ed|ation)`,
  `hear(?:ing|d|s)? (?:\\w+ )?voices(?! (?:outside|in the (?:hall\\w*|next room|street|other room|background)|next door|downstairs|upstairs|from the|of reason)\\b)`,
  `voices (?:telling|tell|told|saying|say|said|that (?:tell|told|say|said))`,
  `(?:hear|heard|hearing) (?:a|someone'?s?|god'?s) voice (?:telling|tell|told|saying|call(?:ing)? my name|when (?:no one|nobody))`,
  `(?:hear|heard|hearing) (?:things|someone|people|(?:my|her) name(?: being)?(?: called)?) (?:that (?:aren'?t|weren'?t|isn'?t|wasn'?t) there|when (?:no one|nobody)|(?:talking|whispering|calling)(?: my name)? when|(?:that )?(?:nobody|no one) else|(?:that )?others? (?:can'?t|don'?t|couldn'?t))`,
  `hearing things(?= ?(?:[.,;!?]|$|at night|that|nobody|no one|other people))`,
  `see(?:ing|s)? (?:things|people|shadows|figures|faces|bugs) (?:that (?:aren'?t|weren'?t|isn'?t|wasn'?t) (?:really )?there|(?:that )?(?:nobody|no one) else|(?:that )?others? (?:can'?t|don'?t)|in the corner|out of the corner)`,
  `seeing things(?= ?(?:[.,;!?]|$|at night|that|nobody|no one|other people))`,
  `(?:special (?:messages?|meanings?|signals?|powers?|mission)|messages? (?:meant for me|just for me|in the (?:tv|news|radio|songs?|numbers|license plates)|through the (?:tv|radio))|(?:the )?(?:tv|television|radio|news) (?:is|was) (?:talking|speaking|sending messages) (?:to|about) me)`,
  `${INFANT} (?:isn'?t|is not|'s not|wasn'?t|was not|is no longer) (?:really )?(?:mine|my (?:real )?baby|my (?:real )?(?:son|daughter)|real|human)`,
  `${INFANT}(?:'s| is| was) (?:really )?(?:evil|the devil|possessed|a demon|demonic|cursed|an? (?:imposter|impostor|replacement|changeling|robot))`,
  `(?:she|he)(?: isn'?t| is not|'s not) (?:really )?(?:mine|my (?:real )?baby|real|human)`,
  `(?:she|he)(?:'s| is) (?:really )?(?:an? (?:imposter|impostor|replacement|changeling|robot)|possessed)`,
  `(?:switched|swapped|replaced|changed) (?:my|the|our) baby`,
  `baby (?:was|got|has been|had been) (?:switched|swapped|replaced)`,
  `(?:i'?m|i am|i'?ve been|i was|i feel like i'?m|she is|she'?s|she was) being (?:watched|followed|spied on|poisoned|monitored|recorded|tracked|controlled)`,
  `(?:someone|people|they|the neighbou?rs|the government|the hospital|the doctors|the nurses) (?:is|are|was|were|has been|have been|'s|'re) (?:watching|following|poisoning|spying on|tracking|recording|listening to|controlling) (?:me|us|my (?:thoughts|mind|food))`,
  `(?:cameras?|microphones?|bugs?|chips?|implants?) (?:in|inside) (?:the|my|our) (?:house|walls?|room|head|body|vents?)`,
  `(?:can|could) (?:read|hear|control|steal) my (?:thoughts|mind)`,
  `(?:putting|put|inserting|inserted) thoughts (?:in|into) my (?:head|mind)`,
  `(?:don'?t|do not|can'?t|cannot) (?:know|tell) (?:what'?s|what is|if (?:anything|this|it) is) real`,
  `(?:the devil|satan|demons?) (?:told|tells|is telling|was telling|talks to|speaks to|wants) me`,
  `god (?:told|tells|is telling|was telling) me to (?:hurt|kill|harm|sacrifice|give)`,
];

const PARTNER = any(
  `(?:my|her|his) (?:husband|partner|boyfriend|girlfriend|wife|ex|ex-husband|ex-boyfriend|ex-partner|fianc[eé]e?|spouse|baby'?s (?:dad|father))`,
  'husband', 'partner', 'boyfriend', 'spouse',
);
const ANY_AGENT = any(PARTNER, 'he', 'she', 'they');
const IPV = [
  `(?<=\\b${ANY_AGENT} (?:\\S+ ){0,2}?)(?:hit|hits|hitting|slapped|slaps|choked|chokes|choking|strangled|strangles|punched|punches|beat|beats|beating|raped|rapes|assaulted|assaults|attacked|abused|abuses|shoved|shoves|smacked|smacks|backhanded) (?:me|her)\\b(?! (?:feelings|know|that)\\b)`,
  `(?<=\\b${PARTNER} (?:\\S+ ){0,2}?)(?:kicked|kicks|pushed|pushes|grabbed|grabs|bit|threw (?:\\S+ )?at|throws (?:\\S+ )?at|restrained|pinned|spat on|spit on|hurt|hurts) (?:me|her)\\b(?! (?:to|into|feelings|a|an|some|the)\\b)`,
  `(?<=\\b${ANY_AGENT} (?:\\S+ ){0,2}?)threaten(?:s|ed|ing)? (?:me|her|to (?:kill|hurt|hit|take (?:the baby|the kids|my baby|her baby|the children)|leave (?:me |her )?with nothing|throw (?:me|her) out))`,
  `(?<=\\b${PARTNER} (?:\\S+ ){0,2}?)(?:would|will|'d|'ll|is going to|was going to|gonna) (?:kill|hurt|hit|beat|strangle) (?:me|her)`,
  `(?<=\\b${ANY_AGENT} (?:\\S+ ){0,2}?)(?:grabbed|grabs|grabbing|pulled|pulls|dragged|drags|held|holds|pinned|pins|shoved|pushed|pushes|threw|throws) (?:me|her) (?:by the (?:throat|neck|hair|arms?|wrists?)|against the (?:wall|door|floor|bed|counter)|(?:down|into) the (?:stairs|wall|floor|door)|down)`,
  `(?<=\\b${ANY_AGENT}(?:'ll| will| would|'d| is going to| was going to| said he'd| said she'd| said he would| said she would)? ?)(?:kill|hurt) (?:me|her)(?= if (?:i|she) (?:ever )?(?:leave|left|go|went|tell|told|call|called|take|took|try|tried))`,
  `(?<=\\bif (?:i|she) (?:ever )?(?:leave|left|leaves|go|went|tell|told|call|called|take|took)\\b[^.]{0,40}?\\b(?:he|she|they)(?:'ll| will| would|'d| is going to) )(?:kill|hurt) (?:me|her)`,
  `(?:put|puts|had) (?:his|her) hands? (?:on|around) (?:me|my|her) ?(?:neck|throat)?`,
  `(?<=\\b${ANY_AGENT} (?:\\S+ ){0,3}?)(?:won'?t|doesn'?t|does not|will not|never) (?:let|allow) (?:me|her) (?:to )?(?:see (?:my|her) (?:friends|family|mom|mother|sister|parents)|go (?:out|anywhere|outside)|leave(?: the house)?|have (?:money|my own|her own|a (?:phone|car|bank))|use the (?:car|phone)|drive|talk to|work|get a job|visit)`,
  `(?<=\\b${ANY_AGENT} (?:\\S+ ){0,2}?)(?:controls|controlled|controlling|takes|took|taking|checks|checked|checking|monitors|monitored|monitoring|tracks|tracked|tracking|reads|reading|goes through|went through|going through|keeps|kept|hides|hid|hiding) (?:all )?(?:(?:my|her|the|our) )?(?:money|finances|phone|texts|messages|bank (?:card|account)|car keys|keys|location|accounts?|cards?|passport|paycheck|email)`,
  `(?:afraid|scared|terrified|frightened) of (?:him(?! \\w+ing)|${PARTNER})`,
  `(?:forced|forces|made|makes|pressured|pressures) (?:me|her) (?:to )?(?:have sex|into sex)`,
  `(?:intimate partner|domestic|family) (?:violence|abuse)`,
  `partner (?:violence|abuse|aggression)`,
  `abusive (?:relationship|partner|husband|boyfriend|ex|marriage|spouse)`,
  `(?:physical(?:ly)?|sexual(?:ly)?|emotional(?:ly)?|verbal(?:ly)?) abus\\w* by (?:her |his |their )?(?:partner|husband|boyfriend|ex|spouse|wife)`,
  `coercive control`,
  `violence (?:at home|in the (?:home|relationship))`,
];
const IPV_SAFETY = [
  `(?:feels?|felt|feeling) (?:un)?safe (?:at home|in (?:her|my|the) (?:home|relationship)|with (?:him|her|(?:my|her) (?:husband|partner|boyfriend|wife|girlfriend)))`,
  `(?:un)?safe (?:at home|in (?:her|my|the) relationship)`,
];

const THIRD_PARTY = `(?<=\\b(?:he|she|they|(?:my|her) (?:husband|partner|boyfriend|ex|mom|mother|mother-in-law|dad|stepdad|father|sitter|nanny))\\b(?: \\S+){0,2} )`;
const FIRST_PERSON = `(?<=\\b(?:i|she|client|pt)\\b(?: \\S+){0,2} )`;
const CHILD_SAFETY = [
  `(?:cps|dcfs|dcf|child protective services|children'?s aid(?: society)?|child protection(?: services)?)`,
  `social services (?:came|took|involved|called|report|visit)\\w*`,
  `mandat(?:ed|ory) report(?:ing|er|ed)?`,
  `child (?:abuse|neglect|endangerment|maltreatment|safety concerns?|welfare concerns?)`,
  `(?<!self[- ])neglect(?:ed|ing|ful)? (?:of )?${INFANT}`,
  `(?:left|leave|leaving|leaves) ${INFANT} (?:alone|unattended|by (?:him|her)self|in the (?:car|bath|tub))`,
  `(?:forgot|forget|forgetting|forgotten) to feed`,
  `${THIRD_PARTY}(?:hit|hits|shook|shakes|shaking|slapped|slaps|spanked|spanks|threw|throws|grabbed|grabs|yanked|punched|kicked|choked|burned|bruised|smacked|smacks|hurt|hurts) ${INFANT}`,
  `${FIRST_PERSON}(?:shook|slapped|spanked|threw|yanked|punched|kicked|smacked|bruised) ${INFANT}`,
  `bruises? (?:on|all over) (?:the baby|${INFANT})`,
  `shaken baby`,
  `(?:rough|violent|aggressive) with ${INFANT}`,
  `unsafe (?:sleep|environment|home) for ${INFANT}`,
  `(?:drunk|high|intoxicated|wasted) (?:while|when) (?:\\S+ ){0,2}?(?:watching|caring for|holding|feeding|looking after|alone with) ${INFANT}`,
];

const DRUGS = any(
  'weed', 'cannabis', 'marijuana', 'thc', 'edibles', 'cocaine', 'meth(?:amphetamine)?', 'crack', 'heroin', 'fentanyl',
  'opioids?', 'opiates?', 'oxycodone', 'oxycontin', 'oxys?', 'percocets?', 'vicodin', 'molly', 'mdma', 'ecstasy', 'ketamine', 'benzos',
);
// Words that are drugs only in a drug context: "the crack of dawn", "cracked nipples",
// "have a crack at it"; Molly is also a name. Alone they never count.
const BARE_DRUGS = any(
  'weed', 'cannabis', 'marijuana', 'thc', 'edibles', 'cocaine', 'meth(?:amphetamine)?', 'crack (?:cocaine|pipes?|rocks?|houses?)', 'heroin', 'fentanyl',
  'opioids?', 'opiates?', 'oxycodone', 'oxycontin', 'oxys?', 'percocets?', 'vicodin', 'mdma', 'ecstasy', 'ketamine', 'benzos',
);
const SUBSTANCE = [
  `(?:drinking|drink|drinks|drank|drunk) (?:alcohol|wine|beer|vodka|liquor|booze|heavily|a lot|too much|more|every (?:night|day)|daily|nightly|to (?:cope|sleep|numb|relax|forget|get through|take the edge)|again|alone|by myself|during the day|in the morning|while (?:breastfeeding|pregnant|watching|caring|holding))`,
  `(?:got|get|getting|been|was|were) (?:really |so )?(?:drunk|wasted|hammered|high|stoned)`,
  `(?:binge|heavy|problem) drink\\w*`,
  `black(?:ed)? ?out|black ?outs`,
  `hung ?over|hangovers?`,
  `(?:bottles?|glass(?:es)?|drinks|shots|beers|cans) (?:of \\w+ )?(?:a|per|every|each) (?:night|day|evening)`,
  `(?:a|one|whole|entire|half a) bottle of (?:wine|vodka|whiskey|gin|rum|tequila)`,
  `(?:few|couple of|couple|several|\\d+|two|three|four|five|six|seven|eight|too many) (?:drinks|beers|glasses of wine|shots)`,
  `glass(?:es)? of wine`,
  `alcohol(?: (?:use|abuse|misuse|dependence|intake|consumption|use disorder))?`,
  `(?:etoh|etoh use)`,
  `substance (?:use|abuse|misuse)(?: disorder)?`,
  `(?:drug|cannabis|opioid|stimulant|benzodiazepine|polysubstance|marijuana|thc) (?:use|abuse|misuse)(?: disorder)?`,
  `(?:smok\\w+|using|use|uses|used|taking|took|vap\\w+|do|doing|did|snort\\w*|popping|buying|bought) (?:some )?(?:${DRUGS}|pot|coke|drugs|pills (?:to (?:cope|sleep|numb|get through|calm))|xanax (?:to|that|from))`,
  `${BARE_DRUGS}`,
  `(?:on|off|addicted to|hooked on) (?:crack|molly)`,
  `(?:relapse[ds]?|relapsing) (?:on|with) (?:alcohol|drinking|drugs|${DRUGS})`,
  `cravings? (?:for|to) (?:drink|alcohol|use|${DRUGS})`,
  `(?:using|use|take|taking|popping) (?:\\S+ )?(?:pills|xanax|ativan|klonopin) to (?:cope|numb|get through|escape|feel)`,
];

export const OTHER_ENTRIES: readonly LexEntry[] = [
  entry('risk.psychosis', PSYCHOSIS),
  entry('risk.psychosis', [`paranoi(?:a|d)(?: (?:ideation|thoughts|delusions?))?`], { noteOnly: true }),
  entry('risk.psychosis', [`AVH`, `A/VH`, `AH/VH`, `AH`, `VH`, `A/V/H`, `PPP`, `RIS`], { noteOnly: true, caseSensitive: true }),
  entry('risk.ipv', IPV),
  entry('risk.ipv', IPV_SAFETY, { inverted: true }),
  entry('risk.ipv', [`IPV`, `DV`], { noteOnly: true, caseSensitive: true }),
  entry('risk.child_safety', CHILD_SAFETY),
  entry('risk.substance', SUBSTANCE),
  entry('risk.substance', [`EtOH`, `ETOH`, `AUD`, `UDS`], { noteOnly: true, caseSensitive: true }),
];

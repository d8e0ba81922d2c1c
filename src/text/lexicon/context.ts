import type { TextMode } from '../riskTypes.ts';
import { any, pattern } from './build.ts';

/**
 * ConText trigger kinds (Harkema 2009). `pseudo` phrases look like triggers but are not
 * ("no change in", "can't stop"); `terminate` and `affirm` end a scope; `current` ends
 * a historical or hypothetical scope ("currently", "last night"); `question` marks a
 * risk that was asked about, which counts only with an answer ("screened for SI: negative");
 * `pastReport` dates a report ("at intake", "previously"), turning a denial into history.
 */
export type TriggerKind =
  | 'negated'
  | 'historical'
  | 'hypothetical'
  | 'other'
  | 'question'
  | 'pseudo'
  | 'terminate'
  | 'affirm'
  | 'current'
  | 'pastReport';
export type Direction = 'forward' | 'backward' | 'both';

export interface TriggerRule {
  readonly kind: TriggerKind;
  readonly direction: Direction;
  readonly re: RegExp;
  /** NegEx-style window: the mention must start within this many words of the trigger. */
  readonly maxWords?: number;
  readonly mode?: TextMode;
  /** Says outright that the experience is someone else's, even for IPV and child safety. */
  readonly explicit?: boolean;
}

interface RuleOptions {
  maxWords?: number;
  mode?: TextMode;
  /** Punctuation triggers (";", " - ") take no word boundaries. */
  punctuation?: boolean;
  explicit?: boolean;
}

const rule = (kind: TriggerKind, direction: Direction, sources: readonly string[], opts: RuleOptions = {}): TriggerRule => ({
  kind,
  direction,
  re: pattern(sources, false, !opts.punctuation),
  ...(opts.maxWords !== undefined ? { maxWords: opts.maxWords } : {}),
  ...(opts.mode ? { mode: opts.mode } : {}),
  ...(opts.explicit ? { explicit: true } : {}),
});

const KIN = any(
  'mother', 'mom', 'mum', 'mama', 'mommy', 'father', 'dad', 'daddy', 'papa', 'sister', 'brother', 'siblings?', 'aunt', 'auntie',
  'uncle', 'cousin', 'grandmother', 'grandma', 'granny', 'nana', 'grandfather', 'grandpa', 'grandparents?', 'niece', 'nephew',
  'husband', 'wife', 'partner', 'boyfriend', 'girlfriend', 'fianc[eé]e?', 'ex', 'friend', 'coworker', 'co-worker', 'colleague',
  'boss', 'neighbou?r', 'roommate', '(?:mother|father|sister|brother)-in-law', 'in-laws?', 'step(?:mom|dad|mother|father|sister|brother)',
  'son', 'daughter', 'family member', 'relative', 'classmate', 'teacher',
);
const AGE = `(?:\\d{1,2}|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|thirty)`;
const WHOSE = `(?:my|her|his|their|our|client'?s|pt'?s|patient'?s) (?:(?:older|younger|little|big|best|twin|late|former|ex|own|maternal|paternal|first) )?`;
// Words that end a "when X returns" clause's lookahead: the trigger is the "if" itself.
const RETURNS = `(?=(?: \\S+){0,6}? (?:return|returns|returned|come back|comes back|came back|recur|recurs|worsen|worsens|get worse|gets worse|got worse|increase|increases|intensif\\w+|escalat\\w+|emerge|emerges|re-?emerge\\w*|arise|arises|occur|occurs|start|starts|begin|begins|develop|develops|become|becomes|get bad|gets bad|got bad|get really bad|got really bad|feel unsafe|feels unsafe)\\b)`;
// "In the past three weeks" is now, clinically: recent enough to be current risk.
const NUM = `(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten)`;
const RECENT = `(?:week|${NUM} weeks|few (?:days|weeks|nights)|month|${NUM} (?:days|nights)|couple (?:of )?(?:days|weeks)|several (?:days|weeks)|fortnight|24|48|72)`;
const END = `(?= ?(?:[.,;:)!?\\]]|$|at (?:this|that) time|today|currently|per\\b|by\\b|on (?:screen\\w*|assessment|exam|c-?ssrs)|this (?:session|visit)|(?:and|or)\\b))`;

const CUE_WORD = `(?:(?:access to )?(?:plans?|intent|methods?|means))`;

export const TRIGGERS: readonly TriggerRule[] = [
  rule('pseudo', 'forward', [
    `no (?:significant )?(?:increase|change|worsening|improvement|decrease) (?:in|of)`,
    `not (?:only|just|necessarily|certain (?:if|whether)|sure|ruled out|excluded)`,
    `no (?:doubt|wonder|matter|idea|one|sleep|energy|time|help|support|break|rest|appetite)`,
    `no-one`,
    `not (?:sleeping|eating|coping|okay|ok|good|well|doing (?:well|great|good)|feeling (?:well|good|great|myself|like myself)|a day goes by)`,
    `not (?:been )?able to stop`,
    `(?:i'?m )?not saying`,
    `(?:can'?t|cannot|couldn'?t|could not) (?:stop|help|shake|shut|turn off|get (?:it|them|rid|the)|seem to (?:stop|shake|get)|cope|sleep|breathe|focus|think straight)`,
    `(?:can'?t|cannot|couldn'?t|could not) do (?:this|it|anything)(?= (?:any ?more|all|alone|on my own|by myself|right|properly|well|without)\\b)`,
    `(?:won'?t|doesn'?t|don'?t|didn'?t) (?:stop|go away|leave)`,
    `never(?:[- ]ending| (?:stops?|ends?|ending|goes away|go away|leaves?))`,
    `(?:don'?t|do not|didn'?t|doesn'?t|does not) know`,
    `(?:doesn'?t|don'?t|didn'?t|does not|do not|did not|wouldn'?t|won'?t|can'?t|never) (?:\\w+ )?(?:knows?|realize|realise|understand|notice|see|tell|told|say|said|mean|remember|ask|asked|believe)(?! (?:that )?(?:i|she) (?:would|could|will|'d))`,
    `(?:wouldn'?t|would not|don'?t|do not|didn'?t) (?:mind|care)`,
    `without (?:a )?doubt`,
    `(?:i'?m|am|get|got|getting|be|being|is|was|she'?s|were) used to`,
    `prior to`,
    `(?:think|thinking|thought|thoughts|wonder\\w*|like|go|goes|went|asking myself),? what if`,
  ]),
  // A bare "No," or "Not really," opening a spoken answer answers the question; it does
  // not negate what follows ("Not really, I just feel they'd be better off without me").
  rule('pseudo', 'forward', [`^\\W*(?:no|nope|nah|not really|not at all|never|not lately|not recently|no no)(?= ?[,.!;-])`]),
  rule('negated', 'forward', [
    `denies`, `denied`, `deny`, `denying`, `denial of`, `refutes`, `refuted`,
    `(?:negative|neg|screened negative) for`, `free (?:of|from)`, `absence of`,
    `no (?:evidence|signs?|indication|reports?|hx|history|h/o) of`, `no (?:prior|previous|past|lifetime) (?:hx|history)(?: of)?`,
    `rules? out`, `ruled out for`,
    `(?:not|does not|did not|doesn'?t|didn'?t) (?:endorse|report)\\w*`, `not (?:having|experiencing|currently|at this time)`,
    `(?:has|have|had) never`, `never had`,
  ]),
  rule('negated', 'forward', [`without`, `w/o`, `neither`, `nor`], { maxWords: 4 }),
  rule('negated', 'forward', [`no`, `never`, `\\(-\\)`, `none of`], { maxWords: 6 }),
  // Checklist shorthand: "+SI, -HI".
  rule('negated', 'forward', [`(?<=^|[\\s,;(/])-(?=[a-z])`], { maxWords: 0, punctuation: true }),
  rule('negated', 'forward', [`not`, `cannot`, `(?:do|does|did|have|has|had|is|are|was|were|wo|would|ca|could|should|ai)n'?t`], { maxWords: 5 }),
  rule('negated', 'backward', [
    `(?:(?:was|were|is|are|has been|have been) )?(?:denied|not (?:endorsed|reported|present|elicited|expressed|voiced|noted|observed|evident|indicated)|absent|negative|neg|ruled out|none|nil|unlikely)${END}`,
    `(?<=: ?)(?:no|denies|deny)${END}`,
    `\\(-\\)`,
  ], { maxWords: 6 }),
  rule('historical', 'forward', [
    `(?:past |remote |prior |previous |significant )?(?:history|hx|hist\\.?) of`, `h/o`, `hx(?= \\S)`,
    `previous(?:ly)?`, `prior`, `past(?! ${RECENT})`, `remote`, `lifetime`, `used to`, `back (?:when|then|in)`, `s/p`,
    `status post`, `no longer`, `childhood`, `once had`, `had a history`,
  ]),
  rule('historical', 'both', [
    `as a (?:teen(?:ager)?|kid|child|young adult|student|young woman)`,
    `in (?:high school|college|university|middle school|my (?:teens|twenties|20s|late teens|early twenties|early 20s))`,
    `when (?:i|she|he|we) (?:was|were) (?:younger|a (?:teen(?:ager)?|kid|child|student)|teenagers|kids|in (?:high school|college|university|middle school|uni)|${AGE}|little|pregnant with (?:my|her) (?:first|older|son|daughter))`,
    `(?:after|with) (?:my|her|the) (?:first|older|previous|last|other) (?:baby|pregnancy|birth|child|son|daughter|delivery)`,
    `(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|several|many|a few|a couple of|a couple|some) (?:years?|yrs?) ago`,
    `(?:several|many|a few|\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven) months ago`,
    `years ago`, `last year`, `long ago`, `a long time ago`, `once before`, `way back`,
    `(?:in|during) the past(?! ${RECENT})`,
    `(?:at|age|aged) (?:age )?${AGE}(?= ?(?:[.,;)(]|$|years? old|yrs?|y/?o|when|and|after|while|in|during))`,
    `in (?:19|20)\\d\\d`, `as a teen\\w*`, `resolved`, `remitted`, `back in (?:the day|\\d+|high school|college)`,
  ]),
  rule('current', 'both', [
    `currently`, `current`, `recent`, `now`, `today`, `tonight`, `this (?:week|month|morning|evening|session)`, `recently`, `lately`,
    `these days`, `since (?:the )?(?:birth|baby|delivery)`, `since (?:she|he) was born`, `last (?:night|week)`, `yesterday`,
    `at present`, `presently`, `right now`, `again`, `still`, `(?:in )?the (?:past|last) ${RECENT}`, `past ${RECENT}`,
  ]),
  // "Denied SI at intake; now endorses passive SI": the denial is history, not a current denial.
  rule('pastReport', 'both', [
    `previously`, `initially`, `at first`, `when first asked`, `at intake`,
    `(?:at|during|in) (?:the |her |my )?(?:intake|initial (?:session|visit|assessment|evaluation|appointment)|first (?:session|visit|appointment))`,
    `(?:at |in |during )?(?:the )?(?:previous|prior|last) (?:session|visit|appointment|time)`,
    // "He's never put his hands on me before" (this week's shove).
    `before(?= ?(?:[.,;!?]|$|that|this|then|now|thursday|monday|tuesday|wednesday|friday|saturday|sunday|last))`, `until (?:now|then|that|this)`,
  ]),
  rule('hypothetical', 'forward', [
    `if (?:i|she|you|he|they|client|pt)? ?ever`, `if ever`, `in case(?: of| that)?`, `in the event (?:of|that)`,
    `should (?:she|he|i|client|pt|they|you|symptoms|thoughts|si|it|these|those|this|the|any)`, `were (?:she|i|he) to`,
    `what if(?! (?:i|she)\\b)`, `(?:would|will|'d|'ll|to|plans to|agreed to|knows to|can|could) (?:call|text|contact|go to|present to|reach out|use (?:her|the|my) safety|tell)`,
    `risk (?:of|for)`, `at risk`, `warning signs`, `signs to watch`, `psycho-?education`, `educat\\w+ (?:on|about|regarding)`,
    `education (?:on|about|regarding)`, `information (?:on|about)`, `prevent\\w*`, `in the future`, `could (?:potentially|possibly)`,
    `safety plan(?:ning)? (?:for|if|in case|around|to)`, `coping (?:plan|strategies) (?:for|if)`, `what would (?:you|she|i) do if`,
    `(?:if|when|whenever)${RETURNS}`,
  ]),
  rule('other', 'forward', [
    `${WHOSE}${KIN}(?!'s)`, `(?:maternal|paternal) ${KIN}`,
    `(?:a|one|another|some) (?:\\w+ )?(?:woman|women|mom|mum|mother|girl|lady|friend|guy|man|person|people|patient|mothers|moms) (?:in|from|at) (?:my|the|our|her) \\w+`,
    `someone (?:i know|close to me|in my (?:family|group|class))`,
  ]),
  rule('other', 'forward', [`${WHOSE}${KIN}'s`], { maxWords: 2 }),
  // Notes drop the possessive: "Mother with hx of PPD; mother reported passive death wishes."
  rule('other', 'forward', [`(?<=(?:^|[;:,.(] ?))(?:mother|father|sister|brother|aunt|uncle|cousin|grandmother|grandfather|husband|partner)`], { mode: 'note' }),
  rule('other', 'forward', [`(?:maternal|paternal) (?:history|hx)`]),
  rule('other', 'backward', [`in (?:another (?:person|woman|mother|mom|patient)|someone else|other people|a friend)`], { explicit: true }),
  rule('other', 'both', [`family (?:history|hx)`, `fhx?`, `fam hx`, `runs in (?:the|my|her|our) family`, `in (?:the|my|her) family`]),
  rule('question', 'forward', [
    `asked (?:\\S+ )?about`, `ask(?:ing|s)? (?:\\S+ )?about`, `ask(?:ed|ing|s)? (?:\\S+ ){0,4}?(?:if|whether)`, `screen(?:ed|ing)? for`,
    `assess(?:ed|ing)? for`, `assessment (?:for|of)`, `inquir\\w+ (?:about|re|regarding|into)`, `evaluat\\w+ for`,
    `explored whether`, `queried`, `probed(?: for)?`, `question(?:ed)? about`,
  ]),
  rule('question', 'backward', [`(?:(?:was|were) )?(?:assessed|screened|explored|asked about|inquired about|queried)(?= ?(?:[.,;:)]|$|and|with|using|via|per))`]),
  rule('terminate', 'both', [
    `but`, `however`, `although`, `though`, `except`, `yet`, `aside from`, `apart from`, `other than`, `since`, `which`,
    `nevertheless`, `whereas`, `while`, `instead`, `more like`, `beyond`, `besides`, `outside of`, `but for`,
    `given`, `due to`, `secondary to`, `because of`, `in light of`, `as evidenced by`,
    `(?:and|so|because|cause|'cause) (?=(?:i|i'm|i've|i'd|i'll|she|he|they)\\b)`,
  ]),
  rule('terminate', 'both', [
    // "Denies SI; plan, intent." is one denial: a bare list of cue words after the
    // semicolon has no verb of its own, so the denial runs on to it.
    `;(?! ?${CUE_WORD}(?: ?(?:,|/|or|and|nor) ?${CUE_WORD})* ?(?:[.]|$))`, `(?<= )[-\u2013\u2014](?= )`, `\u2014`,
    `,(?= (?:and |but |so )?(?:i|i'm|i've|i'd|i'll|she|he|they|client|pt|patient|sometimes|just|only|it'?s more)\\b)`,
  ], { punctuation: true }),
  rule('affirm', 'both', [
    `endorse[sd]?`, `endorsing`, `admit(?:s|ted)?`, `acknowledg\\w+`, `reports`, `reported`, `reporting`, `describe[sd]?`,
    `describing`, `voice[sd]`, `disclose[sd]`, `express(?:es|ed)`, `state[sd]`, `confirm(?:s|ed)`,
    `(?:positive|notable|significant|screened positive) for`, `presents? with`, `(?:does|did) (?:have|report|endorse|experience|admit|acknowledge)`,
    `yes`, `\\(\\+\\)`,
  ]),
];

/** Words that name the client, ending another person's scope ("my mom doesn't know I..."). */
export const CLIENT_REFERENT: Record<TextMode, RegExp> = {
  speech: /\b(?:i|i'm|i've|i'd|i'll|me|my|myself|mine)\b/,
  note: /\b(?:client|pt|patient|she|her|herself|he|him|himself)\b/,
};

/** After a question trigger, the words that answer it. */
export const ANSWER_DENIED = /\b(?:denied|denies|negative|neg|none|no|not endorsed|did not|didn'?t|nothing)\b/;
export const ANSWER_PRESENT = /\b(?:endorsed|endorses|positive|affirmed|yes|admitted|acknowledged|reported(?! no)|reports(?! no))\b/;

/** What a section heading says about everything under it: family history is someone else's. */
export function sectionDefault(heading: string | null, triggers: readonly { kind: TriggerKind }[]): 'historical' | 'other' | null {
  if (!heading) return null;
  if (/\bfamily\b.*\b(?:history|hx)\b|\bfhx?\b/i.test(heading)) return 'other';
  const past = /\bpast\b.*\b(?:history|hx)\b|\bpph\b|\bpmh\b|\bpsychiatric (?:history|hx)\b/i.test(heading);
  const current = /\b(?:present|current|hpi)\b/i.test(heading) || triggers.some((t) => t.kind === 'current');
  return past && !current ? 'historical' : null;
}

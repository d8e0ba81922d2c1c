// Spoken answers to a yes/no question. Fillers first ("Um, honestly? Yeah."), then
// the answer. A "no" that opens a longer sentence still answers the question: "No,
// but sometimes I wish I could disappear" denies active SI, if that was asked, and
// voices passive SI (risk.ts keeps such a "no" from denying SI as a whole).

const FILLER = String.raw`(?:(?:um+|uh+|erm|well|honestly|i mean|so|okay|ok|oh|hm+|mm+|yeah,? no|to be honest|i guess)[\s,.?!]+)*`;

// "I haven't." answers; "I'm not leaving him." is a sentence of its own.
const NO_CLAUSE = String.raw`(?= ?(?:[.,!?;-]|$|think so|really|at all|no\b|never|any ?more|lately|recently|ever))`;
const YES_CLAUSE = String.raw`(?= ?(?:[.,!?;-]|$|yeah|yes|sometimes|think|feel|get|wonder|a few|once|twice))`;

const YES = new RegExp(
  String.raw`^\W*${FILLER}(?<answer>yes|yeah|yep|yup|yea|ya|mm-?hmm|uh-?huh|(?:i have|i do|i did|i am|i'?ve had)${YES_CLAUSE}|i guess so|i think so|sometimes|a few times|once or twice|a couple (?:of )?times|a little|a bit|kind of|kinda|sort of|maybe|occasionally|now and then|every (?:day|night)|a lot|all the time|more than i'?d like|lately|it'?s crossed my mind|it has crossed my mind|they come and go|once|twice|honestly,? yes|definitely|constantly|often|only (?:when|at|if|sometimes|once|a few)|mostly|usually|just (?:when|at|sometimes)|at night|when i'?m|every so often|here and there|on and off|off and on|the odd time|on bad days)\b`,
  'i',
);
const NO = new RegExp(
  String.raw`^\W*${FILLER}(?<answer>no|nope|nah|never|not really|not at all|no way|god no|absolutely not|definitely not|nothing like that|(?:i haven'?t|i have not|i don'?t|i do not|i'?m not|i am not|i wouldn'?t)${NO_CLAUSE}|none|not lately|not recently|not that i|not (?:at the moment|right now|currently|today|this week|at the minute))\b`,
  'i',
);
const HISTORICAL = /^\W*(?:not (?:anymore|any more|since)|i used to|used to|in the past|years ago)\b/i;

/** "No, but..." and "I haven't tried anything, but..." qualify a denial. */
export const QUALIFIED = /\b(?:but|though|although|except|other than|apart from|only|just)\b/;

export interface Answer {
  polarity: 'present' | 'denied' | 'historical';
  /** The answer words, offsets into the sentence. */
  start: number;
  end: number;
  /** The answer stands alone ("No," / "Yes."), not the start of a clause ("I don't want to die"). */
  standalone: boolean;
}

/** The answer a spoken sentence opens with, if it opens with one. */
export function answerOf(sentence: string): Answer | null {
  const hist = HISTORICAL.exec(sentence);
  if (hist) return { polarity: 'historical', start: hist.index, end: hist[0].length, standalone: true };
  for (const [re, polarity] of [[NO, 'denied'], [YES, 'present']] as const) {
    const m = re.exec(sentence);
    const word = m?.groups?.['answer'];
    if (!m || word === undefined) continue;
    const end = m[0].length;
    const start = end - word.length;
    const standalone = /^\s*(?:[,.!?;:-]|$|(?:yeah|yes|no|never|nope|sometimes|i have|i do|not really)\b)/i.test(sentence.slice(end));
    return { polarity, start, end, standalone };
  }
  return null;
}

/** A sentence with no content of its own ("Honestly?", "Um."), before the real answer. */
const ONLY_FILLER = new RegExp(String.raw`^\W*${FILLER}\W*$`, 'i');

export function isFiller(sentence: string): boolean {
  return ONLY_FILLER.test(`${sentence} `);
}

/** A sentence that asks something: a question mark, or the shape of a spoken question. */
export function isQuestion(sentence: string): boolean {
  return /\?\s*["')\]]*\s*$/.test(sentence) || /^\W*(?:have|has|do|does|did|are|is|were|was|would|could|any|ever|how about|and any)\b/i.test(sentence);
}

// "Has that happened for you?" and "anything like that?" point back to the sentence
// before; "Is that alright?" does not.
export const POINTS_BACK = /\b(?:anything|something|any of (?:that|those|this))\b(?: like (?:that|this))?/;
export const ASKS_EXPERIENCE = [/\b(?:that|this|it|those|these|them)\b/, /\byou\b/, /\b(?:happen\w*|felt|feel\w*|had|have|get|gets|got|experienc\w+|been|thought|think|notice\w*|relate)\b/];
export const CHECKS_IN = /\b(?:alright|all right|okay|ok|fine|make sense)\b/;
// A therapist talking about "the pictures" or "those images" means intrusive images of harm.
export const IMAGE_TALK = /\b(?:pictures?|images?|intrusive|flash(?:es)?|visions?|scary thoughts)\b/;
// Read-backs: "So no thoughts about how you'd do it.", "It sounds like you've...".
export const READ_BACK = /^\W*(?:so|and|no|not|never|okay,? so|right,? so|just to check|to check|it sounds like|sounds like|so it sounds like)\b/;

import type { Assertion } from '../domain/categories.ts';
import {
  ANSWER_DENIED,
  ANSWER_PRESENT,
  CLIENT_REFERENT,
  TRIGGERS,
  type Direction,
  type TriggerKind,
} from './lexicon/context.ts';
import type { TextMode } from './riskTypes.ts';

/** A ConText trigger found in one sentence; offsets are into that sentence. */
export interface Trigger {
  kind: TriggerKind;
  direction: Direction;
  start: number;
  end: number;
  maxWords?: number;
  explicit?: boolean;
}

export interface MentionSpan {
  start: number;
  end: number;
}

export interface AssertionInput {
  /** The sentence, folded (lower case, straight quotes). */
  sentence: string;
  span: MentionSpan;
  triggers: readonly Trigger[];
  mode: TextMode;
  /** False for risks that involve another person by nature (IPV, child safety). */
  experiencer: boolean;
  /** What the section heading implies when nothing in the sentence says otherwise. */
  sectionDefault?: 'historical' | 'other' | null;
}

const len = (t: { start: number; end: number }): number => t.end - t.start;
const overlaps = (a: MentionSpan, b: MentionSpan): boolean => a.start < b.end && b.start < a.end;

/**
 * Every trigger in a sentence, after NegEx's rules: pseudo-triggers ("no change in",
 * "can't stop") cancel the triggers they overlap, and a trigger inside a longer one
 * ("no" in "no history of") gives way to it.
 */
export function findTriggers(sentence: string, mode: TextMode): Trigger[] {
  const found: Trigger[] = [];
  for (const rule of TRIGGERS) {
    if (rule.mode && rule.mode !== mode) continue;
    for (const m of sentence.matchAll(rule.re)) {
      if (m[0].length === 0) continue;
      const t: Trigger = { kind: rule.kind, direction: rule.direction, start: m.index, end: m.index + m[0].length };
      if (rule.maxWords !== undefined) t.maxWords = rule.maxWords;
      if (rule.explicit) t.explicit = true;
      found.push(t);
    }
  }
  const pseudo = found.filter((t) => t.kind === 'pseudo');
  return found
    .filter((t) => t.kind !== 'pseudo' && !pseudo.some((p) => overlaps(p, t)))
    .filter((t, _, all) => !all.some((o) => o !== t && o.start <= t.start && o.end >= t.end && len(o) > len(t)))
    .sort((a, b) => a.start - b.start);
}

function blocks(kind: TriggerKind, blocker: TriggerKind): boolean {
  if (blocker === 'terminate' || blocker === kind) return true;
  if (blocker === 'affirm') return kind === 'negated' || kind === 'question';
  if (blocker === 'current') return kind === 'historical' || kind === 'hypothetical' || kind === 'pastReport';
  return false;
}

const EXCEPTION = /^[^.;]{0,30}?\b(?:other than|except(?: for)?|besides|apart from|aside from|beyond|outside of|but for)\b/;

// A diary-card or checklist rating of zero right after the risk: "suicidal thoughts 0",
// "self-harm urges 0/5", "SI: 0", "urges rated 0 out of 10". Zero is an answer: absent.
// "SI rating 0/5" and "suicidal thoughts: none (0/5)" too.
const ZERO_RATING =
  /^\s*(?:(?:urges?|thoughts?|ideation|rating|score|level)\s*){0,2}(?:[:=-]\s*)?(?:(?:rated|at|of|was|were)\s+)?(?:none\s*)?\(?0(?:\s*\/\s*\d{1,2}|\s+out of\s+\d{1,2})?(?![\d.,]\d|\s*[-–]\s*\d)/;
// A zero for some days is no zero for the week: "0/5 Mon-Sat, 3/5 Sunday".
const DAYS = `(?:(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day)?s?|weekends?|weekdays?|most days|other days|some days|today|yesterday|last night)`;
const LATER_NONZERO = new RegExp(
  `^\\)?\\s*(?:${DAYS}(?:\\s*[-–]\\s*${DAYS})?)?\\s*[,;]?\\s*(?:but|and|then|except)?\\s*(?:(?:on|at|by)\\s+)?(?:${DAYS}\\s*[-–:]?\\s*)?(?:[1-9]|10)\\s*(?:\\/\\s*\\d{1,2}|out of)`,
);

/** A diary-card rating of zero right after the risk, and no higher rating on other days. */
function ratedZero(after: string): boolean {
  const zero = ZERO_RATING.exec(after);
  return zero !== null && !LATER_NONZERO.test(after.slice(zero[0].length));
}

const wordCount = (s: string): number => (s.match(/[a-z0-9'/-]+/g) ?? []).length;

// "SI, HI denied" denies both; "Passive SI, HI denied" denies only HI. A backward
// negation crosses a comma only along a list of bare abbreviations.
const BARE = /^\s*(?:(?:and|or)\s+)?(?:si|hi|avh|a\/vh|ah|vh|sh|nssi|sa|suicidal ideation|homicidal ideation|suicidality|psychosis|ipv|dv)?\s*$/;

function coversForward(input: AssertionInput, t: Trigger, active: readonly Trigger[]): boolean {
  const { span, sentence, mode } = input;
  if (t.end > span.start) return false;
  if (active.some((b) => b !== t && b.start >= t.end && b.start < span.start && blocks(t.kind, b.kind))) return false;
  const between = sentence.slice(t.end, span.start);
  if (t.maxWords !== undefined && wordCount(between) > t.maxWords) return false;
  // Another person's scope ends at the client ("my mom doesn't know I...") and at a
  // list comma ("her sister Jen, a supportive partner, no previous attempts").
  if (t.kind === 'other' && (CLIENT_REFERENT[mode].test(between) || between.includes(','))) return false;
  return true;
}

function coversBackward(input: AssertionInput, t: Trigger, active: readonly Trigger[]): boolean {
  const { span, sentence } = input;
  if (t.start < span.end) return false;
  if (active.some((b) => b !== t && b.end <= t.start && b.end > span.end && blocks(t.kind, b.kind))) return false;
  const between = sentence.slice(span.end, t.start);
  if (t.maxWords !== undefined && wordCount(between) > t.maxWords) return false;
  if (t.kind === 'negated' && between.includes(',')) {
    const bare = BARE.test(sentence.slice(span.start, span.end)) && between.split(',').every((c) => BARE.test(c));
    if (!bare) return false;
  }
  return true;
}

function covers(input: AssertionInput, t: Trigger, active: readonly Trigger[]): boolean {
  const fwd = t.direction !== 'backward' && coversForward(input, t, active);
  return fwd || (t.direction !== 'forward' && coversBackward(input, t, active));
}

/** A risk that was only asked about counts when the sentence gives the answer. */
function answerAfter(sentence: string, from: number): Assertion | null {
  const rest = sentence.slice(from);
  const denied = ANSWER_DENIED.exec(rest);
  const present = ANSWER_PRESENT.exec(rest);
  if (denied && (!present || denied.index < present.index)) return 'denied';
  return present ? 'present' : null;
}

// In speech, "she" and "herself" are someone else: the speaker is "I".
const THIRD_PERSON_REFLEXIVE = /\b(?:herself|himself|themselves|themself|(?:her|his|their) (?:own )?li(?:fe|ves))\b/;

function spokenAboutSomeoneElse(input: AssertionInput, active: readonly Trigger[]): boolean {
  const { sentence, span } = input;
  if (THIRD_PERSON_REFLEXIVE.test(sentence.slice(span.start, span.end))) return true;
  const clauseStart = Math.max(0, ...active.filter((t) => t.kind === 'terminate' && t.end <= span.start).map((t) => t.end));
  // The nearest subject within four words: "she told me she wishes..." is hers,
  // "she makes me want to die" is the speaker's.
  const words = sentence.slice(clauseStart, span.start).trim().split(/\s+/).slice(-4);
  const at = words.map((w) => /^(?:she|he|they)(?:'s|'d|'ll|'re)?$/.test(w)).lastIndexOf(true);
  return at >= 0 && !words.slice(at + 1).some((w) => CLIENT_REFERENT.speech.test(w));
}

/**
 * A denial scoped to the past ("no previous attempts", "denies hx of SA"): it denies a
 * history and says nothing about now, so it cannot contradict a current risk.
 */
export function deniesOnlyHistory(input: AssertionInput): boolean {
  const { sentence, span } = input;
  const active = input.triggers.filter((t) => !overlaps(t, span));
  // "No history of SI" is one negation trigger that names the past itself.
  const pastScope = (t: Trigger): boolean =>
    t.kind === 'historical' || (t.kind === 'negated' && HISTORY_WORDS.test(sentence.slice(t.start, t.end)));
  const scopes = active.filter((t) => pastScope(t) && covers(input, t, active));
  // From where the denial starts: "no" in "no current or past SI".
  const denialStart = Math.min(span.start, ...active.filter((t) => t.kind === 'negated' && covers(input, t, active)).map((t) => t.start));
  // "No current or past SI", "denies history of or present SI": now is denied too.
  const alsoNow = (t: Trigger): boolean => {
    const from = Math.min(t.start, denialStart);
    const to = Math.max(t.end, span.end);
    return active.some((c) => c.kind === 'current' && c.start >= from && c.end <= to) || /\bpresent\b/.test(sentence.slice(from, to));
  };
  return scopes.length > 0 && !scopes.some(alsoNow);
}

const HISTORY_WORDS = /\b(?:history|hx|h\/o|prior|previous|past|lifetime)\b/;

/**
 * How one mention stands: denied, historical, hypothetical, someone else's, or present.
 * Returns null for a risk that was only asked about ("screened for SI") with no answer.
 * When several apply, someone else's experience outranks a denial, which outranks a
 * condition, which outranks history ("denies hx of SA" is a denial).
 */
export function assertionOf(input: AssertionInput): Assertion | null {
  const { span, sentence, mode } = input;
  const active = input.triggers.filter((t) => !overlaps(t, span));
  const kinds = new Set<TriggerKind>();
  let question: Trigger | null = null;
  let explicitOther = false;
  for (const t of active) {
    if (t.kind === 'terminate' || t.kind === 'affirm' || t.kind === 'current') continue;
    if (!covers(input, t, active)) continue;
    if (t.kind === 'question') question ??= t;
    else kinds.add(t.kind);
    if (t.kind === 'other' && t.explicit) explicitOther = true;
  }
  const mentionIsClient = CLIENT_REFERENT[mode].test(sentence.slice(span.start, span.end));
  const other =
    explicitOther ||
    (input.experiencer && !mentionIsClient && (kinds.has('other') || (mode === 'speech' && spokenAboutSomeoneElse(input, active))));
  if (other) return 'other';
  if (ratedZero(sentence.slice(span.end))) return 'denied';
  if (question) return answerAfter(sentence, Math.max(span.end, question.end));
  if (kinds.has('negated')) {
    // "Denies SI other than fleeting passive thoughts" is no denial of SI.
    if (EXCEPTION.test(sentence.slice(span.end))) return null;
    return kinds.has('pastReport') ? 'historical' : 'denied';
  }
  if (input.sectionDefault === 'other' && input.experiencer) return 'other';
  if (kinds.has('hypothetical')) return 'hypothetical';
  if (kinds.has('historical')) return 'historical';
  return input.sectionDefault === 'historical' ? 'historical' : 'present';
}

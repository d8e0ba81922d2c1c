import type { Assertion } from '../../domain/categories.ts';
import type { Matcher } from '../rules/compile.ts';
import { endsOf, findAll } from '../rules/match.ts';
import { familiesOf, type Family } from './cues.ts';
import type { RiskEngine } from './engine.ts';
import { readText, type Context, type Found, type Reading } from './find.ts';
import type { Sentence } from './sentence.ts';

/** What the therapist's turn asked about. */
export interface Asked {
  /** Risk the question named, which a bare answer takes. */
  mentions: Found[];
  families: Family[];
  /** Every risk family in the therapist's turn, for cues in the answer ("No plan."). */
  context: Family[];
  /** The question's sentences, for telling whom "him" or "her" means. */
  sentences: Sentence[];
  /** A statement read back for confirmation ("So no plan."), not a question. */
  statement: boolean;
  /** "Has anyone in your family...?" asks about someone else. */
  aboutOthers: boolean;
}

const list = (engine: RiskEngine, key: string): Matcher | undefined => engine.lists.get(`answers.${key}`);

function matches(m: Matcher | undefined, s: Sentence): boolean {
  return m !== undefined && findAll(m, s.ctx).length > 0;
}

/** Where a list matches right at `pos`, the furthest end; -1 if it does not. */
function endAt(m: Matcher | undefined, s: Sentence, pos: number): number {
  if (!m) return -1;
  const ends = endsOf(m, pos, s.ctx).filter((e) => e > pos);
  return ends.length > 0 ? Math.max(...ends) : -1;
}

/** Past the filler at the start of a sentence ("Um, honestly?"). */
function skipFiller(engine: RiskEngine, s: Sentence, from = 0): number {
  const filler = list(engine, 'filler');
  let pos = from;
  for (;;) {
    while (s.tokens[pos]?.mark) pos++;
    const e = endAt(filler, s, pos);
    if (e < 0) return pos;
    pos = e;
  }
}

function isQuestion(engine: RiskEngine, s: Sentence): boolean {
  return /\?\s*["')\]]*\s*$/.test(s.seg.text) || endAt(list(engine, 'questionStarts'), s, skipFiller(engine, s)) > 0;
}

/**
 * What the therapist's turn asked about: its last question or, with none, a read-back
 * statement. A question with no risk words that points back ("Has that happened for
 * you?") takes them from up to two sentences before.
 */
export function askedIn(engine: RiskEngine, previousTurn: string, mode: 'speech' | 'relay' = 'speech'): Asked | null {
  const imageTalk = list(engine, 'imageTalk');
  // To an interpreter the therapist speaks of the client in the third person ("Please ask if she...").
  const rules = engine.modes[mode];
  const base = { engine, rules, mode, asked: [], askedSentences: [] };
  const whole = readText(previousTurn, { ...base, cueDefault: 'si' });
  const talksImages = whole.some((r) => matches(imageTalk, r.sent));
  const ctx: Context = { ...base, cueDefault: talksImages ? 'infant' : 'si' };
  const readings = talksImages ? readText(previousTurn, ctx) : whole;
  let context = familiesOf(readings.flatMap((r) => r.found));
  // "Question ten asks about harming yourself": the therapist is asking about suicide; so is
  // "Have you thought about when and where?" with nothing else named.
  const aboutSuicide = (r: Reading): boolean =>
    matches(list(engine, 'screenerTalk'), r.sent) || matches(list(engine, 'asksSuicideDetail'), r.sent);
  if (!context.includes('si') && readings.some(aboutSuicide)) context = [...context, 'si'];
  // "When those pictures come, what do you want to happen?": the pictures are of harm to the baby.
  if (context.length === 0 && talksImages) context = ['infant'];
  let qi = readings.map((r) => isQuestion(engine, r.sent)).lastIndexOf(true);
  const statement = qi < 0;
  if (statement) qi = readings.length - 1;
  const q = readings[qi];
  if (!q) return null;
  const words = q.sent.tokens.filter((t) => !t.mark);
  const usable =
    !statement || endAt(list(engine, 'readBack'), q.sent, 0) > 0 || (words.some((t) => t.lower === 'you') && words.length <= 14);
  let mentions = usable ? q.found : [];
  let sentences = [q.sent];
  // "Has that happened for you?", or a read-back of a form ("You circled 'more than half the days'."):
  // the risk is in the sentences just before.
  if (usable && mentions.length === 0 && (statement || matches(list(engine, 'pointsBack'), q.sent))) {
    const from = Math.max(0, qi - 2);
    mentions = readings.slice(from, qi + 1).flatMap((r) => r.found);
    sentences = readings.slice(from, qi + 1).map((r) => r.sent);
  }
  if (mentions.length === 0 && context.length === 0) return null;
  const aboutOthers = sentences.some((s) =>
    s.tokens.some((t) => t.lower === 'family' || t.lower === 'relatives' || t.lower === 'relative'),
  );
  return { mentions, families: familiesOf(mentions), context, sentences: readings.map((r) => r.sent), statement, aboutOthers };
}

interface Answer {
  polarity: 'present' | 'denied' | 'historical';
  start: number;
  end: number;
  /** Neither yes nor no ("I don't know", "why?"): a clinician must look. */
  evasive: boolean;
  /** The answer stands alone ("No," / "Yes."), not the start of a clause ("I don't want to die"). */
  standalone: boolean;
}

/** The answer a spoken sentence opens with, if it opens with one. */
function answerOf(engine: RiskEngine, s: Sentence): Answer | null {
  const pos = skipFiller(engine, s);
  for (const [key, polarity, evasive] of [
    ['past', 'historical', false],
    ['evasive', 'present', true],
    ['no', 'denied', false],
    ['yes', 'present', false],
  ] as const) {
    const end = endAt(list(engine, key), s, pos);
    if (end < 0) continue;
    const next = s.tokens[end];
    const standalone = next === undefined || next.mark || endAt(list(engine, 'yes'), s, end) > 0 || endAt(list(engine, 'no'), s, end) > 0;
    return { polarity, start: pos, end, evasive, standalone };
  }
  return null;
}

/**
 * A bare "Yes. A few times." takes the question's risk, with the answer's polarity. A
 * "no" followed a sentence later by a "well, maybe once" is a hedged yes.
 */
export function answerMentions(ctx: Context, readings: Reading[], asked: Asked): void {
  const engine = ctx.engine;
  // The first sentence with content; an answer may wait a sentence ("I mean- I- not like, um. Yes.").
  const firstAt = readings.findIndex((r) => skipFiller(engine, r.sent) < r.sent.tokens.length);
  const firstAnswered = readings.slice(firstAt, firstAt + 3).findIndex((r) => answerOf(engine, r.sent) !== null);
  const first = readings[firstAnswered > 0 ? firstAt + firstAnswered : firstAt];
  if (!first) return;
  const answer = answerOf(engine, first.sent);
  if (!answer) {
    specificAnswer(ctx, first, asked);
    return;
  }
  if (answer.polarity === 'denied') {
    const hedge = list(engine, 'hedges');
    const later = readings.slice(firstAt + 1, firstAt + 4).find((r) => endAt(hedge, r.sent, skipFiller(engine, r.sent)) > 0);
    if (later) answer.polarity = 'present';
  }
  const own = familiesOf(first.found).some((f) => asked.families.includes(f));
  if (own && !answer.standalone) return;
  // "Once. When I was seventeen. Pills.": a time given just after the answer dates it.
  const firstIdx = readings.indexOf(first);
  const historical = readings.slice(firstIdx, firstIdx + 3).some((r) => r.triggers.some((t) => t.kind === 'historical'));
  let mentions = asked.statement ? asked.mentions.filter((q) => q.assertion === 'denied') : asked.mentions;
  // "No, but sometimes I wish I could disappear" denies active SI if that was asked, but
  // not suicidal thoughts as such: the rest of the sentence is some.
  const qualifiers = list(engine, 'qualifiers');
  if (answer.polarity === 'denied' && qualifiers && findAll(qualifiers, first.sent.ctx, answer.end).length > 0)
    mentions = mentions.filter((q) => q.category !== 'risk.si');
  const found: Found[] = mentions.map((q) => {
    let assertion: Assertion = answer.polarity;
    // "If the thoughts got strong, would you act on them?" "Yes." is intent now: a question
    // asked conditionally is answered about the client as she is.
    const hypothetical = q.assertion === 'hypothetical' && q.category !== 'risk.si.intent' && q.category !== 'risk.si.plan';
    const framed = q.assertion === 'historical' || hypothetical || (q.assertion === 'other' && asked.aboutOthers);
    if (assertion === 'present' && framed) assertion = q.assertion;
    else if (assertion === 'present' && historical) assertion = 'historical';
    // "So no plan." / "No." or "Right." both confirm the denial.
    if (asked.statement && assertion !== 'historical') assertion = 'denied';
    // "Do you feel safe at home?" "No." is IPV present.
    if (q.inverted && (assertion === 'present' || assertion === 'denied')) assertion = assertion === 'present' ? 'denied' : 'present';
    const category = assertion === 'denied' && q.category.startsWith('risk.harm_to_infant') ? 'risk.harm_to_infant.intent' : q.category;
    return {
      start: answer.start,
      end: answer.end,
      category,
      assertion,
      rule: `answer:${q.rule}`,
      confidence: answer.evasive ? 'low' : q.confidence,
    };
  });
  first.found.unshift(...found);
}

/**
 * "Have you thought about when?" "Saturday, when Tom takes the kids." An answer that gives
 * the detail asked for affirms that part: a plan's when or where, a method's means.
 */
function specificAnswer(ctx: Context, first: Reading, asked: Asked): void {
  // Method first: "When those thoughts come, have you thought about how?" opens with "when"
  // but asks how; an answer that names only a day still falls through to the plan.
  for (const part of ['method', 'plan'] as const) {
    const category = part === 'plan' ? 'risk.si.plan' : 'risk.si.method';
    const askedFor =
      asked.mentions.some((q) => q.category === category) ||
      asked.sentences.some((s) => matches(list(ctx.engine, `specifics.${part}.asks`), s));
    if (!askedFor) continue;
    const detail = list(ctx.engine, `specifics.${part}.answers`);
    const at = skipFiller(ctx.engine, first.sent);
    const end = endAt(detail, first.sent, at);
    if (end < 0) continue;
    first.found.unshift({ start: at, end, category, assertion: 'present', rule: `answer:specific-${part}`, confidence: 'high' });
    return;
  }
}

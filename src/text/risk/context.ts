import type { Assertion } from '../../domain/categories.ts';
import type { ContextKind, ReadingMode } from '../../domain/riskRules.ts';
import { endsAt, findAll, spansWithin, startsAt } from '../rules/match.ts';
import type { ModeRules } from './engine.ts';
import type { Sentence } from './sentence.ts';
import { candidates, overlaps } from './targets.ts';
import { asideWalls, quoteWalls } from './walls.ts';

/** A ConText trigger found in one sentence, as a token span. */
export interface Trigger {
  kind: ContextKind;
  /** A terminator's reach: the kinds of scope it ends (all when absent). */
  ends?: readonly ContextKind[];
  direction: 'forward' | 'backward' | 'both';
  start: number;
  end: number;
  maxScope?: number;
  explicit?: boolean;
  pastOnly?: boolean;
  unanswered?: boolean;
  lifetime?: boolean;
  rule: string;
}

const len = (t: { start: number; end: number }): number => t.end - t.start;

/**
 * Every trigger in a sentence, after NegEx's rules: pseudo-triggers ("no change in",
 * "can't stop") cancel the triggers they overlap, and a trigger inside a longer one
 * ("no" in "no history of") gives way to it.
 */
export function findTriggers(sent: Sentence, rules: ModeRules): Trigger[] {
  const found: Trigger[] = [];
  for (const c of candidates(rules.context, sent)) {
    if (c.within && findAll(c.within, sent.ctx).length === 0) continue;
    for (const [start, end] of findAll(c.matcher, sent.ctx)) {
      if (c.notAfter && endsAt(c.notAfter, start, sent.ctx)) continue;
      if (c.notBefore && startsAt(c.notBefore, end, sent.ctx)) continue;
      if (c.after && !endsAt(c.after, start, sent.ctx)) continue;
      if (c.before && !startsAt(c.before, end, sent.ctx)) continue;
      const t: Trigger = { kind: c.rule.kind, direction: c.rule.direction, start, end, rule: c.rule.id };
      if (c.rule.maxScope !== undefined) t.maxScope = c.rule.maxScope;
      if (c.rule.explicit) t.explicit = true;
      if (c.rule.pastOnly) t.pastOnly = true;
      if (c.rule.unanswered) t.unanswered = true;
      if (c.rule.lifetime) t.lifetime = true;
      if (c.rule.ends) t.ends = c.rule.ends;
      found.push(t);
    }
  }
  const pseudo = found.filter((t) => t.kind === 'pseudo');
  return found
    .filter((t) => t.kind !== 'pseudo' && !pseudo.some((p) => overlaps(p, t)))
    .filter((t, _, all) => !all.some((o) => o !== t && o.start <= t.start && o.end >= t.end && len(o) > len(t)))
    .sort((a, b) => a.start - b.start);
}

function blocks(kind: ContextKind, blocker: Trigger): boolean {
  if (blocker.kind === 'terminate') return !blocker.ends || blocker.ends.includes(kind);
  return blocksKind(kind, blocker.kind);
}

function blocksKind(kind: ContextKind, blocker: ContextKind): boolean {
  if (blocker === kind) return true;
  if (blocker === 'affirm') return kind === 'negated' || kind === 'question';
  if (blocker === 'current') return kind === 'historical' || kind === 'hypothetical' || kind === 'past-report';
  return false;
}

export interface Span {
  start: number;
  end: number;
}

export interface AssertionInput {
  sent: Sentence;
  span: Span;
  triggers: readonly Trigger[];
  mode: ReadingMode;
  rules: ModeRules;
  /** False for risks that involve another person by nature (IPV, child safety). */
  experiencer: boolean;
  /** What the section heading implies when nothing in the sentence says otherwise. */
  sectionDefault: 'historical' | 'other' | null;
  /** Other mentions' spans in the sentence, for lists ("SI, HI denied"). */
  mentions: readonly Span[];
  /** Context kinds the wording is immune to (a counterfactual wish is not history). */
  ignore?: readonly ContextKind[];
}

const words = (sent: Sentence, from: number, to: number): number => sent.tokens.slice(from, to).filter((t) => !t.mark).length;
const hasConcept = (input: AssertionInput, name: string, from: number, to: number): boolean => {
  const c = input.rules.concepts.get(name);
  return c !== undefined && spansWithin(c, input.sent.ctx, from, to).length > 0;
};
const isComma = (sent: Sentence, i: number): boolean => sent.tokens[i]?.lower === ',';
function hasConceptOutsideAsides(input: AssertionInput, name: string, from: number, to: number): boolean {
  const c = input.rules.concepts.get(name);
  if (c === undefined) return false;
  const depth: number[] = [];
  let d = 0;
  for (const tok of input.sent.tokens) {
    if (tok.lower === ')') d = Math.max(0, d - 1);
    depth.push(d);
    if (tok.lower === '(') d++;
  }
  return spansWithin(c, input.sent.ctx, from, to).some(([s]) => depth[s] === 0);
}

/** Whether tokens [from, to) are only list glue and other bare risk terms ("SI, HI denied"). */
function onlyList(input: AssertionInput, from: number, to: number): boolean {
  const { sent } = input;
  const bare = input.rules.concepts.get('list-item-risk');
  let i = from;
  while (i < to) {
    const t = sent.tokens[i]!;
    if (t.lower === ',' || t.lower === 'and' || t.lower === 'or' || t.lower === '/' || t.lower.trim() === '') {
      i++;
      continue;
    }
    const end = bare ? Math.max(-1, ...[...(bare ? findAll(bare, sent.ctx, i, to) : [])].filter(([s]) => s === i).map(([, e]) => e)) : -1;
    if (end <= i) return false;
    i = end;
  }
  return true;
}

function isBare(input: AssertionInput): boolean {
  const bare = input.rules.concepts.get('list-item-risk');
  return (
    bare !== undefined &&
    findAll(bare, input.sent.ctx, input.span.start, input.span.end).some(([s, e]) => s === input.span.start && e === input.span.end)
  );
}

function coversForward(input: AssertionInput, t: Trigger, active: readonly Trigger[]): boolean {
  const { span, sent } = input;
  if (t.end > span.start) return false;
  if (active.some((b) => b !== t && b.start >= t.end && b.start < span.start && blocks(t.kind, b))) return false;
  // "Denies suicidal intent with NSSI": once a denial has met a risk, "with" ends its reach.
  if (t.kind === 'negated' && stoppedAfterTarget(input, t)) return false;
  // "-SI, hx SA": a list item with a framing of its own is out of the denial's reach.
  if (t.kind === 'negated') {
    let comma = -1;
    for (let i = t.end; i < span.start; i++) if (isComma(sent, i)) comma = i;
    if (
      comma >= 0 &&
      active.some((b) => b !== t && b.kind !== 'terminate' && b.kind !== 'current' && b.start > comma && b.start < span.start)
    )
      return false;
  }
  if (t.maxScope !== undefined && words(sent, t.end, span.start) > t.maxScope) return false;
  // Another person's scope ends at the client ("my mom doesn't know I...") and at a
  // list comma ("her sister Jen, a supportive partner, no previous attempts").
  // An explicit "my sister told me she..." reaches past "me"; a bare kin word does not.
  if (t.kind === 'other' && !t.explicit) {
    // "Her husband (not the client) has voiced...": an aside naming the client is not her speaking.
    if (hasConceptOutsideAsides(input, 'self', t.end, span.start)) return false;
    // "If anyone touched my daughter I'd kill them": a mention that opens with the client is hers.
    if (hasConceptOutsideAsides(input, 'first-person', span.start, span.start + 1)) return false;
    // "her ex-partner, who has sent texts threatening to kill...": a relative clause goes on about her.
    const relative = (i: number): boolean => /^(?:who|whose)$/.test(sent.tokens[i + 1]?.lower ?? '');
    for (let i = t.end; i < span.start; i++) if (isComma(sent, i) && !relative(i)) return false;
  }
  return true;
}

function stoppedAfterTarget(input: AssertionInput, t: Trigger): boolean {
  const stop = input.rules.concepts.get('negation-stop');
  if (!stop) return false;
  const met = input.mentions.filter((m) => m.start >= t.end && m.end <= input.span.start).map((m) => m.end);
  if (met.length === 0) return false;
  const from = Math.min(...met);
  return findAll(stop, input.sent.ctx, from, input.span.start).length > 0;
}

/** Whether a denial covers the lifetime ("never had"): for a history, such a denial contradicts. */
export function deniesLifetime(input: AssertionInput): boolean {
  const active = activeTriggers(input);
  return active.some((t) => t.kind === 'negated' && t.lifetime === true && covers(input, t, active));
}

function coversBackward(input: AssertionInput, t: Trigger, active: readonly Trigger[]): boolean {
  const { span, sent } = input;
  if (t.start < span.end) return false;
  if (active.some((b) => b !== t && b.end <= t.start && b.end > span.end && blocks(t.kind, b))) return false;
  // "Method, intent and plan assessed": a list of bare risk terms is one scope.
  if (t.maxScope !== undefined && words(sent, span.end, t.start) > t.maxScope && !(isBare(input) && onlyList(input, span.end, t.start)))
    return false;
  // "SI: lifetime N, current N": an explicit answer for now reaches back past the list's commas.
  if (t.kind === 'negated' && !t.explicit) {
    let comma = false;
    for (let i = span.end; i < t.start; i++) if (isComma(sent, i)) comma = true;
    // "SI, HI denied" denies both; "Passive SI, HI denied" denies only HI.
    if (comma && !(isBare(input) && onlyList(input, span.end, t.start))) return false;
  }
  return true;
}

export function covers(input: AssertionInput, t: Trigger, active: readonly Trigger[]): boolean {
  const { span, sent } = input;
  // Triggers activeTriggers keeps over the mention: someone else's field that names it
  // ("Family hx suicide/attempts: mother"), a field's answer inside it ("Substance: hx cocaine use").
  if (t.kind === 'other' && t.explicit && t.start <= span.start && span.end <= t.end) return true;
  if (t.start > span.start && t.end <= span.end && isFieldAnswer(t, sent)) return true;
  // "Hx passive SI (wish not to wake up)": an aside that glosses the mention before it stands as it stands.
  if (sent.tokens[span.start - 1]?.lower === '(') {
    const host = input.mentions.find((m) => m.end === span.start - 1);
    if (host && t.end <= host.start && covers({ ...input, span: host }, t, active)) return true;
  }
  if (
    (t.kind === 'negated' || t.kind === 'historical' || t.kind === 'past-report' || t.kind === 'other') &&
    // "pt's mother (widowed 2 mo) has talked about...": a trigger that opens the aside reads past it.
    sent.tokens[t.end - 1]?.lower !== '(' &&
    asideWalls(sent, t, span, input.mentions)
  )
    return false;
  if (t.kind === 'negated' && quoteWalls(sent, t, span)) return false;
  const fwd = t.direction !== 'backward' && coversForward(input, t, active);
  return fwd || (t.direction !== 'forward' && coversBackward(input, t, active));
}

/** A risk that was only asked about counts when the sentence gives the answer. */
function answerAfter(input: AssertionInput, from: number): Assertion | null {
  const { sent, rules } = input;
  const first = (name: string): number => {
    const c = rules.concepts.get(name);
    const hits = c ? findAll(c, sent.ctx, from) : [];
    return hits.length > 0 ? hits[0]![0] : Infinity;
  };
  const denied = first('answer-denied');
  const present = first('answer-present');
  if (denied === Infinity && present === Infinity) return null;
  return denied <= present ? 'denied' : 'present';
}

/**
 * A third person as the subject just before the mention makes it someone else's: "she told
 * me she wishes..." in speech; "her husband said he would be better off dead" in a note.
 */
function aboutSomeoneElse(input: AssertionInput, active: readonly Trigger[]): boolean {
  const { sent, span } = input;
  if (hasConcept(input, 'third-person-self', span.start, span.end)) return true;
  // The clause starts where a terminator starts: ", she jumped" keeps its "she".
  const clauseStart = Math.max(0, ...active.filter((t) => t.kind === 'terminate' && t.end <= span.start).map((t) => t.start + 1));
  // The nearest subject within four words: "she told me she wishes..." is hers,
  // "she makes me want to die" is the speaker's.
  const from = Math.max(clauseStart, span.start - 6);
  const third = input.rules.concepts.get('third-person');
  const self = input.rules.concepts.get('self');
  if (!third) return false;
  let at = -1;
  for (const [s] of findAll(third, sent.ctx, from, span.start)) at = s;
  if (at < 0) return false;
  return !(self && findAll(self, sent.ctx, at + 1, span.start).length > 0);
}

/**
 * A denial scoped to the past ("no previous attempts", "denies hx of SA"): it denies a
 * history and says nothing about now, so it cannot contradict a current risk.
 */
export function deniesOnlyHistory(input: AssertionInput): boolean {
  const { span, sent } = input;
  const active = activeTriggers(input);
  const pastScope = (t: Trigger): boolean => t.kind === 'historical' || (t.kind === 'negated' && t.pastOnly === true);
  const scopes = active.filter((t) => pastScope(t) && covers(input, t, active));
  const denialStart = Math.min(span.start, ...active.filter((t) => t.kind === 'negated' && covers(input, t, active)).map((t) => t.start));
  // "No current or past SI", "denies history of or present SI": now is denied too.
  const alsoNow = (t: Trigger): boolean => {
    const from = Math.min(t.start, denialStart);
    const to = Math.max(t.end, span.end);
    return (
      active.some((c) => c.kind === 'current' && c.start >= from && c.end <= to) ||
      sent.tokens.slice(from, to).some((x) => x.lower === 'present')
    );
  };
  return scopes.length > 0 && !scopes.some(alsoNow);
}

/**
 * How one mention stands: denied, historical, hypothetical, someone else's, or present.
 * Returns null for a risk that was only asked about ("screened for SI") with no answer,
 * or a denial voided by an exception ("denies SI other than fleeting thoughts").
 * When several apply, someone else's experience outranks a denial, which outranks a
 * condition, which outranks history ("denies hx of SA" is a denial).
 */
/**
 * The triggers that bear on a mention: not those inside its own words ("not wake up" is the
 * idea, not a denial of it), but one that starts before it and runs into it ("not going to"
 * before "going to kill myself") still reaches it, as if it ended where the mention starts.
 */
export function activeTriggers(input: AssertionInput): Trigger[] {
  const { span } = input;
  return input.triggers
    .filter((t) => !input.ignore?.includes(t.kind))
    .flatMap((t) => {
      if (!overlaps(t, span)) return [t];
      if (t.start > span.start && isFieldAnswer(t, input.sent)) return [t];
      // "Family hx suicide/attempts: mother": someone else's field holds the risk it names.
      if (t.kind === 'other' && t.explicit && t.start <= span.start && span.end <= t.end) return [t];
      // A terminator inside the words ("to act on" in "denies intent to act on them") ends nothing.
      if (t.kind !== 'terminate' && t.start < span.start && t.end < span.end) return [{ ...t, end: span.start }];
      return [];
    });
}

/**
 * A field's answer ("Substance: hx cocaine use", "SI: none"): it dates or denies what the
 * field names, even where one rule reads the whole line as its risk.
 */
export function isFieldAnswer(t: Trigger, sent: Sentence): boolean {
  return (t.kind === 'historical' || t.kind === 'negated') && [t.start, t.start - 1].some((i) => sent.tokens[i]?.lower === ':');
}

/** A denial after a "now" that follows every past report ("passive at intake, now ... denies"). */
function deniedSinceThen(covering: readonly Trigger[], active: readonly Trigger[]): boolean {
  const pastEnd = Math.max(...covering.filter((t) => t.kind === 'past-report').map((t) => t.end));
  return covering.some((n) => n.kind === 'negated' && active.some((c) => c.kind === 'current' && c.start >= pastEnd && c.end <= n.start));
}

export function assertionOf(input: AssertionInput): Assertion | null {
  const { span, mode } = input;
  const active = activeTriggers(input);
  const kinds = new Set<ContextKind>();
  let question: Trigger | null = null;
  let explicitOther = false;
  const covering: Trigger[] = [];
  for (const t of active) {
    if (t.kind === 'terminate' || t.kind === 'affirm' || t.kind === 'current' || t.kind === 'exception') continue;
    if (!covers(input, t, active)) continue;
    covering.push(t);
    if (t.kind === 'question') question ??= t;
    else kinds.add(t.kind);
    if (t.kind === 'other' && t.explicit) explicitOther = true;
  }
  // "Kill myself" is the client's; "herself" in a relay could be anyone named before it.
  // In a note "her" is anyone's; only "patient" or "client" names the client for sure.
  const mentionIsClient = hasConcept(
    input,
    mode === 'speech' ? 'first-person' : mode === 'note' ? 'client-named' : 'self',
    span.start,
    span.end,
  );
  const other = explicitOther || (input.experiencer && !mentionIsClient && (kinds.has('other') || aboutSomeoneElse(input, active)));
  if (other) return 'other';
  // "Q4/Q5 not asked, Q6 N": an item not asked has no answer, whatever follows it.
  if (question?.unanswered) return null;
  if (question && !kinds.has('negated')) return answerAfter(input, Math.max(span.end, question.end));
  if (kinds.has('negated')) {
    const exception = active.some(
      (t) => t.kind === 'exception' && t.start >= span.end && covers(input, { ...t, direction: 'backward' }, active),
    );
    if (exception) return null;
    // "SI: passive at intake, now resolved - denies any": the denial stands in the now.
    return kinds.has('past-report') && !deniedSinceThen(covering, active) ? 'historical' : 'denied';
  }
  // "Passive at intake": what was reported then is history now.
  if (kinds.has('past-report')) return 'historical';
  if (input.sectionDefault === 'other' && input.experiencer) return 'other';
  if (kinds.has('hypothetical')) return 'hypothetical';
  if (kinds.has('historical')) return 'historical';
  return input.sectionDefault === 'historical' ? 'historical' : 'present';
}

import type { Assertion, RiskCategory } from '../domain/categories.ts';
import { assertionOf, deniesOnlyHistory, findTriggers, type Trigger } from './assertion.ts';
import {
  AFFIRMED_AFTER,
  AFFIRMED_BEFORE,
  BARE_CUE,
  BIRTH_PAIN,
  classifyInfant,
  COORDINATED,
  CUE_CATEGORY,
  DIE_WORDS,
  EXCLUSIONS,
  LEXICON,
  referentOf,
  sectionDefault,
  type Family,
  type LexEntry,
} from './lexicon.ts';
import { answerOf, ASKS_EXPERIENCE, CHECKS_IN, IMAGE_TALK, isFiller, isQuestion, POINTS_BACK, QUALIFIED, READ_BACK } from './lexicon/answers.ts';
import { findScreenerItems } from './lexicon/screeners.ts';
import { fold } from './normalize.ts';
import type { FindOptions, RiskMention, TextMode } from './riskTypes.ts';
import { segments, type Segment } from './sentences.ts';
import { squeeze } from './squeeze.ts';

interface Span {
  start: number;
  end: number;
}
interface Hit extends Span {
  entry: LexEntry;
  order: number;
}
/** A mention before its sentence is attached; offsets are into the sentence. */
interface Found extends Span {
  category: RiskCategory;
  assertion: Assertion;
  /** A denial of the past only ("no previous attempts"). */
  pastOnly?: boolean;
  /** Read from a screener item ("PHQ-9 item 9 = 2"), which scores SI without a level. */
  screenerItem?: boolean;
}
interface Sentence {
  seg: Segment;
  /** The sentence folded, runs of white space made one space (see `squeeze`). */
  folded: string;
  /** The same, case kept, for abbreviations. */
  raw: string;
  /** Offset in the sentence of each character of `folded`, and of its end. */
  at: number[];
  triggers: Trigger[];
  found: Found[];
}
interface Context {
  mode: TextMode;
  /** Risk families in the therapist's turn before, which a cue ("No plan.") refers to. */
  asked: readonly Family[];
  /** The therapist's turn, for telling whom "him" or "her" means. */
  askedText: string;
  /**
   * In a question, "Do you have a plan?" is about suicide even with no other risk word,
   * and "any urge to act on those pictures?" about the baby.
   */
  cueDefault: Family | null;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const test = (re: RegExp, s: string): boolean => {
  re.lastIndex = 0;
  return re.test(s);
};

function familyOf(category: RiskCategory): Family | null {
  if (category.startsWith('risk.si')) return 'si';
  if (category.startsWith('risk.harm_to_infant')) return 'infant';
  return category === 'risk.hi' ? 'hi' : null;
}

/** Lexicon matches in one sentence: exclusions dropped, then the longest match wins. */
function matchSentence(folded: string, raw: string, mode: TextMode): Hit[] {
  const hits: Hit[] = [];
  LEXICON.forEach((entry, order) => {
    if (!entry.modes.includes(mode)) return;
    const text = entry.caseSensitive ? raw : folded;
    for (const re of entry.res)
      for (const m of text.matchAll(re)) if (m[0].length > 0) hits.push({ entry, order, start: m.index, end: m.index + m[0].length });
  });
  const excluded = EXCLUSIONS.flatMap((re) => [...folded.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length })));
  const birthPain = test(BIRTH_PAIN, folded);
  const kept = hits.filter((h) => {
    if (excluded.some((x) => overlaps(x, h))) return false;
    // "I thought I'd die pushing" is pain, not a wish to die.
    return !(birthPain && familyOf(h.entry.category) === 'si' && test(DIE_WORDS, folded.slice(h.start, h.end)));
  });
  const additive = kept.filter((h) => h.entry.additive);
  // "A plan to overdose" plans an act; the act inside it did not happen.
  const planned = (h: Hit): boolean => h.entry.category === 'risk.si.behavior' && additive.some((a) => a.start <= h.start && a.end >= h.end);
  const ranked = kept.filter((h) => !h.entry.additive && !planned(h)).sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order);
  const chosen: Hit[] = [];
  for (const h of ranked) if (!chosen.some((c) => overlaps(c, h))) chosen.push(h);
  return [...additive, ...chosen].sort((a, b) => a.start - b.start);
}

const familiesOf = (found: readonly Found[]): Family[] => [
  ...new Set(found.map((f) => familyOf(f.category)).filter((f): f is Family => f !== null)),
];

/** Core mentions of one sentence; cues wait until every sentence's core is known. */
function coreMentions(folded: string, sentences: readonly Sentence[], i: number, ctx: Context, cues: { at: number; hit: Hit }[]): void {
  const sent = sentences[i]!;
  const { seg, folded: s, triggers } = sent;
  const items = findScreenerItems(s);
  for (const item of items) sent.found.push({ start: item.start, end: item.end, category: 'risk.si', assertion: item.assertion, screenerItem: true });
  const around = sentences.slice(Math.max(0, i - 1), i + 2).map((x) => x.folded).join(' ');
  for (const hit of matchSentence(s, sent.raw, ctx.mode)) {
    if (items.some((item) => overlaps(item, hit))) continue;
    if (hit.entry.cue) {
      cues.push({ at: i, hit });
      continue;
    }
    const experiencer = hit.entry.category !== 'risk.ipv' && hit.entry.category !== 'risk.child_safety';
    const input = { sentence: s, span: hit, triggers, mode: ctx.mode, experiencer, sectionDefault: sectionDefault(seg.heading, triggers) };
    let assertion = assertionOf(input);
    if (assertion === null) continue;
    const pastOnly = assertion === 'denied' && deniesOnlyHistory(input);
    // "Feels safe at home" denies IPV; "feels unsafe" (a second flip) affirms it.
    if (hit.entry.inverted && !/\bunsafe\b/.test(s.slice(hit.start, hit.end)) && (assertion === 'present' || assertion === 'denied'))
      assertion = assertion === 'present' ? 'denied' : 'present';
    let category = hit.entry.category;
    let infantKind = hit.entry.infant;
    if (hit.entry.pronoun) {
      const adult = referentOf(folded.slice(0, seg.start + sent.at[hit.start]!), ctx.askedText) === 'adult';
      // An adult falling in someone's mind's eye is not a risk; an adult harmed is HI.
      if (adult && infantKind === 'image') continue;
      if (adult) category = 'risk.hi';
      else infantKind ??= 'agent';
    }
    if (infantKind) category = classifyInfant(infantKind, s, around, assertion, ctx.mode);
    sent.found.push({ start: hit.start, end: hit.end, category, assertion, ...(pastOnly ? { pastOnly } : {}) });
  }
}

/** A cue ("plan", "intent", "act on it") takes the risk of its sentence, the lines above, or the question. */
function cueMentions(sentences: readonly Sentence[], at: number, hit: Hit, ctx: Context): void {
  const sent = sentences[at]!;
  let families = familiesOf(sent.found);
  // A checklist ("SI: passive / HI: denied / Plan: none") names the risk a line or two up.
  if (families.length === 0)
    families = familiesOf(sentences.slice(Math.max(0, at - 2), at).filter((x) => x.seg.heading === sent.seg.heading).flatMap((x) => x.found));
  if (families.length === 0) families = [...ctx.asked];
  if (families.length === 0 && ctx.cueDefault && !hit.entry.weak) families = [ctx.cueDefault];
  if (families.length === 0 && COORDINATED.test(sent.folded)) families = ['si'];
  // The other person in HI is its target, not someone else's experience.
  const experiencer = !families.includes('hi');
  const { folded: s, triggers, seg } = sent;
  const input = { sentence: s, span: hit, triggers, mode: ctx.mode, experiencer, sectionDefault: sectionDefault(seg.heading, triggers) };
  const assertion = assertionOf(input);
  if (assertion === null) return;
  // "Denies past SI or attempts": the cue shares the list's past scope.
  const pastOnly = assertion === 'denied' && deniesOnlyHistory(input);
  const affirmed = AFFIRMED_BEFORE.test(s.slice(0, hit.start)) || AFFIRMED_AFTER.test(s.slice(hit.end));
  // In a question, "any kind of plan?" asks about one; elsewhere a bare word needs affirming.
  if (BARE_CUE.test(s.slice(hit.start, hit.end)) && assertion !== 'denied' && !affirmed && !ctx.cueDefault) return;
  for (const family of families) {
    const category = CUE_CATEGORY[family][hit.entry.cue!];
    if (category) sent.found.push({ start: hit.start, end: hit.end, category, assertion, ...(pastOnly ? { pastOnly } : {}) });
  }
}

function analyse(text: string, ctx: Context): Sentence[] {
  const folded = fold(text);
  // Headings name sections ("## Risk", "## Plan"); they hold no mentions of their own.
  const sentences: Sentence[] = segments(text, { keepLabels: true })
    .filter((seg) => !seg.isHeading)
    .map((seg) => {
      const sq = squeeze(folded.slice(seg.start, seg.end), text.slice(seg.start, seg.end));
      return { seg, ...sq, triggers: findTriggers(sq.folded, ctx.mode), found: [] };
    });
  const cues: { at: number; hit: Hit }[] = [];
  sentences.forEach((_, i) => coreMentions(folded, sentences, i, ctx, cues));
  for (const { at, hit } of cues) cueMentions(sentences, at, hit, ctx);
  return sentences;
}

interface Asked {
  /** Risk the therapist asked about, which a bare answer takes. */
  mentions: Found[];
  families: Family[];
  /** Every risk family in the therapist's turn, for cues in the answer. */
  context: Family[];
  text: string;
  /** A statement read back for confirmation ("So no plan."), not a question. */
  statement: boolean;
}

/**
 * What the therapist's turn asked about: its last question or, with none, a read-back
 * statement. A question with no risk words that points back ("Has that happened for
 * you?") takes them from up to two sentences before.
 */
function askedIn(previousTurn: string): Asked | null {
  const imageTalk = IMAGE_TALK.test(fold(previousTurn));
  const ctx: Context = { mode: 'speech', asked: [], askedText: '', cueDefault: imageTalk ? 'infant' : 'si' };
  let context = familiesOf(analyse(previousTurn, ctx).flatMap((s) => s.found));
  // "When those pictures come, what do you want to happen?": the pictures are of harm to the baby.
  if (context.length === 0 && imageTalk) context = ['infant'];
  const segs = segments(previousTurn).filter((s) => !s.isHeading);
  let qi = segs.map((s) => isQuestion(s.text)).lastIndexOf(true);
  const statement = qi < 0;
  if (statement) qi = segs.length - 1;
  const q = segs[qi];
  if (!q) return null;
  const qText = fold(q.text);
  const usable = !statement || READ_BACK.test(qText) || (/\byou\b/.test(qText) && q.text.split(/\s+/).length <= 14);
  let mentions = usable ? analyse(q.text, ctx).flatMap((s) => s.found) : [];
  let text = q.text;
  const pointsBack = POINTS_BACK.test(qText) || (ASKS_EXPERIENCE.every((re) => re.test(qText)) && !CHECKS_IN.test(qText));
  if (usable && mentions.length === 0 && pointsBack) {
    text = previousTurn.slice(segs[Math.max(0, qi - 2)]!.start, q.end);
    mentions = analyse(text, ctx).flatMap((s) => s.found);
  }
  if (mentions.length === 0 && context.length === 0) return null;
  return { mentions, families: familiesOf(mentions), context, text: fold(text), statement };
}

/** A bare "Yes. A few times." takes the question's risk, with the answer's polarity. */
function answerMentions(first: Sentence, asked: Asked): Found[] {
  const answer = answerOf(first.folded);
  if (!answer) return [];
  const own = familiesOf(first.found).some((f) => asked.families.includes(f));
  if (own && !answer.standalone) return [];
  const historical = first.triggers.some((t) => t.kind === 'historical');
  // "Has anyone in your family...?" asks about someone else; "when people feel this low
  // they have thoughts..." only leads up to asking the client.
  const aboutOthers = /\b(?:family|relatives?|anyone (?:in|close)|someone (?:in|close))\b/.test(asked.text);
  // A read-back is answered only when it reads back a denial: "Yeah, that sounds right"
  // after "...you put 'never'" confirms whatever the statement said, which may be nothing.
  let mentions = asked.statement ? asked.mentions.filter((q) => q.assertion === 'denied') : asked.mentions;
  // "No, but sometimes I wish I could disappear" denies active SI if that was asked, but
  // not suicidal thoughts as such: the rest of the sentence is some.
  if (answer.polarity === 'denied' && QUALIFIED.test(first.folded.slice(answer.end))) mentions = mentions.filter((q) => q.category !== 'risk.si');
  return mentions.map((q) => {
    let assertion: Assertion = answer.polarity;
    const framed = q.assertion === 'historical' || q.assertion === 'hypothetical' || (q.assertion === 'other' && aboutOthers);
    if (assertion === 'present' && framed) assertion = q.assertion;
    else if (assertion === 'present' && historical) assertion = 'historical';
    // "So no plan." / "No." or "Right." both confirm the denial.
    if (asked.statement && assertion !== 'historical') assertion = 'denied';
    if (q.category === 'risk.ipv' && /\bsafe\b/.test(asked.text) && (assertion === 'present' || assertion === 'denied'))
      assertion = assertion === 'present' ? 'denied' : 'present';
    const category = assertion === 'denied' && familyOf(q.category) === 'infant' ? 'risk.harm_to_infant.intent' : q.category;
    return { start: answer.start, end: answer.end, category, assertion };
  });
}

/**
 * Finds risk language in a note or a spoken turn: one mention per sentence, category
 * and assertion, in text order. In speech, `previousTurn` lets a bare yes/no answer
 * take the risk the therapist asked about.
 */
export function findRiskMentions(text: string, opts: FindOptions): RiskMention[] {
  const asked = opts.mode === 'speech' && opts.previousTurn ? askedIn(opts.previousTurn) : null;
  const ctx: Context = { mode: opts.mode, asked: asked?.context ?? [], askedText: fold(opts.previousTurn ?? ''), cueDefault: null };
  const sentences = analyse(text, ctx);
  const first = sentences.find((s) => !isFiller(s.seg.text));
  if (asked && first) first.found.unshift(...answerMentions(first, asked));

  const seen = new Set<string>();
  const out: RiskMention[] = [];
  for (const { seg, found, at } of sentences) {
    for (const f of [...found].sort((a, b) => a.start - b.start)) {
      const key = `${seg.start}|${f.category}|${f.assertion}|${f.pastOnly ?? false}|${f.screenerItem ?? false}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        category: f.category,
        assertion: f.assertion,
        ...(f.pastOnly ? { pastOnly: true } : {}),
        ...(f.screenerItem ? { screenerItem: true } : {}),
        trigger: text.slice(seg.start + at[f.start]!, seg.start + at[f.end - 1]! + 1),
        sentence: seg.text,
        start: seg.start,
        end: seg.end,
      });
    }
  }
  return out;
}

import type { Assertion, RiskCategory } from '../../domain/categories.ts';
import type { ReadingMode } from '../../domain/riskRules.ts';
import { endsOf, findAll } from '../rules/match.ts';
import { askedIn, answerMentions, type Asked } from './answers.ts';
import {
  assertionOf,
  deniesLifetime,
  deniesOnlyHistory,
  findTriggers,
  isFieldAnswer,
  type AssertionInput,
  type Trigger,
} from './context.ts';
import { cueMentions, type Family, familyOf } from './cues.ts';
import type { ModeRules, RiskEngine } from './engine.ts';
import { classifyInfant, referentOf } from './infant.ts';
import { netMentions } from './net.ts';
import { prepare, type Sentence } from './sentence.ts';
import { severityIn } from './severity.ts';
import { methodOnBabyYields } from './babyImage.ts';
import { readTargets, type Hit } from './targets.ts';
import { withSecondReader } from './secondReader.ts';
import { hisIsNotHers, othersGoOn } from './othersGoOn.ts';
import type { FindOptions, RiskMention } from './types.ts';

/** A mention before its sentence is attached; offsets are token indices into the sentence. */
export interface Found {
  start: number;
  end: number;
  category: RiskCategory;
  assertion: Assertion;
  rule: string;
  confidence: 'high' | 'low';
  pastOnly?: boolean;
  /** A denial over a lifetime ("has never had"), past included. */
  lifetime?: boolean;
  screenerItem?: boolean;
  /** Harm to the baby with no word of how it was meant (neither intrusive nor intended). */
  unframed?: boolean;
  /** From words that deny the risk when affirmed ("feels safe at home"). */
  inverted?: boolean;
  /** A screen's bare item number, which gives way to a label named right after it. */
  yieldsToLabel?: boolean;
}

/** One sentence being read: its tokens, triggers and what has been found in it. */
export interface Reading {
  sent: Sentence;
  triggers: Trigger[];
  found: Found[];
  cues: Hit[];
  /** Spans that words-that-are-not-risk claimed (idioms, grief, media): the safety net keeps out. */
  excluded: { start: number; end: number }[];
  sectionDefault: 'historical' | 'other' | null;
  /** The heading the sentence stands under, read as a sentence (a rule's `within` may hold there). */
  heading?: Sentence;
}

export interface Context {
  engine: RiskEngine;
  rules: ModeRules;
  mode: ReadingMode;
  /** Risk families in the therapist's turn before, which a cue ("No plan.") refers to. */
  asked: readonly Family[];
  /** The therapist's turn, for telling whom "him" or "her" means. */
  askedSentences: readonly Sentence[];
  /** In a question, "Do you have a plan?" is about suicide even with no other risk word. */
  cueDefault: Family | null;
}

/**
 * A heading read as sentences. Headings repeat from note to note ("Risk", "C-SSRS"), and both
 * what a heading says of its section and the rules that lean on it read it: once per set of rules.
 */
const HEADINGS = new WeakMap<ModeRules, Map<string, readonly Sentence[]>>();
function headingSentences(rules: ModeRules, heading: string): readonly Sentence[] {
  let byText = HEADINGS.get(rules);
  if (!byText) HEADINGS.set(rules, (byText = new Map<string, readonly Sentence[]>()));
  let read = byText.get(heading);
  if (!read) {
    if (byText.size > 500) byText.clear();
    byText.set(heading, (read = prepare(heading, rules).sentences));
  }
  return read;
}

/** What each heading says ("Family history", "Past psychiatric history"), read once per heading. */
function headingKinds(ctx: Context, heading: string, cache: Map<string, Set<string>>): Set<string> {
  const hit = cache.get(heading);
  if (hit) return hit;
  const sentences = headingSentences(ctx.rules, heading);
  const kinds = new Set(
    (['other', 'historical', 'current'] as const).filter((key) => {
      const m = ctx.engine.lists.get(`context.headings.${key}`);
      return m !== undefined && sentences.some((s) => findAll(m, s.ctx).length > 0);
    }),
  );
  cache.set(heading, kinds);
  return kinds;
}

function sectionDefaultOf(
  ctx: Context,
  heading: string | null,
  triggers: readonly Trigger[],
  cache: Map<string, Set<string>>,
): 'historical' | 'other' | null {
  if (!heading) return null;
  const kinds = headingKinds(ctx, heading, cache);
  if (kinds.has('other')) return 'other';
  const current = kinds.has('current') || triggers.some((t) => t.kind === 'current');
  return kinds.has('historical') && !current ? 'historical' : null;
}

export const assertionInput = (ctx: Context, r: Reading, span: { start: number; end: number }, experiencer: boolean): AssertionInput => ({
  sent: r.sent,
  span,
  triggers: r.triggers,
  mode: ctx.mode,
  rules: ctx.rules,
  experiencer,
  sectionDefault: r.sectionDefault,
  mentions: r.found,
});

/** Core mentions of one sentence; cues wait until every sentence's core is known. */
function coreMentions(ctx: Context, readings: readonly Reading[], i: number): void {
  const r = readings[i]!;
  // Two sentences either side: "The bridge. On the way to Mum's. I think about it every time."
  const neighbours = [readings[i - 2], readings[i - 1], readings[i + 1], readings[i + 2]]
    .filter((x): x is Reading => x !== undefined)
    .map((x) => x.sent);
  const read = readTargets(r.sent, ctx.rules.targets, neighbours, r.heading);
  r.excluded = read.excluded;
  // A trigger that is part of a risk phrase belongs to it: the "not" of "easier if she were
  // not around" negates nothing else in the sentence.
  const phrases = read.hits.filter((h) => !h.target.rule.cue);
  // A field's answer is not part of the phrase: "Substance: hx cocaine use" dates it.
  r.triggers = r.triggers.filter(
    (t) =>
      t.kind === 'terminate' ||
      isFieldAnswer(t, r.sent) ||
      !phrases.some((h) => h.start <= t.start && t.end <= h.end && (h.start < t.start || t.end < h.end)),
  );
  for (const hit of read.hits) {
    const rule = hit.target.rule;
    if (rule.cue) {
      r.cues.push(hit);
      continue;
    }
    const category0 = rule.category as RiskCategory;
    const experiencer = category0 !== 'risk.ipv' && category0 !== 'risk.child_safety';
    const input = { ...assertionInput(ctx, r, hit, experiencer), ...(rule.ignore ? { ignore: rule.ignore } : {}) };
    let assertion: Assertion | null = rule.asserts ?? assertionOf(input);
    if (assertion === null) continue;
    const pastOnly = assertion === 'denied' && deniesOnlyHistory(input);
    const lifetime = assertion === 'denied' && deniesLifetime(input);
    // "Feels safe at home" denies IPV; "feels unsafe" affirms it (the rule says which).
    if (rule.inverted && (assertion === 'present' || assertion === 'denied')) assertion = assertion === 'present' ? 'denied' : 'present';
    let category = category0;
    let infantKind = rule.infant;
    let unframed = false;
    if (rule.pronoun) {
      const adult =
        referentOf(
          ctx.engine,
          readings.slice(0, i + 1).map((x) => x.sent),
          hit.start,
          ctx.askedSentences,
        ) === 'adult';
      // An adult falling in someone's mind's eye is not a risk; an adult harmed is HI.
      if (adult && infantKind === 'image') continue;
      if (adult) {
        category = 'risk.hi';
        infantKind = undefined;
      } else infantKind ??= 'agent';
    }
    if (infantKind) {
      const around = readings.slice(Math.max(0, i - 1), i + 2).map((x) => x.sent);
      const judged = classifyInfant(ctx.engine, infantKind, r.sent, around, assertion, ctx.mode !== 'note', hit);
      category = judged.category;
      unframed = !judged.framed;
    }
    r.found.push({
      start: hit.start,
      end: hit.end,
      category,
      assertion,
      rule: rule.id,
      confidence: rule.confidence ?? 'high',
      ...(pastOnly ? { pastOnly } : {}),
      ...(lifetime ? { lifetime } : {}),
      ...(rule.screenerItem ? { screenerItem: true } : {}),
      ...(unframed ? { unframed } : {}),
      ...(rule.inverted ? { inverted: true } : {}),
      ...(rule.yieldsToLabel ? { yieldsToLabel: true } : {}),
    });
  }
}

/** Reads every sentence of a text: targets, context, then cues that lean on their neighbours. */
export function readText(text: string, ctx: Context): Reading[] {
  const { sentences } = prepare(text, ctx.rules);
  const headings = new Map<string, Set<string>>();
  const headingOf = (h: string | null): Sentence | undefined => (h ? headingSentences(ctx.rules, h)[0] : undefined);
  const readings: Reading[] = sentences.map((sent) => {
    const triggers = findTriggers(sent, ctx.rules);
    const heading = headingOf(sent.seg.heading);
    return {
      sent,
      triggers,
      found: [],
      cues: [],
      excluded: [],
      sectionDefault: sectionDefaultOf(ctx, sent.seg.heading, triggers, headings),
      ...(heading ? { heading } : {}),
    };
  });
  readings.forEach((_, i) => coreMentions(ctx, readings, i));
  readings.forEach(itemsYieldToLabels);
  readings.forEach((_, i) => cueMentions(ctx, readings, i));
  methodOnBabyYields(ctx, readings);
  readings.forEach(qualifiersFollowHost);
  // Speech closes a risk as past a sentence later ("It's well gone now"); a note dates it in place.
  if (ctx.mode !== 'note') closeAsPast(ctx, readings);
  else
    readings.forEach((r) => {
      hisIsNotHers(r);
      othersGoOn(r);
    });
  echoQuestions(ctx, readings);
  return readings;
}

/**
 * "Q2 Non-specific active suicidal thoughts: N": the screen's item number and the label
 * written after it are one item; the label carries the answer, so the bare number yields.
 */
function itemsYieldToLabels(r: Reading): void {
  const yields = (f: Found): boolean =>
    f.yieldsToLabel === true && r.found.some((g) => g !== f && g.start === f.end && familyOf(g.category) === familyOf(f.category));
  for (let i = r.found.length - 1; i >= 0; i--) if (yields(r.found[i]!)) r.found.splice(i, 1);
}

/**
 * "-SI w/ method", "denies SI with plan": a level that hangs from another mention of its
 * risk by "with" stands as that mention stands.
 */
function qualifiersFollowHost(r: Reading): void {
  for (const f of r.found) {
    if (r.sent.tokens[f.start - 1]?.lower !== 'with') continue;
    const host = r.found.find(
      (h) => h !== f && h.end === f.start - 1 && familyOf(h.category) !== null && familyOf(h.category) === familyOf(f.category),
    );
    if (host) f.assertion = host.assertion;
  }
}

/** "I wanted to be dead most days at uni. It's well gone now.": the risk just voiced is history. */
function closeAsPast(ctx: Context, readings: readonly Reading[]): void {
  const closes = ctx.engine.lists.get('context.closesAsPast');
  if (!closes) return;
  readings.forEach((r, i) => {
    // The sentence after, or the one after that ("...I thought of ending my life. I told my pastor. That was 2017.").
    const closing = readings.slice(i + 1, i + 3).find((n) => findAll(closes, n.sent.ctx).length > 0);
    if (
      !closing ||
      readings
        .slice(i + 1, readings.indexOf(closing) + 1)
        .some((n) => n.found.some((f) => f.confidence === 'high' && f.assertion === 'present'))
    )
      return;
    for (const f of r.found) if (f.assertion === 'present') f.assertion = 'historical';
  });
}

/**
 * "Kill myself? No." A short question echoing the therapist, answered no, is a denial; so
 * is a screen written out as its questions ("2. Family better off if you were dead? No").
 */
function echoQuestions(ctx: Context, readings: readonly Reading[]): void {
  const no = ctx.engine.lists.get('answers.no');
  const longest = ctx.mode === 'note' ? 12 : 5;
  readings.forEach((r, i) => {
    const next = readings[i + 1];
    const words = r.sent.tokens.filter((t) => !t.mark).length;
    if (!next || !no || !/\?\s*$/.test(r.sent.seg.text) || words > longest) return;
    const lead = next.sent.tokens.findIndex((t) => !t.mark);
    if (lead < 0 || !endsOf(no, lead, next.sent.ctx).some((e) => e > lead)) return;
    for (const f of r.found) if (f.assertion === 'present') f.assertion = 'denied';
  });
}

function toMentions(text: string, readings: readonly Reading[], ctx: Context): RiskMention[] {
  const meansConcepts = ['lethal-means', 'method-act'].flatMap((n) => ctx.rules.concepts.get(n) ?? []);
  const seen = new Set<string>();
  const out: RiskMention[] = [];
  for (const r of readings) {
    const { seg, tokens } = r.sent;
    // One mention per sentence, category and standing: the confident one when there are two.
    const ordered = [...r.found].sort((a, b) => (a.confidence === b.confidence ? 0 : a.confidence === 'high' ? -1 : 1));
    const kept = ordered.filter((f) => {
      // One per category and standing at each spot; two denials in one sentence ("no AVH, no
      // paranoia") are two findings, each with its own words.
      const key = `${f.start}|${f.category}|${f.assertion}|${f.pastOnly ?? false}|${f.screenerItem ?? false}`;
      if (seen.has(`${seg.start}|${key}`)) return false;
      seen.add(`${seg.start}|${key}`);
      return true;
    });
    // The means the sentence names ("jumping", "the medicines"), read once per sentence, so
    // a denial of one means is not read as a denial of another.
    const means = kept.some((f) => f.category.startsWith('risk.si'))
      ? [
          ...new Set(
            meansConcepts
              .flatMap((c) => findAll(c, r.sent.ctx))
              .map(([s, e]) =>
                tokens
                  .slice(s, e)
                  .map((t) => t.keys[1] ?? t.lower)
                  .join(' '),
              ),
          ),
        ]
      : [];
    for (const f of kept.sort((a, b) => a.start - b.start)) {
      const severity = severityIn(ctx.engine, r.sent, f.category);
      out.push({
        category: f.category,
        assertion: f.assertion,
        confidence: f.unframed ? 'low' : f.confidence,
        ...(f.pastOnly ? { pastOnly: true } : {}),
        ...(f.lifetime ? { lifetime: true } : {}),
        ...(f.screenerItem ? { screenerItem: true } : {}),
        ...(severity.length > 0 ? { severity } : {}),
        ...(means.length > 0 && f.category.startsWith('risk.si') ? { means } : {}),
        rule: f.rule,
        trigger: text.slice(tokens[f.start]?.start ?? seg.start, tokens[f.end - 1]?.end ?? seg.end),
        sentence: seg.text,
        start: seg.start,
        end: seg.end,
      });
    }
  }
  return out;
}

/**
 * Finds risk language in a note or a spoken turn: category, assertion and confidence, in
 * text order. In speech, `previousTurn` lets a bare yes/no answer take the risk the
 * therapist asked about.
 */
export function findRiskMentions(engine: RiskEngine, written: string, opts: FindOptions): RiskMention[] {
  // "~~Pt denies SI.~~ Pt endorses passive SI": a reviewer struck the words out of the draft.
  // Blanked, not removed, so every offset still points into what was written.
  const text = opts.mode === 'note' ? written.replace(/~~[^~\n]+~~/g, (s) => ' '.repeat(s.length)) : written;
  const rules = engine.modes[opts.mode];
  const speech = opts.mode !== 'note';
  const asked: Asked | null =
    speech && opts.previousTurn ? askedIn(engine, opts.previousTurn, opts.mode === 'relay' ? 'relay' : 'speech') : null;
  const ctx: Context = {
    engine,
    rules,
    mode: opts.mode,
    asked: asked?.context ?? [],
    askedSentences: asked?.sentences ?? [],
    cueDefault: null,
  };
  const readings = readText(text, ctx);
  if (asked) answerMentions(ctx, readings, asked);
  netMentions(ctx, readings);
  const mentions = toMentions(text, readings, ctx);
  // Client speech only: a note is a clinician's wording, which the rules are written for.
  const reader = engine.rules.secondReader;
  if (!reader || !speech || opts.rulesOnly) return mentions;
  // An answer to a question that names no risk ("Have you got out for a walk?" "Yes, a few
  // times.") carries none: the model's taste for bare yeses must not invent it. The question
  // answered is the last one ("Any thoughts of suicide? And how is the baby sleeping?").
  const unrelatedQuestion = opts.previousTurn !== undefined && (asked?.families.length ?? 0) === 0;
  return withSecondReader(reader, text, opts, mentions, { mayAdd: !unrelatedQuestion });
}

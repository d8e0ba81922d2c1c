import type { Token } from '../nlp/tokenize.ts';
import type { Matcher } from './compile.ts';

/** What matching needs besides the tokens: concepts by name, and where gaps must stop. */
export interface MatchContext {
  tokens: readonly Token[];
  concept: (name: string) => Matcher | undefined;
  /** Tokens a gap ("...") does not cross: clause ends ("but", ";") and other people. */
  breaks: readonly boolean[];
  /** Tokens a loose gap ("~6") does not cross: clause ends only. */
  clauseBreaks: readonly boolean[];
  /** Concept matches already worked out, by concept and start. */
  memo: Map<string, number[]>;
  /** Whole-sentence matches already worked out, by matcher (a rule's `within`, a concept asked twice). */
  spans?: WeakMap<Matcher, [number, number][]>;
}

/**
 * The words a match can start with, or null when it can start anywhere (a regex, an
 * optional start): findAll tries only the positions holding one of them.
 */
const FIRST = new WeakMap<MatchContext['concept'], WeakMap<Matcher, Set<string> | null>>();

function firstOf(m: Matcher, ctx: MatchContext, seen: Set<string> = new Set()): Set<string> | null {
  // Concepts differ by reading mode, and each mode has its own lookup: cache per lookup.
  let cache = FIRST.get(ctx.concept);
  if (!cache) FIRST.set(ctx.concept, (cache = new WeakMap()));
  const hit = cache.get(m);
  if (hit !== undefined) return hit;
  const out = computeFirst(m, ctx, seen);
  if (seen.size === 0) cache.set(m, out);
  return out;
}

function computeFirst(m: Matcher, ctx: MatchContext, seen: Set<string>): Set<string> | null {
  let out: Set<string> | null;
  switch (m.k) {
    case 'keys':
      out = new Set(m.keys);
      break;
    case 'lower':
      out = new Set(m.words);
      break;
    case 'cased':
      out = new Set([m.text.toLowerCase()]);
      break;
    case 'concept': {
      const c = ctx.concept(m.name);
      out = c && !seen.has(m.name) ? firstOf(c, ctx, new Set([...seen, m.name])) : null;
      break;
    }
    case 'alt': {
      out = new Set<string>();
      for (const seq of m.alts) {
        const f = seqFirst(seq, ctx, seen);
        if (!f) {
          out = null;
          break;
        }
        f.forEach((w) => out!.add(w));
      }
      break;
    }
    case 'rep':
      out = m.min > 0 ? firstOf(m.node, ctx, seen) : null;
      break;
    default:
      out = null;
  }
  return out;
}

/**
 * The words a sequence can start with: "(a | bit of a)? practice run" starts with "a",
 * "bit" or "practice". An optional element adds its words and lets the next one start too.
 */
function seqFirst(seq: readonly Matcher[], ctx: MatchContext, seen: Set<string>): Set<string> | null {
  const out = new Set<string>();
  for (const el of seq) {
    if (el.k === 'gap' || el.k === 'start' || el.k === 'end') return null;
    const optional = el.k === 'rep' && el.min === 0;
    const f = optional ? firstOf(el.node, ctx, seen) : firstOf(el, ctx, seen);
    if (!f) return null;
    f.forEach((w) => out.add(w));
    if (!optional) return out;
  }
  return null;
}

/** Matches inside [from, to), from the whole-sentence matches (kept): for one-token words such as "self". */
export function spansWithin(m: Matcher, ctx: MatchContext, from: number, to: number): [number, number][] {
  return findAll(m, ctx).filter(([s, e]) => s >= from && e <= to);
}

const NONE: readonly number[] = [];
// One shared one-element array per position: most matchers end one token on, and a fresh
// array per try was a fifth of the time spent finding risk in a note. Never mutated.
const ONE: (readonly number[])[] = [];
const one = (n: number): readonly number[] => (ONE[n] ??= Object.freeze([n]));

function hasAnyKey(tok: Token, keys: ReadonlySet<string>): boolean {
  for (const k of tok.keys) if (keys.has(k)) return true;
  return false;
}

function unique(xs: number[]): number[] {
  return xs.length < 2 ? xs : [...new Set(xs)];
}

/** Every position a matcher can end at when it starts at `pos`. */
export function endsOf(m: Matcher, pos: number, ctx: MatchContext): readonly number[] {
  const tok = ctx.tokens[pos];
  switch (m.k) {
    case 'keys':
      return tok && hasAnyKey(tok, m.keys) ? one(pos + 1) : NONE;
    case 'lower':
      return tok && m.words.has(tok.lower) ? one(pos + 1) : NONE;
    case 'cased':
      // A mark written one way and read as another (a dot leader read as ":") matches as read.
      return tok && (tok.text === m.text || (tok.mark && tok.lower === m.text)) ? one(pos + 1) : NONE;
    case 'regex':
      return tok && m.re.test(tok.lower) ? one(pos + 1) : NONE;
    case 'any':
      return tok ? one(pos + 1) : NONE;
    case 'start':
      for (let i = 0; i < pos; i++) if (!ctx.tokens[i]!.mark) return NONE;
      return one(pos);
    case 'end':
      for (let i = pos; i < ctx.tokens.length; i++) if (!ctx.tokens[i]!.mark) return NONE;
      return one(pos);
    case 'gap': {
      const out = [pos];
      const stops = m.loose ? ctx.clauseBreaks : ctx.breaks;
      for (let i = pos; i < Math.min(ctx.tokens.length, pos + m.max) && !stops[i]; i++) out.push(i + 1);
      return out;
    }
    case 'concept': {
      const key = `${m.name}@${pos}`;
      const hit = ctx.memo.get(key);
      if (hit) return hit;
      const c = ctx.concept(m.name);
      const ends = c ? [...endsOf(c, pos, ctx)] : [];
      ctx.memo.set(key, ends);
      return ends;
    }
    case 'alt': {
      const out: number[] = [];
      for (const seq of m.alts) out.push(...seqEnds(seq, 0, pos, ctx));
      return unique(out);
    }
    case 'rep': {
      let frontier = [pos];
      const out = m.min === 0 ? [pos] : [];
      for (let n = 1; n <= m.max && frontier.length > 0; n++) {
        // Each repetition must consume a token, or "x*" over an optional x never ends.
        const next = unique(frontier.flatMap((p) => endsOf(m.node, p, ctx).filter((e) => e > p)));
        if (n >= m.min) out.push(...next);
        frontier = next;
      }
      return unique(out);
    }
  }
}

export function seqEnds(seq: readonly Matcher[], i: number, pos: number, ctx: MatchContext): readonly number[] {
  if (i === seq.length) return one(pos);
  const ends = endsOf(seq[i]!, pos, ctx);
  if (ends.length === 0) return NONE;
  if (ends.length === 1) return seqEnds(seq, i + 1, ends[0]!, ctx);
  const out: number[] = [];
  for (const e of ends) out.push(...seqEnds(seq, i + 1, e, ctx));
  return unique(out);
}

/** Matches as [start, end) token spans: the longest at each start. */
export function findAll(m: Matcher, ctx: MatchContext, from = 0, to = ctx.tokens.length): [number, number][] {
  // The whole sentence is asked for again and again (a rule's `within`, a concept in context): keep it.
  if (from === 0 && to === ctx.tokens.length) {
    ctx.spans ??= new WeakMap();
    const hit = ctx.spans.get(m);
    if (hit) return hit;
    const all = scan(m, ctx, 0, to);
    ctx.spans.set(m, all);
    return all;
  }
  return scan(m, ctx, from, to);
}

/**
 * One-token matchers of which a match must contain at least one, or null when that is not
 * known: "':'? rated|at? '('? /^0$/" can start anywhere, but needs a "0" somewhere.
 */
const NEEDS = new WeakMap<Matcher, Matcher[] | null>();
const SINGLE = new Set(['keys', 'lower', 'cased', 'regex']);

function needsOf(m: Matcher): Matcher[] | null {
  const hit = NEEDS.get(m);
  if (hit !== undefined) return hit;
  let out: Matcher[] | null = null;
  if (m.k === 'alt') {
    out = [];
    for (const seq of m.alts) {
      const el = seq.find((x) => !(x.k === 'rep' && x.min === 0) && x.k !== 'gap' && x.k !== 'start' && x.k !== 'end');
      const single = el && (SINGLE.has(el.k) ? el : el.k === 'rep' && SINGLE.has(el.node.k) ? el.node : null);
      if (!single) {
        out = null;
        break;
      }
      out.push(single);
    }
  }
  NEEDS.set(m, out);
  return out;
}

function scan(m: Matcher, ctx: MatchContext, from: number, to: number): [number, number][] {
  const first = firstOf(m, ctx);
  const needs = first ? null : needsOf(m);
  if (needs) {
    let present = false;
    for (let i = from; i < to && !present; i++) present = needs.some((n) => endsOf(n, i, ctx).length > 0);
    if (!present) return [];
  }
  const out: [number, number][] = [];
  for (let s = from; s < to; s++) {
    const tok = ctx.tokens[s]!;
    if (first && !hasAnyKey(tok, first) && !first.has(tok.lower)) continue;
    const ends = endsOf(m, s, ctx).filter((e) => e > s && e <= to);
    if (ends.length > 0) out.push([s, Math.max(...ends)]);
  }
  return out;
}

/** Whether the matcher matches a span ending exactly at `end` (for "not after" checks). */
export function endsAt(m: Matcher, end: number, ctx: MatchContext, reach = 8): boolean {
  for (let s = Math.max(0, end - reach); s < end; s++) if (endsOf(m, s, ctx).includes(end)) return true;
  return false;
}

/** Whether the matcher matches a span starting exactly at `start`. */
export function startsAt(m: Matcher, start: number, ctx: MatchContext): boolean {
  return endsOf(m, start, ctx).some((e) => e > start);
}

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
        const f = seq.length > 0 ? firstOf(seq[0]!, ctx, seen) : null;
        const optionalStart = seq[0] && ((seq[0].k === 'rep' && seq[0].min === 0) || seq[0].k === 'gap' || seq[0].k === 'start');
        if (!f || optionalStart) {
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

/** Matches inside [from, to), from the whole-sentence matches (kept): for one-token words such as "self". */
export function spansWithin(m: Matcher, ctx: MatchContext, from: number, to: number): [number, number][] {
  return findAll(m, ctx).filter(([s, e]) => s >= from && e <= to);
}

const NONE: readonly number[] = [];

function unique(xs: number[]): number[] {
  return xs.length < 2 ? xs : [...new Set(xs)];
}

/** Every position a matcher can end at when it starts at `pos`. */
export function endsOf(m: Matcher, pos: number, ctx: MatchContext): readonly number[] {
  const tok = ctx.tokens[pos];
  switch (m.k) {
    case 'keys':
      return tok && tok.keys.some((k) => m.keys.has(k)) ? [pos + 1] : NONE;
    case 'lower':
      return tok && m.words.has(tok.lower) ? [pos + 1] : NONE;
    case 'cased':
      return tok && tok.text === m.text ? [pos + 1] : NONE;
    case 'regex':
      return tok && m.re.test(tok.lower) ? [pos + 1] : NONE;
    case 'any':
      return tok ? [pos + 1] : NONE;
    case 'start':
      return ctx.tokens.slice(0, pos).every((t) => t.mark) ? [pos] : NONE;
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

export function seqEnds(seq: readonly Matcher[], i: number, pos: number, ctx: MatchContext): number[] {
  if (i === seq.length) return [pos];
  const out: number[] = [];
  for (const e of endsOf(seq[i]!, pos, ctx)) out.push(...seqEnds(seq, i + 1, e, ctx));
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

function scan(m: Matcher, ctx: MatchContext, from: number, to: number): [number, number][] {
  const first = firstOf(m, ctx);
  const out: [number, number][] = [];
  for (let s = from; s < to; s++) {
    if (first && !ctx.tokens[s]!.keys.some((k) => first.has(k)) && !first.has(ctx.tokens[s]!.text.toLowerCase())) continue;
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

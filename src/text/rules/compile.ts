import { lemmaOf, tokenize } from '../nlp/tokenize.ts';
import { parsePattern, type Node } from './pattern.ts';

/** A pattern ready to match: words resolved to the keys tokens carry. */
export type Matcher =
  | { k: 'keys'; keys: ReadonlySet<string> }
  | { k: 'lower'; words: ReadonlySet<string> }
  | { k: 'cased'; text: string }
  | { k: 'regex'; re: RegExp }
  | { k: 'any' }
  | { k: 'start' }
  | { k: 'end' }
  | { k: 'gap'; max: number; loose: boolean }
  | { k: 'concept'; name: string }
  | { k: 'alt'; alts: readonly (readonly Matcher[])[] }
  | { k: 'rep'; node: Matcher; min: number; max: number };

/** The keys one written word stands for: itself and its lemma ("thoughts" also "thought"). */
const keysCache = new Map<string, Matcher[]>();

/**
 * A rule word as matchers. Most are one token; a word the tokenizer splits ("don't",
 * "w/o", "C-SSRS") becomes a sequence of its parts.
 */
function wordMatchers(word: string): Matcher[] {
  const hit = keysCache.get(word);
  if (hit) return hit;
  const toks = tokenize(word);
  const seq: Matcher[] =
    toks.length <= 1
      ? [{ k: 'keys', keys: new Set([word, lemmaOf(word)]) }]
      : toks.map((t) =>
          t.mark ? { k: 'lower', words: new Set([t.lower]) } : { k: 'keys', keys: new Set([t.lower, t.keys[1] ?? t.lower]) },
        );
  keysCache.set(word, seq);
  return seq;
}

function casedMatchers(text: string): Matcher[] {
  const toks = tokenize(text);
  return toks.length === 0 ? [{ k: 'cased', text }] : toks.map((t) => ({ k: 'cased', text: t.text }));
}

function exactMatchers(word: string): Matcher[] {
  const toks = tokenize(word);
  return toks.length <= 1 ? [{ k: 'lower', words: new Set([word]) }] : toks.map((t) => ({ k: 'lower', words: new Set([t.lower]) }));
}

/** One matcher for a list of alternatives, each a token sequence. */
function alternatives(seqs: Matcher[][]): Matcher {
  if (seqs.length === 1 && seqs[0]!.length === 1) return seqs[0]![0]!;
  // Single-token alternatives of one kind merge into one set lookup.
  if (seqs.every((s) => s.length === 1 && s[0]!.k === 'keys'))
    return { k: 'keys', keys: new Set(seqs.flatMap((s) => [...(s[0] as { keys: ReadonlySet<string> }).keys])) };
  return { k: 'alt', alts: seqs };
}

function compileNode(n: Node): Matcher {
  switch (n.kind) {
    case 'word':
      return alternatives(n.words.map(wordMatchers));
    case 'exact':
      return alternatives(n.words.map(exactMatchers));
    case 'cased':
      return alternatives([casedMatchers(n.text)]);
    case 'concept':
      return { k: 'concept', name: n.name };
    case 'regex':
      return { k: 'regex', re: n.re };
    case 'any':
      return { k: 'any' };
    case 'start':
      return { k: 'start' };
    case 'end':
      return { k: 'end' };
    case 'gap':
      return { k: 'gap', max: n.max, loose: n.loose ?? false };
    case 'group':
      return alternatives(n.alts.map((a) => a.map(compileNode)));
    case 'repeat':
      return { k: 'rep', node: compileNode(n.node), min: n.min, max: n.max };
  }
}

/** Compiles a pattern string; throws PatternError on bad syntax. */
export function compilePattern(src: string): Matcher {
  return alternatives(parsePattern(src).map((seq) => seq.map(compileNode)));
}

/** Compiles several patterns (a concept's terms) as one set of alternatives. */
export function compilePatterns(srcs: readonly string[]): Matcher {
  return { k: 'alt', alts: srcs.map((s) => [compilePattern(s)]) };
}

/**
 * Words of which at least one must be in a sentence for the matcher to match there, or
 * null when any sentence might do (a regex, an optional start). Rules are tried only on
 * sentences holding one of their anchor words: most sentences hold none.
 */
export function anchorsOf(m: Matcher, concept: (name: string) => Matcher | undefined, seen = new Set<string>()): Set<string> | null {
  switch (m.k) {
    case 'keys':
      return new Set(m.keys);
    case 'lower':
      return new Set(m.words);
    case 'cased':
      return new Set([m.text.toLowerCase()]);
    case 'concept': {
      const c = concept(m.name);
      if (!c || seen.has(m.name)) return null;
      return anchorsOf(c, concept, new Set([...seen, m.name]));
    }
    case 'alt': {
      const all = new Set<string>();
      for (const seq of m.alts) {
        const a = seqAnchors(seq, concept, seen);
        if (!a) return null;
        a.forEach((w) => all.add(w));
      }
      return all;
    }
    case 'rep':
      return m.min > 0 ? anchorsOf(m.node, concept, seen) : null;
    default:
      return null;
  }
}

// Words so common that anchoring on them saves nothing: a rule anchored on "was" is tried on
// half of all sentences. An anchor set holding one is a last resort.
const COMMON = new Set(
  'a an the to of in on at by for with and or but not no i me my you your she her he him his it its they them we is am are was were be been being have has had do does did will would can could should just so that this there then as if when what how all any some one up out about into over from'.split(
    ' ',
  ),
);
export const anchorCost = (a: Set<string>): number => a.size + 1000 * [...a].filter((w) => COMMON.has(w)).length;

function seqAnchors(seq: readonly Matcher[], concept: (name: string) => Matcher | undefined, seen: Set<string>): Set<string> | null {
  let best: Set<string> | null = null;
  for (const m of seq) {
    const a = anchorsOf(m, concept, seen);
    if (a && (!best || anchorCost(a) < anchorCost(best))) best = a;
  }
  return best;
}

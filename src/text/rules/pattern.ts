/**
 * The token pattern language of rubrics/risk (documented in rubrics/risk/README.md):
 *
 *   kill            the word in any form: kill, kills, killed, killing
 *   kill|end        either word (a "|" with no spaces joins single words, concepts, groups)
 *   a b | c d       with spaces: either sequence
 *   =dead           exactly this word, no other form ("dead", not "die")
 *   'SI'            exactly as written, letter case too (also for marks: ':' '+' 'w/o')
 *   <method>        any term of a concept
 *   /^q\d$/         a token whose lower-case text matches the regex (the escape hatch)
 *   _               any one token
 *   ^               the start of the sentence (only marks before)
 *   $               the end of the sentence (only marks after)
 *   ...             up to three tokens of the same clause, not crossing another person; ..6 up to six
 *   ~6              up to six tokens of the same clause, whoever is in them
 *   (a b | c)       a group of alternatives; x? optional, x* up to four, x+ one to four
 */
export type Node =
  | { kind: 'word'; words: string[] }
  | { kind: 'exact'; words: string[] }
  | { kind: 'cased'; text: string }
  | { kind: 'concept'; name: string }
  | { kind: 'regex'; re: RegExp }
  | { kind: 'any' }
  | { kind: 'start' }
  | { kind: 'end' }
  | { kind: 'gap'; max: number; loose?: boolean }
  | { kind: 'group'; alts: Node[][] }
  | { kind: 'repeat'; node: Node; min: number; max: number };

export class PatternError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

interface Lexeme {
  /** `tight`: a "|" with no space before it, joining two atoms ("kill|end", "<partner>|he"). */
  type: 'open' | 'close' | 'bar' | 'tight' | 'quant' | 'atom';
  text: string;
  at: number;
}

// A word may start with an apostrophe: "'s", "'d" are tokens of their own.
const WORD = /^'?[\p{L}\p{N}][\p{L}\p{N}'.&/-]*/u;

function lex(src: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '|') {
      const tight = i > 0 && !/\s/.test(src[i - 1]!) && i + 1 < src.length && !/\s/.test(src[i + 1]!);
      out.push({ type: tight ? 'tight' : 'bar', text: c, at: i });
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      out.push({ type: c === '(' ? 'open' : 'close', text: c, at: i });
      i++;
      continue;
    }
    if (c === '^' || c === '$') {
      out.push({ type: 'atom', text: c, at: i });
      i++;
      continue;
    }
    if (c === '?' || c === '*' || c === '+') {
      out.push({ type: 'quant', text: c, at: i });
      i++;
      continue;
    }
    const rest = src.slice(i);
    const m =
      // Quoted text is one token, so it holds no space: "'s older" is a word, not a quote.
      /^'[^'\s|]+'/.exec(rest) ??
      // A regex matches one token, and tokens hold no spaces: so neither does a regex.
      /^\/(?:[^/\\\s]|\\.)+\//.exec(rest) ??
      /^<[a-z][a-z0-9-]*>/.exec(rest) ??
      /^\.\.\.(?!\.)/.exec(rest) ??
      /^\.\.\d{1,2}/.exec(rest) ??
      /^~\d{1,2}/.exec(rest) ??
      /^_(?![\p{L}\p{N}])/u.exec(rest) ??
      /^=[\p{L}\p{N}][\p{L}\p{N}'.&-]*/u.exec(rest) ??
      WORD.exec(rest);
    if (!m) throw new PatternError(`unexpected "${c}"`, i);
    out.push({ type: 'atom', text: m[0], at: i });
    i += m[0].length;
  }
  return out;
}

function atom(lx: Lexeme): Node {
  const t = lx.text;
  // A quote is 'text'; a bare clitic ("'s", "'ll", "'d") is a word like any other.
  if (t.length > 2 && t.startsWith("'") && t.endsWith("'")) return { kind: 'cased', text: t.slice(1, -1) };
  if (t.startsWith('/')) {
    try {
      return { kind: 'regex', re: new RegExp(t.slice(1, -1), 'u') };
    } catch (err) {
      throw new PatternError(`bad regex ${t}: ${(err as Error).message}`, lx.at);
    }
  }
  if (t.startsWith('<')) return { kind: 'concept', name: t.slice(1, -1) };
  if (t === '...') return { kind: 'gap', max: 3 };
  if (t.startsWith('..')) return { kind: 'gap', max: Number(t.slice(2)) };
  if (t.startsWith('~')) return { kind: 'gap', max: Number(t.slice(1)), loose: true };
  if (t === '_') return { kind: 'any' };
  if (t === '^') return { kind: 'start' };
  if (t === '$') return { kind: 'end' };
  if (t.startsWith('=')) return { kind: 'exact', words: [t.slice(1).toLowerCase()] };
  return { kind: 'word', words: [t.toLowerCase()] };
}

/** Parses a pattern into alternatives of sequences; throws PatternError with the column. */
export function parsePattern(src: string): Node[][] {
  const lexemes = lex(src);
  let i = 0;
  const primary = (depth: number): Node => {
    const lx = lexemes[i];
    if (!lx) throw new PatternError('a pattern ends where a word was expected', src.length);
    i++;
    if (lx.type === 'open') {
      const inner = alternatives(depth + 1);
      if (lexemes[i]?.type !== 'close') throw new PatternError('"(" without ")"', lx.at);
      i++;
      return { kind: 'group', alts: inner };
    }
    if (lx.type !== 'atom') throw new PatternError(`"${lx.text}" where a word was expected`, lx.at);
    return atom(lx);
  };
  // Atoms joined by a tight "|" are one choice: "kill|end <life>" is (kill or end) then a life.
  const chain = (depth: number): Node => {
    const first = primary(depth);
    if (lexemes[i]?.type !== 'tight') return first;
    const alts: Node[][] = [[first]];
    while (lexemes[i]?.type === 'tight') {
      i++;
      alts.push([primary(depth)]);
    }
    if (alts.some((a) => a[0]!.kind === 'gap')) throw new PatternError('a gap cannot be one of several choices', lexemes[i - 1]!.at);
    return mergeWords(alts);
  };
  const alternatives = (depth: number): Node[][] => {
    const alts: Node[][] = [[]];
    while (i < lexemes.length) {
      const lx = lexemes[i]!;
      if (lx.type === 'close') {
        if (depth === 0) throw new PatternError('")" without "("', lx.at);
        return alts;
      }
      if (lx.type === 'bar') {
        i++;
        alts.push([]);
        continue;
      }
      const seq = alts[alts.length - 1]!;
      if (lx.type === 'quant' || lx.type === 'tight') throw new PatternError(`"${lx.text}" must follow a word, concept or group`, lx.at);
      let node = chain(depth);
      const q = lexemes[i];
      if (q?.type === 'quant') {
        i++;
        if (node.kind === 'gap') throw new PatternError(`"${q.text}" cannot follow a gap`, q.at);
        const [min, max] = q.text === '?' ? [0, 1] : q.text === '*' ? [0, 4] : [1, 4];
        node = { kind: 'repeat', node, min, max };
      }
      seq.push(node);
    }
    if (depth > 0) throw new PatternError('"(" without ")"', src.length);
    return alts;
  };
  const alts = alternatives(0);
  if (alts.some((a) => a.length === 0)) throw new PatternError('an empty alternative ("| |" or a "|" at an end)', 0);
  return alts;
}

/** "a|b|c" of plain words as one word node; anything else as a group. */
function mergeWords(alts: Node[][]): Node {
  const nodes = alts.map((a) => a[0]!);
  if (nodes.every((n) => n.kind === 'word')) return { kind: 'word', words: nodes.flatMap((n) => (n as { words: string[] }).words) };
  if (nodes.every((n) => n.kind === 'exact')) return { kind: 'exact', words: nodes.flatMap((n) => (n as { words: string[] }).words) };
  return { kind: 'group', alts };
}

/** Concepts a pattern refers to, for checking that each exists. */
export function conceptsIn(alts: readonly (readonly Node[])[]): string[] {
  const out: string[] = [];
  const walk = (n: Node): void => {
    if (n.kind === 'concept') out.push(n.name);
    else if (n.kind === 'group') n.alts.forEach((a) => a.forEach(walk));
    else if (n.kind === 'repeat') walk(n.node);
  };
  alts.forEach((a) => a.forEach(walk));
  return out;
}

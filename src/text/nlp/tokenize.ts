import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { baseForms } from './baseForms.ts';

/**
 * A word or mark in a text, with the forms a rule may match it by. Rules match lemmas
 * ("kill" finds "killed", "killing"), so every token carries its lower-case text, its
 * lemma and, where the tagger read a verb as a noun ("picturing", "stockpiling"), the
 * base forms that suffix rules give.
 */
export interface Token {
  /** As written. */
  text: string;
  /** Lower case, straight quotes. */
  lower: string;
  /** Every form a rule word may match: lower, lemma, base forms; for shorthand, what it stands for. */
  keys: readonly string[];
  /** Character offsets in the text the token came from. */
  start: number;
  end: number;
  /** Punctuation or a symbol, not a word. */
  mark: boolean;
}

// wink-nlp with its English lite model: tokens, lemmas and parts of speech in one pass,
// about 0.02 ms a sentence on this machine (compromise took 0.13 ms and missed more
// irregular lemmas: "taken", "written", "dreamt"). See the commit that chose it.
// wink-nlp's its.* helpers are plain functions handed to out() by design, not methods.
/* eslint-disable @typescript-eslint/unbound-method */
const nlp = winkNLP(model);
const its = nlp.its;
// wink's typings give the lemma helper a signature its own `out` does not accept.
const LEMMA = its.lemma as unknown as typeof its.value;

/** Straight quotes, one character for one, so offsets stay the same. */
const foldQuotes = (s: string): string => s.replace(/[\u2018\u2019\u02bc\u2032]/g, "'").replace(/[\u201c\u201d]/g, '"');

// wink keeps a trailing period on short words it takes for abbreviations ("Y.", "pt.");
// a checklist's "Q6 N." or "denies SI. Pt" needs the word and the stop apart.
const KEEPS_DOT = new Set(['e.g.', 'i.e.', 'etc.', 'vs.', 'dr.', 'mr.', 'mrs.', 'ms.', 'a.m.', 'p.m.']);

/** Splits a text into tokens with their offsets and match keys. */
export function tokenize(text: string): Token[] {
  const folded = foldQuotes(text);
  const doc = nlp.readDoc(folded);
  const values: string[] = doc.tokens().out(its.value);
  const lemmas: string[] = doc.tokens().out(LEMMA);
  const types: string[] = doc.tokens().out(its.type);
  const out: Token[] = [];
  let at = 0;
  values.forEach((value, i) => {
    const found = folded.indexOf(value, at);
    // wink's tokens are substrings of the text; if one ever is not, place it where we are.
    const start = found >= 0 ? found : at;
    const end = found >= 0 ? start + value.length : at;
    at = end;
    const mark = types[i] === 'punctuation' || types[i] === 'symbol';
    const lower = value.toLowerCase();
    // A dot leader ("Q3 Thoughts w/ method ........ NO") joins a form's label to its value:
    // it reads as the ":" it stands for.
    if (/^\.{4,}$/.test(value)) {
      out.push(makeToken(':', ':', text.slice(start, end), start, end, true));
      return;
    }
    if (!KEEPS_DOT.has(lower) && /^[a-z]{1,4}\.$/i.test(value)) {
      const word = value.slice(0, -1);
      out.push(makeToken(word, word.toLowerCase(), text.slice(start, end - 1), start, end - 1, false));
      out.push(makeToken('.', '.', '.', end - 1, end, true));
      return;
    }
    // A run of punctuation ("):", ");") is several marks: a rule looks for the ";" or ":" in it.
    // wink may type such a run as an emoticon (");"), so the characters decide, not the type.
    if (value.length > 1 && /^[()[\]{}:;,.!?"]+$/.test(value) && !/^[.]+$/.test(value)) {
      for (let k = 0; k < value.length; k++)
        out.push(makeToken(value[k]!, value[k]!, text.slice(start + k, start + k + 1), start + k, start + k + 1, true));
      return;
    }
    const clitic = mark ? null : splitClitic(value);
    if (clitic) {
      const cut = start + clitic[0].length;
      const head = clitic[0].toLowerCase();
      const headLemma = HEAD_LEMMA[head] ?? (clitic[1] === "'s" ? headLemmaOf(head) : head);
      out.push(makeToken(clitic[0], headLemma, text.slice(start, cut), start, cut, false));
      out.push(makeToken(clitic[1], clitic[2], text.slice(cut, end), cut, end, false));
      return;
    }
    out.push(makeToken(value, lemmas[i] ?? lower, text.slice(start, end), start, end, mark));
  });
  return markFlags(joinHyphens(out, text), text);
}

// Contractions the tagger leaves whole ("I'm", "I've"), and the same typed without the
// apostrophe ("dont", "cant", "im"): split, so "not" and "I" are words the rules can see.
const CLITIC = /^(.+?)('m|'re|'ve|'ll|'d|'s)$/i;
const BARE_NOT = /^(do|does|did|ca|could|would|should|wo|is|are|was|were|have|has|had|ai|must|need)(nt)$/i;
// Scots and northern English say "not" as -nae or -na: "hadnae", "wasnae", "couldna".
const SCOTS_NOT = /^(do|does|did|can|could|would|should|wid|is|are|was|were|have|has|had|must|will|need)(nae|na)$/i;
const HEAD_LEMMA: Record<string, string> = { ca: 'can', wo: 'will', ai: 'be', wid: 'would' };
const CLITIC_LEMMA: Record<string, string> = {
  "'m": 'be',
  "'re": 'be',
  "'ve": 'have',
  "'ll": 'will',
  "'d": 'would',
  "'s": 'be',
  nt: 'not',
  m: 'be',
  ve: 'have',
};

function splitClitic(value: string): [string, string, string] | null {
  const lower = value.toLowerCase();
  if (
    /^(i|you|we|they|she|he|it|that|there|who|what|everybody|everyone|nobody|somebody|someone|something|nothing|everything|things|life|kids|baby)('m|'re|'ve|'ll|'d)$/.test(
      lower,
    )
  ) {
    const m = CLITIC.exec(value)!;
    return [m[1]!, m[2]!, CLITIC_LEMMA[m[2]!.toLowerCase()]!];
  }
  const n = BARE_NOT.exec(value) ?? SCOTS_NOT.exec(value);
  if (n) return [n[1]!, n[2]!, 'not'];
  if (lower === 'im' || lower === 'ive') return [value.slice(0, 1), value.slice(1), CLITIC_LEMMA[lower.slice(1)]!];
  if (lower === 'hes' || lower === 'shes') return [value.slice(0, -1), value.slice(-1), 'be'];
  // wink-nlp splits "mum's" into "mum" + "'s" until a text has taught its lexicon cache
  // "mum's" as one word; after that it keeps it whole, so the same sentence read later in
  // a run tokenised differently (found by a rules-only run whose results hung on the order
  // of the sets). Split it always, as wink does on a fresh start.
  const possessive = /^([a-z][a-z-]*?)('s)$/i.exec(value);
  if (possessive) {
    const head = possessive[1]!;
    return [head, possessive[2]!, /^(it|that|there|what|who|he|she|this|everything|nothing|everyone)$/i.test(head) ? 'be' : "'s"];
  }
  return null;
}

/**
 * "self-harm", "mother-in-law", "C-SSRS", "ego-dystonic" as one token each, as they are
 * one word: the tokenizer splits them, and a lone "-" between two words would otherwise
 * read as a checklist's minus ("-HI").
 */
function joinHyphens(tokens: Token[], text: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = out[out.length - 1];
    const next = tokens[i + 1];
    // "killin'", "nothin'": the dropped g, kept with its word so "kill" still finds it.
    if (t.lower === "'" && prev && !prev.mark && prev.end === t.start && /in$/.test(prev.lower) && (!next || next.start > t.end)) {
      const joined = text.slice(prev.start, t.end);
      out[out.length - 1] = makeToken(joined, prev.lower, joined, prev.start, t.end, false);
      continue;
    }
    if (t.lower === '-' && prev && next && !prev.mark && !next.mark && prev.end === t.start && t.end === next.start) {
      const joined = text.slice(prev.start, next.end);
      out[out.length - 1] = makeToken(joined, `${prev.lower}-${next.keys[1] ?? next.lower}`, joined, prev.start, next.end, false);
      i++;
      continue;
    }
    out.push(t);
  }
  return out;
}

/**
 * A "+" or "-" that stands before a word it touches is a checklist flag ("+SI, -HI"),
 * not arithmetic or a dash: it gets the key plus-flag or minus-flag for the rules.
 */
function markFlags(tokens: Token[], text: string): Token[] {
  return tokens.map((t, i) => {
    const next = tokens[i + 1];
    if ((t.lower !== '+' && t.lower !== '-') || !next || next.mark || !/[a-z0-9]/i.test(next.lower)) return t;
    // "S/I: + passive, - active, - plan": a spaced flag counts where a list item starts.
    const spaced = next.start === t.end + 1 && /(?:^|[,;:(/])\s*$/.test(text.slice(0, t.start));
    if (next.start !== t.end && !spaced) return t;
    // "SI -ve", "intent +ve": a suffix saying negative or positive of the word before it.
    if (next.lower === 've') return t;
    const before = t.start === 0 ? ' ' : text[t.start - 1]!;
    if (!/[\s,;:([/]/.test(before)) return t;
    return { ...t, keys: [...t.keys, t.lower === '+' ? 'plus-flag' : 'minus-flag'] };
  });
}

function makeToken(value: string, lemma: string, written: string, start: number, end: number, mark: boolean): Token {
  const lower = value.toLowerCase();
  const keys = new Set<string>([lower, lemma.toLowerCase()]);
  if (!mark) for (const form of [...baseForms(lower), ...droppedG(lower)]) keys.add(form);
  return { text: written, lower, keys: [...keys], start, end, mark };
}

const HEAD_LEMMAS = new Map<string, string>();
/** "mum" of a whole "mum's" has the lemma wink gives it when it splits the word itself ("mom"). */
function headLemmaOf(word: string): string {
  let l = HEAD_LEMMAS.get(word);
  if (l === undefined) HEAD_LEMMAS.set(word, (l = lemmaOf(word)));
  return l;
}

/** The lemma a rule word stands for, read as the tagger reads it alone ("thoughts" is "thought"). */
export function lemmaOf(word: string): string {
  const lemma: string[] = nlp.readDoc(word).tokens().out(LEMMA);
  return lemma.length === 1 ? lemma[0]!.toLowerCase() : word.toLowerCase();
}

// Words that end in -in and are not a dropped g ("within" is not "withing").
const NOT_DROPPED_G = new Set(['within', 'begin', 'cabin', 'robin', 'basin', 'cousin', 'again', 'margin']);
const DROPPED_G = new Map<string, string[]>();

/**
 * "takin", "drivin", "hopin": the -ing word spoken with its g dropped and written without
 * the apostrophe. Its -ing form and that form's lemma are keys, when the tagger knows the
 * -ing form as an inflected word ("takin" → "taking", "take"; "heroin" stays itself).
 */
function droppedG(lower: string): string[] {
  if (!/^[a-z]{2,}in$/.test(lower) || NOT_DROPPED_G.has(lower)) return [];
  let forms = DROPPED_G.get(lower);
  if (forms === undefined) {
    const ing = `${lower}g`;
    const lemma = lemmaOf(ing);
    forms = lemma === ing ? [] : [ing, lemma];
    DROPPED_G.set(lower, forms);
  }
  return forms;
}

import type { Token } from '../nlp/tokenize.ts';
import { tokenize } from '../nlp/tokenize.ts';
import type { MatchContext } from '../rules/match.ts';
import { endsOf } from '../rules/match.ts';
import { segments, type Segment } from '../sentences.ts';
import type { ModeRules } from './engine.ts';

/** A sentence (or list item) ready for the rules: its tokens, shorthand read out, and its match context. */
export interface Sentence {
  seg: Segment;
  tokens: Token[];
  /** Every key of every token, for picking the rules worth trying. */
  keys: Set<string>;
  ctx: MatchContext;
}

/** Shorthand replaced by the words it stands for, each new token spanning the written form. */
function readShorthand(tokens: readonly Token[], rules: ModeRules): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const abbrev = rules.abbreviations.get(tok.lower)?.find((a) =>
      a.written.every((w, j) => {
        const t = tokens[i + j];
        return t !== undefined && (a.caseSensitive ? t.text === w : t.lower === w);
      }),
    );
    if (!abbrev) {
      out.push(tok);
      continue;
    }
    const last = tokens[i + abbrev.written.length - 1]!;
    const text = tokens
      .slice(i, i + abbrev.written.length)
      .map((t) => t.text)
      .join('');
    for (const m of abbrev.means) out.push({ text, lower: m.lower, keys: m.keys, start: tok.start, end: last.end, mark: false });
    i += abbrev.written.length - 1;
  }
  return out;
}

export function sentenceFrom(seg: Segment, raw: readonly Token[], rules: ModeRules): Sentence {
  const tokens = readShorthand(raw, rules);
  const keys = new Set<string>();
  for (const t of tokens) for (const k of t.keys) keys.add(k);
  const ctx: MatchContext = { tokens, concept: rules.lookup, breaks: [], clauseBreaks: [], memo: new Map() };
  // A gap ("...") stops at the end of a clause and at another person, who would be the one acting.
  const flags = (name: string): boolean[] => {
    const stop = rules.concepts.get(name);
    const out = tokens.map(() => false);
    if (stop) for (let i = 0; i < tokens.length; i++) for (const e of endsOf(stop, i, ctx)) for (let j = i; j < e; j++) out[j] = true;
    return out;
  };
  ctx.breaks = flags('gap-stop');
  ctx.clauseBreaks = flags('clause-break');
  return { seg, tokens, keys, ctx };
}

/**
 * Splits a text into sentences and tokenises it once: the tokenizer runs over the
 * whole text and its tokens are shared out to the sentences by offset.
 */
export function prepare(text: string, rules: ModeRules): { sentences: Sentence[]; headings: Segment[] } {
  const segs = segments(text, { keepLabels: true });
  const tokens = tokenize(text);
  const sentences: Sentence[] = [];
  let t = 0;
  for (const seg of segs) {
    while (t < tokens.length && tokens[t]!.end <= seg.start) t++;
    const own: Token[] = [];
    let u = t;
    // A line break inside a sentence is a wrap ("a formulated\nplan"), not a word: rules read
    // across it. Sentences and label lines are already split where a line break means one.
    for (; u < tokens.length && tokens[u]!.start < seg.end; u++) if (!/^\s+$/.test(tokens[u]!.text)) own.push(tokens[u]!);
    if (!seg.isHeading) sentences.push(sentenceFrom(seg, own, rules));
  }
  return { sentences, headings: segs.filter((s) => s.isHeading) };
}

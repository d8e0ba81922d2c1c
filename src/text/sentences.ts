/** A piece of text with its character offsets in the text it came from. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

/** A sentence with the section heading in effect where it stands ("Family history", "S"). */
export interface Segment extends Span {
  heading: string | null;
  /** The span is a heading itself ("## Plan", "**S:**"), not prose under one. */
  isHeading: boolean;
}

export interface SegmentOptions {
  /**
   * Keep a bold label glued to the text after it on the same line. The risk scanner
   * needs "**SI/HI:** denied" whole, because the label is what "denied" negates.
   */
  keepLabels?: boolean;
}

// Words whose trailing period never ends a sentence: titles and Latin shorthand.
const NEVER_END = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'mx',
  'prof',
  'st',
  'vs',
  'v',
  'e.g',
  'i.e',
  'eg',
  'ie',
  'cf',
  'al',
  'approx',
  'ca',
  'fig',
  'no',
]);
// Clinical shorthand that may end a sentence ("...last wk. She states"), so it ends one
// only before a capital: "pt. denies SI" stays whole, or "denies" loses its object.
const SHORTHAND = new Set([
  'pt',
  'pts',
  'hx',
  'dx',
  'tx',
  'rx',
  'sx',
  'fx',
  'appt',
  'wk',
  'wks',
  'yr',
  'yrs',
  'yo',
  'y.o',
  'mo',
  'mos',
  'min',
  'mins',
  'hr',
  'hrs',
  'nos',
  'a.m',
  'p.m',
  'b.i.d',
  't.i.d',
  'q.i.d',
  'q.d',
  'p.r.n',
  'q.h.s',
  'h.s',
  'inc',
  'ltd',
  'co',
  'dept',
  'esp',
  'incl',
  'u.s',
  'u.k',
  'etc',
  'jr',
  'sr',
]);

// A line that starts a new unit even without punctuation before it: list items,
// headings, bold labels and "Label: value" lines ("SI: denied\nHI: denied").
// A checklist line ("[x] Wished to be dead", "☐ Plan") is an item of its own; its box stays
// in the item, for the rules that read a ticked or empty box.
const LINE_STARTS_UNIT =
  /^[ \t]*(?:[-*+\u2022]\s|\d{1,2}[.)]\s|#{1,6}\s|\*\*|\[[ xX\u2713\u2714]?\]|[\u2610\u2611\u2612\u25a1]|[A-Za-z][A-Za-z0-9 /&()-]{0,40}:(?:\s|$))/;
const MD_HEADING = /^([ \t]*#{1,6}[ \t]+)(.*?)[ \t#]*$/;
const LIST_MARKER = /^[ \t]*(?:[-*+\u2022]|\d{1,2}[.)])[ \t]+/;
// A screen's numbered item answered in a word ("1. Y", "3) N", "6. not asked"): for risk
// reading the number is the item, so it is kept and the items read as one screen.
const ANSWER = String.raw`(?:y|n|yes|no|[\u2713\u2717\u2714\u2718]|not asked|deferred|n\/a)(?![a-z])`;
const ANSWER_AFTER = new RegExp(String.raw`^\s*` + ANSWER, 'i');
const ANSWER_ITEM = new RegExp(String.raw`^[ \t]*\d{1,2}[.)][ \t]+` + ANSWER, 'i');
const BOLD_LABEL = /^\*\*[^*\n]{1,60}?(?::\*\*|\*\*:)[ \t]*/;
const BOLD_LINE = /^\*\*[^*\n]{1,60}\*\*:?[ \t]*$/;
const PLAIN_LABEL_LINE = /^[A-Za-z][A-Za-z0-9 /&()-]{0,40}:[ \t]*$/;
// Words after which a wrapped line is still mid-sentence, whatever the next line's case.
const CONTINUES = /(?:[,;:(&/-]|\b(?:and|or|but|the|a|an|to|of|with|that|i|my|because|so|if|in|on|for|at|by|her|his|their)\b)\s*$/i;

function isAbbreviation(text: string, dot: number, nextChar: string): boolean {
  const before = /(?:^|[^A-Za-z.])([A-Za-z][A-Za-z.]*)$/.exec(text.slice(Math.max(0, dot - 12), dot));
  if (!before) return false;
  const word = before[1]!.toLowerCase().replace(/\.$/, '');
  if (NEVER_END.has(word)) return true;
  if (SHORTHAND.has(word)) return !/[A-Z]/.test(nextChar);
  // A single capital is an initial ("J. Smith").
  return /^[A-Z]$/.test(before[1]!);
}

/** Offsets where sentences end inside one line of prose (after the punctuation). */
function sentenceEnds(line: string): number[] {
  const ends: number[] = [];
  const re = /(?:\.{3}|\u2026|[.!?]+)["'\u201d\u2019)\]]*(?=\s|$)/g;
  for (const m of line.matchAll(re)) {
    const after = m.index + m[0].length;
    if (after >= line.length) continue;
    const next = /\S/.exec(line.slice(after));
    if (!next) continue;
    const nextChar = next[0];
    const punct = m[0].replace(/["'\u201d\u2019)\]]+$/, '');
    // A dot leader ("Intent ........ NO") joins a form's label to its value.
    if (/^\.{4,}$/.test(punct)) continue;
    // An ellipsis mid-thought ("I just... don't know") is not an end.
    if ((punct === '...' || punct === '\u2026') && !/[A-Z"\u201c]/.test(nextChar)) continue;
    if (punct === '.' && isAbbreviation(line, m.index, nextChar)) continue;
    // "1. Y 2. N": a screen's item number and its answer are one item, not two sentences.
    if (punct === '.' && /(?:^|\s)\d{1,2}$/.test(line.slice(0, m.index)) && ANSWER_AFTER.test(line.slice(after))) continue;
    // A quoted question mid-sentence: She asked "why me?" and cried.
    if (/["'\u201d\u2019]$/.test(m[0]) && /[a-z]/.test(nextChar)) continue;
    ends.push(after);
  }
  return ends;
}

interface Line {
  text: string;
  start: number;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    out.push({ text: part.replace(/\r$/, ''), start });
    start += part.length + 1;
  }
  return out;
}

function pushTrimmed(out: Segment[], text: string, start: number, end: number, heading: string | null, isHeading = false): void {
  const slice = text.slice(start, end);
  const lead = slice.length - slice.trimStart().length;
  const body = slice.trim();
  if (body.length === 0 || /^[\s*_#-]+$/.test(body)) return;
  out.push({ text: body, start: start + lead, end: start + lead + body.length, heading, isHeading });
}

/**
 * Splits text into sentences and list items, with the heading each stands under.
 * Semicolons are not breaks: for assertion they end a negation's scope, not a sentence.
 */
export function segments(text: string, opts: SegmentOptions = {}): Segment[] {
  const out: Segment[] = [];
  let heading: string | null = null;
  // The open paragraph: where it starts, and where its text so far ends.
  let paraStart = -1;
  let paraEnd = -1;
  let prevLine = '';

  const flush = (): void => {
    if (paraStart < 0) return;
    const para = text.slice(paraStart, paraEnd);
    let from = 0;
    for (const end of sentenceEnds(para)) {
      pushTrimmed(out, text, paraStart + from, paraStart + end, heading);
      from = end;
    }
    pushTrimmed(out, text, paraStart + from, paraEnd, heading);
    paraStart = -1;
  };

  for (const line of linesOf(text)) {
    const trimmed = line.text.trim();
    if (trimmed.length === 0) {
      flush();
      prevLine = '';
      continue;
    }
    const md = MD_HEADING.exec(line.text);
    if (md) {
      flush();
      heading = md[2]!.replace(/[*_:]/g, '').trim();
      pushTrimmed(out, text, line.start + md[1]!.length, line.start + md[1]!.length + md[2]!.length, heading, true);
      prevLine = '';
      continue;
    }
    if (BOLD_LINE.test(trimmed) || PLAIN_LABEL_LINE.test(trimmed)) {
      flush();
      heading = trimmed.replace(/[*_:]/g, '').trim();
      pushTrimmed(out, text, line.start, line.start + line.text.length, heading, true);
      prevLine = '';
      continue;
    }
    const answerItem = opts.keepLabels === true && ANSWER_ITEM.test(line.text) && paraStart >= 0;
    const startsUnit = LINE_STARTS_UNIT.test(line.text) && !answerItem;
    const capitalStart = /^[ \t]*["\u201c]?[A-Z0-9]/.test(line.text);
    if (paraStart >= 0 && !answerItem && (startsUnit || (capitalStart && !CONTINUES.test(prevLine)))) flush();

    let bodyStart = line.start;
    const marker = answerItem ? null : LIST_MARKER.exec(line.text);
    if (marker) bodyStart += marker[0].length;
    const rest = text.slice(bodyStart, line.start + line.text.length);
    const label = BOLD_LABEL.exec(rest);
    if (label) {
      heading = label[0].replace(/[*_:]/g, '').trim();
      if (!opts.keepLabels) {
        pushTrimmed(out, text, bodyStart, bodyStart + label[0].length, heading, true);
        bodyStart += label[0].length;
      }
    }
    if (paraStart < 0) paraStart = bodyStart;
    paraEnd = line.start + line.text.length;
    prevLine = line.text;
  }
  flush();
  return out;
}

/**
 * Splits text into sentences: at . ! ? followed by white space (not after "Dr.", "e.g.",
 * "pt."), at list items and headings, and at blank lines. Headings and bold labels
 * ("## Risk Assessment", "**S:**") are spans of their own.
 */
export function splitSentences(text: string): Span[] {
  return segments(text).map(({ text: t, start, end }) => ({ text: t, start, end }));
}

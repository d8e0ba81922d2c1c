/**
 * Lower-case with straight quotes and hyphens, character for character, so an offset
 * found in the folded text is the same offset in the original (quotes stay verbatim).
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-');
}

/** Folded, with runs of white space made one space: for comparing texts. */
export function normalize(text: string): string {
  return fold(text).replace(/\s+/g, ' ');
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A hint term as a regex. Terms match at the start of a word ("catastroph" finds
 * "catastrophizing"), numbers as whole numbers ("16" is not in "160"), and `a|b`
 * lists alternatives, as case-format.md says.
 */
export function termPattern(term: string): RegExp {
  const alternatives = term
    .split('|')
    .map((t) => normalize(t.trim()))
    .filter((t) => t.length > 0)
    .map((t) => {
      const body = escapeRegex(t).replace(/ /g, '\\s+');
      const end = /\d$/.test(t) ? '(?![\\d.]*\\d)' : '';
      return `(?<![a-z0-9])${body}${end}`;
    });
  return new RegExp(alternatives.join('|'), 'i');
}

/** Where a term first occurs in the text (an offset into the original), or -1. */
export function findTerm(text: string, term: string): number {
  const m = termPattern(term).exec(fold(text));
  return m ? m.index : -1;
}

export function hasTerm(text: string, term: string): boolean {
  return findTerm(text, term) >= 0;
}

/** Word tokens for edit distance: letters, digits and inner apostrophes/hyphens. */
export function words(text: string): string[] {
  return normalize(text).match(/[a-z0-9]+(?:['-][a-z0-9]+)*/g) ?? [];
}

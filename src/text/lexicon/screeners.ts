import type { Assertion } from '../../domain/categories.ts';

// The screener items that ask about self-harm: EPDS item 10 ("the thought of harming
// myself has occurred to me") and PHQ-9 item 9. A score above 0 is a positive screen
// for suicidal ideation of unstated level; 0 is a negative one. Notes name the item
// before or after the screener ("EPDS item 10", "item 10 of the EPDS") and give a score
// or a word for it ("item 9 positive", "item 10 not endorsed").
const ITEM_WORD = { epds: `(?:10|ten)`, phq: `(?:9|nine)` };
const SCREENER = { epds: `(?:epds|edinburgh)`, phq: `phq[- ]?9` };
// A word right after the item is its answer ("item 10 negative, total 3" is no score of 3).
const VALUE = `(?:\\s*[:=-]?\\s*(?<word>not endorsed|endorsed|positive|negative)\\b|(?<gap>[^0-9.;\\n]{0,40}?)(?<score>[0-3])(?![0-9]|\\.[0-9]))`;

const itemPatterns = (key: keyof typeof ITEM_WORD): RegExp[] => {
  const item = `\\b(?:item|question|q)\\s*#?\\s*${ITEM_WORD[key]}\\b`;
  return [
    new RegExp(`\\b${SCREENER[key]}\\b[^.\\n]{0,80}?${item}${VALUE}`, 'gi'),
    new RegExp(`${item}\\s+(?:of|on)\\s+(?:the\\s+)?${SCREENER[key]}\\b${VALUE}`, 'gi'),
  ];
};
const ITEMS: readonly RegExp[] = [...itemPatterns('epds'), ...itemPatterns('phq')];

export interface ScreenerItem {
  start: number;
  end: number;
  assertion: Assertion;
}

/** Item scores in one sentence; the span covers the item and its score. */
export function findScreenerItems(sentence: string): ScreenerItem[] {
  const out: ScreenerItem[] = [];
  for (const re of ITEMS) {
    for (const m of sentence.matchAll(re)) {
      const word = m.groups?.['word'];
      const positive = word !== undefined ? word === 'endorsed' || word === 'positive' : Number(m.groups?.['score']) > 0;
      // The span starts at "item", so "EPDS 16" before it stays free for other scorers.
      const itemAt = m[0].search(/\b(?:item|question|q)\s*#?\s*(?:9|10|nine|ten)\b/i);
      const start = m.index + Math.max(0, itemAt);
      if (out.some((o) => o.start === start)) continue;
      out.push({ start, end: m.index + m[0].length, assertion: positive ? 'present' : 'denied' });
    }
  }
  return out;
}

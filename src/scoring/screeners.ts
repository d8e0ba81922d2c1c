/** Screener scores as written in a note: "EPDS 16", "PHQ-9 total of 19 (item 9 = 2)". */
export interface ScreenerClaim {
  screener: 'EPDS' | 'PHQ-9' | 'GAD-7';
  total: number | null;
  items: { item: number; value: number }[];
  quote: string;
  index: number;
}

const NAMES: [ScreenerClaim['screener'], RegExp][] = [
  ['EPDS', /\b(?:EPDS|Edinburgh(?: Postnatal Depression Scale)?)\b/gi],
  ['PHQ-9', /\bPHQ[- ]?9\b/gi],
  ['GAD-7', /\bGAD[- ]?7\b/gi],
];

// "item 10 = 1", "item 10 scored 1", "item 9: 2", "q9 of 1"
const ITEM = /\b(?:item|question|q)\s*#?\s*(\d{1,2})\s*(?:[:=]|scored|score(?:d)? of|was|of|at)?\s*(\d)\b/gi;
// "item 9 endorsed": an item named without its value is still not a total.
const ITEM_NAMED = /\b(?:item|question|q)\s*#?\s*\d{1,2}\b/gi;
// The first number after the name, past items already read, within the same clause.
const TOTAL = /(?:total|score|scored|of|=|:|was|at)?\s*(\d{1,2})(?!\s*(?:weeks?|months?|days?|years?|%|mg))\b/i;
// A change over time, "from 15 to 11", "19 -> 14", "13 to 10": the score now is the last.
const CHANGE = /\b(\d{1,2})\s*(?:to|->|→|down to|up to)\s*(\d{1,2})\b(?!\s*(?:weeks?|months?|days?|years?|%|mg))/i;

export function findScreenerClaims(text: string): ScreenerClaim[] {
  const claims: ScreenerClaim[] = [];
  for (const [screener, pattern] of NAMES) {
    for (const m of text.matchAll(pattern)) {
      const after = m.index + m[0].length;
      const clauseEnd = text.slice(after).search(/\.(?!\d)|\n|\b(?:EPDS|PHQ|GAD)\b/i);
      const clause = text.slice(after, clauseEnd < 0 ? text.length : after + clauseEnd);
      const items = [...clause.matchAll(ITEM)].map((i) => ({ item: Number(i[1]), value: Number(i[2]) }));
      const withoutItems = clause.replace(ITEM, ' ').replace(ITEM_NAMED, ' ');
      const change = CHANGE.exec(withoutItems);
      const total = change ? change[2] : TOTAL.exec(withoutItems)?.[1];
      claims.push({
        screener,
        total: total !== undefined ? Number(total) : null,
        items,
        quote: (m[0] + clause).trim(),
        index: m.index,
      });
    }
  }
  return claims.sort((a, b) => a.index - b.index);
}

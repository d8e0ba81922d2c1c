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

// Item numbers are written as digits or words ("item ten"); no item is above 10.
const ITEM_NUMBER = `(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)`;
const WORD_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const itemNumber = (s: string): number => (/^\d+$/.test(s) ? Number(s) : WORD_NUMBERS.indexOf(s.toLowerCase()));
// "item 10 = 1", "item 10 scored 1", "item 9: 2", "q9 of 1", "item ten scored 2"
const ITEM = new RegExp(`\\b(?:item|question|q)\\s*#?\\s*${ITEM_NUMBER}\\s*(?:[:=]|scored|score(?:d)? of|was|of|at)?\\s*(\\d)\\b`, 'gi');
// "item 9 endorsed": an item named without its value is still not a total.
const ITEM_NAMED = new RegExp(`\\b(?:item|question|q)\\s*#?\\s*${ITEM_NUMBER}\\b`, 'gi');
// "down 5 points": a difference between scores, never a score.
const DELTA = /\b\d{1,2}\s*(?:points?|pts?)\b/gi;
const UNIT = `(?!\\s*(?:weeks?|months?|days?|nights?|hours?|years?|sessions?|times?|%|mg))`;
// The first number after the name, past items already read, within the same clause.
const TOTAL = new RegExp(`(?:total|score|scored|of|=|:|was|at)?\\s*(\\d{1,2})${UNIT}\\b`, 'i');
// A change over time, "from 15 to 11", "19 -> 14", "13 to 10", "from 19 (intake) to 14",
// "from 18 at intake to 12": the score now is the last.
const CHANGE = new RegExp(
  `\\b(?:from\\s+(\\d{1,2})\\b[^.;\\d]{0,30}?(?:\\bto\\b|->|→)|(\\d{1,2})\\s*(?:\\([^)\\d]{0,20}\\))?\\s*(?:to|->|→|down to|up to))\\s*(\\d{1,2})\\b${UNIT}`,
  'i',
);
// "was 15, now 11": the number after "now" is the score now.
const NOW = new RegExp(`\\bnow\\s*(?:at|is|of|[:=])?\\s*(\\d{1,2})\\b${UNIT}`, 'i');

export function findScreenerClaims(text: string): ScreenerClaim[] {
  const claims: ScreenerClaim[] = [];
  for (const [screener, pattern] of NAMES) {
    for (const m of text.matchAll(pattern)) {
      const after = m.index + m[0].length;
      const clauseEnd = text.slice(after).search(/\.(?!\d)|\n|\b(?:EPDS|PHQ|GAD)\b/i);
      const clause = text.slice(after, clauseEnd < 0 ? text.length : after + clauseEnd);
      const items = [...clause.matchAll(ITEM)].map((i) => ({ item: itemNumber(i[1]!), value: Number(i[2]) }));
      const scores = clause.replace(ITEM, ' ').replace(ITEM_NAMED, ' ').replace(DELTA, ' ');
      const total = CHANGE.exec(scores)?.[3] ?? NOW.exec(scores)?.[1] ?? TOTAL.exec(scores)?.[1];
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

import type { Assertion } from '../../domain/categories.ts';

// The screener items that ask about self-harm: EPDS item 10 ("the thought of harming
// myself has occurred to me") and PHQ-9 item 9. A score above 0 is a positive screen
// for suicidal ideation of unstated level; 0 is a negative one.
const ITEMS: readonly RegExp[] = [
  /\b(?:epds|edinburgh)\b[^.\n]{0,80}?\b(?:item|question|q)\s*#?\s*10\b(?<gap>[^0-9.;\n]{0,40}?)(?<score>[0-3])(?![0-9]|\.[0-9])/gi,
  /\bphq[- ]?9\b[^.\n]{0,80}?\b(?:item|question|q)\s*#?\s*9\b(?<gap>[^0-9.;\n]{0,40}?)(?<score>[0-3])(?![0-9]|\.[0-9])/gi,
];

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
      const score = Number(m.groups?.['score']);
      // The span starts at "item", so "EPDS 16" before it stays free for other scorers.
      const itemAt = m[0].search(/\b(?:item|question|q)\s*#?\s*(?:9|10)\b/i);
      out.push({ start: m.index + Math.max(0, itemAt), end: m.index + m[0].length, assertion: score > 0 ? 'present' : 'denied' });
    }
  }
  return out;
}

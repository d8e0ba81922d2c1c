/**
 * Base forms a word may have when the tagger left it inflected: a verb read as a noun
 * ("picturing", "stockpiling", "planning") keeps its -ing, and British spellings differ
 * from the ones rules are written in ("fantasised"). The forms are candidates: a rule
 * word matches if it is one of them, so a wrong candidate ("ris" from "rising") costs
 * nothing unless a rule says "ris".
 */
// Candidates that are function words a rule reads for their own sake: "noted" is not "not".
const NEVER_BASE = new Set(['not', 'no', 'nor', 'non', 'be', 'is', 'as', 'us', 'on', 'in', 'an', 'at', 'it', 'he', 'she', 'her', 'his']);

export function baseForms(word: string): string[] {
  const out: string[] = [];
  const add = (w: string): void => {
    if (w.length >= 2 && w !== word && !NEVER_BASE.has(w)) out.push(w);
  };
  const ize = word.replace(/is(e|es|ed|ing|ation)$/, 'iz$1');
  if (ize !== word) add(ize);
  for (const w of ize === word ? [word] : [word, ize]) {
    // Short words are function words ("his", "this", "thing"), never inflected rule words.
    if (w.length < 5) continue;
    let m: RegExpExecArray | null;
    if ((m = /^(.*[aeiouy].*)(?:ing|in')$/.exec(w))) stemVariants(m[1]!, add);
    else if ((m = /^(.+?)ied$/.exec(w))) add(`${m[1]}y`);
    else if ((m = /^(.*[aeiouy].*)ed$/.exec(w))) stemVariants(m[1]!, add);
    else if ((m = /^(.+?)ies$/.exec(w))) add(`${m[1]}y`);
    else if ((m = /^(.+?(?:s|x|z|ch|sh))es$/.exec(w))) add(m[1]!);
    else if ((m = /^(.+?[^su])s$/.exec(w))) add(m[1]!);
  }
  return out;
}

/** "pictur" → picture, "plann" → plan, "jump" → jump. */
function stemVariants(stem: string, add: (w: string) => void): void {
  if (stem.length < 3) return;
  add(stem);
  add(`${stem}e`);
  if (/([b-df-hj-np-tv-z])\1$/.test(stem)) add(stem.slice(0, -1));
}

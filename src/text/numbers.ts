const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/**
 * Spoken numbers as digits ("fifty milligrams" → "50 milligrams", "a hundred and fifty"
 * → "150"), because people say doses and scores aloud and notes write them as digits.
 * Covers 0–999, which is every dose and screener score a session mentions.
 */
export function spokenNumbersToDigits(text: string): string {
  const word = `(?:${[...Object.keys(UNITS), ...Object.keys(TENS), 'hundred', 'a', 'and'].join('|')})`;
  const run = new RegExp(`\\b${word}(?:[\\s-]+${word})*\\b`, 'gi');
  return text.replace(run, (match) => {
    const parts = match.toLowerCase().split(/[\s-]+/);
    let total = 0;
    let current = 0;
    let sawNumber = false;
    for (const p of parts) {
      if (p in UNITS) {
        current += UNITS[p] ?? 0;
        sawNumber = true;
      } else if (p in TENS) {
        current += TENS[p] ?? 0;
        sawNumber = true;
      } else if (p === 'hundred') {
        current = (current || 1) * 100;
        sawNumber = true;
      } else if (p === 'a' || p === 'and') continue;
    }
    total += current;
    if (!sawNumber) return match;
    // Keep a leading "a"/"and" that was not part of the number ("and two" → "and 2").
    const lead = /^(a|and)\s+(?!hundred)/i.exec(match);
    return (lead ? lead[0] : '') + String(total);
  });
}

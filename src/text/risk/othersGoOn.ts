import { riskFamily } from '../../domain/categories.ts';
import type { Reading } from './find.ts';

/**
 * Words that bring the client back as the one speaking or acting; a quote in the first
 * person ("I think about killing myself") is hers, unless the other person's quote began
 * before the risk it gave them.
 */
const CLIENT = new Set(['pt', 'patient', 'client', 'she', 'herself', "pt's", "patient's", "client's", 'i', 'me', 'my']);

/**
 * "Her friend, who has been saying 'I wish I could disappear, the kids would be fine
 * without me'"; "her daughter has been scratching her arms until they bleed": once a note's
 * sentence gives a risk to someone else, what it goes on to say of that risk is theirs too,
 * until the client comes back into it. Notes only: in speech "I" and "me" are the client.
 */
export function othersGoOn(r: Reading): void {
  const found = [...r.found].sort((a, b) => a.start - b.start);
  for (const f of found) {
    if (f.assertion !== 'present') continue;
    const family = riskFamily(f.category);
    const owner = found.find((g) => g.assertion === 'other' && g.end <= f.start && riskFamily(g.category) === family);
    if (!owner) continue;
    const between = r.sent.tokens.slice(owner.end, f.start);
    if (between.some((t) => CLIENT.has(t.lower))) continue;
    f.assertion = 'other';
  }
}

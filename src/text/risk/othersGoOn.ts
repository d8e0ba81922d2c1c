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

/** "Better off without him", "wish he wouldn't wake up": a man's death wish is not the mother's. */
const HIS = new Set(['he', 'him', 'his', 'himself']);

/**
 * A note's suicidal ideation worded about a man ("the family would be better off if he were
 * dead", "his wish that he wouldn't wake up") is someone else's: the client is the mother.
 */
export function hisIsNotHers(r: Reading): void {
  for (const f of r.found) {
    if (f.assertion !== 'present' || !f.category.startsWith('risk.si')) continue;
    if (r.sent.tokens.slice(f.start, f.end).some((t) => HIS.has(t.lower))) f.assertion = 'other';
  }
}

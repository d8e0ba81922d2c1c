import type { RiskCategory } from '../../domain/categories.ts';
import { findAll } from '../rules/match.ts';
import type { Context, Found, Reading } from './find.ts';
import { hasFraming, referentOf } from './infant.ts';

/** What a pictured method can be mistaken for: the act, the method, or thoughts of it. */
const YIELDING: ReadonlySet<RiskCategory> = new Set(['risk.si', 'risk.si.method', 'risk.si.behavior']);
const PRONOUNS = new Set(['him', 'her', 'his']);
/** Words that name her own death: then it is suicide she pictures, whatever else is said. */
const SUICIDE = ['kill-self', 'suicide-word'];

/**
 * "When I bath him I see his head going under. I'd never." A method pictured being done to
 * the baby, in words of distress, is an intrusive thought of harm to her, not suicidal
 * ideation; reading it as SI is a false alarm that also drops the perinatal-OCD finding.
 * A current SI method, act or thought yields when its sentence names no suicide, the
 * utterance voices revulsion at it (framing.yaml `imageDistress`), and the sentence either
 * finds an intrusive thought of harm to the baby itself ("seeing myself stabbing her") or
 * names the baby (or "him", "her" meaning the baby) with no "myself". Speech only: a note
 * names whose risk it is.
 */
export function methodOnBabyYields(ctx: Context, readings: readonly Reading[]): void {
  if (ctx.mode === 'note') return;
  const infant = ctx.engine.lists.get('framing.infantWords');
  const suicide = SUICIDE.flatMap((n) => ctx.rules.concepts.get(n) ?? []);
  const self = ctx.rules.concepts.get('self-reflexive');
  const yields = (f: Found): boolean => YIELDING.has(f.category) && f.assertion === 'present';
  const relabel = (r: Reading): void => {
    for (const f of r.found.filter(yields)) Object.assign(f, { category: 'risk.harm_to_infant.intrusive', rule: `${f.rule}>baby-image` });
  };
  readings.forEach((r, i) => {
    if (!r.found.some(yields) || suicide.some((c) => findAll(c, r.sent.ctx).length > 0)) return;
    const around = readings.slice(Math.max(0, i - 1), i + 2).map((x) => x.sent);
    if (!hasFraming(ctx.engine, 'imageDistress', around)) return;
    if (r.found.some((f) => f.category === 'risk.harm_to_infant.intrusive' && f.assertion === 'present')) return relabel(r);
    if (self && findAll(self, r.sent.ctx).length > 0) return;
    const before = readings.slice(0, i + 1).map((x) => x.sent);
    const baby =
      (infant !== undefined && findAll(infant, r.sent.ctx).length > 0) ||
      r.sent.tokens.some((t, at) => PRONOUNS.has(t.lower) && referentOf(ctx.engine, before, at, ctx.askedSentences) === 'infant');
    if (baby) relabel(r);
  });
}

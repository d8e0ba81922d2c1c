import type { Cue } from '../../domain/riskRules.ts';
import type { RiskCategory } from '../../domain/categories.ts';
import { endsAt, findAll, startsAt } from '../rules/match.ts';
import { assertionInput, type Context, type Found, type Reading } from './find.ts';
import { assertionOf, deniesOnlyHistory } from './context.ts';

/** The risks a cue can belong to: suicide, harm to the baby, harm to others. */
export type Family = 'si' | 'infant' | 'hi';

export function familyOf(category: string): Family | null {
  if (category.startsWith('risk.si')) return 'si';
  if (category.startsWith('risk.harm_to_infant')) return 'infant';
  return category === 'risk.hi' ? 'hi' : null;
}

export const familiesOf = (found: readonly Found[]): Family[] => [
  ...new Set(found.map((f) => familyOf(f.category)).filter((f): f is Family => f !== null)),
];

/** What a cue names in each family: "plan" beside SI is a suicide plan, beside harm to the baby it is intent. */
const CUE_CATEGORY: Record<Family, Record<Cue, RiskCategory | null>> = {
  si: { ideation: 'risk.si', intent: 'risk.si.intent', plan: 'risk.si.plan', method: 'risk.si.method', behavior: 'risk.si.behavior' },
  infant: {
    ideation: 'risk.harm_to_infant.intrusive',
    intent: 'risk.harm_to_infant.intent',
    plan: 'risk.harm_to_infant.intent',
    method: null,
    behavior: null,
  },
  // HI has no levels: "denies intent" beside HI denies the intent, not the ideation.
  hi: { ideation: 'risk.hi', intent: null, plan: null, method: null, behavior: null },
};

function hasConcept(ctx: Context, r: Reading, name: string): boolean {
  const c = ctx.rules.concepts.get(name);
  return c !== undefined && findAll(c, r.sent.ctx).length > 0;
}

/** A cue ("plan", "intent", "act on it") takes the risk of its sentence, the lines above, or the question. */
export function cueMentions(ctx: Context, readings: readonly Reading[], at: number): void {
  const r = readings[at]!;
  for (const hit of r.cues) {
    const rule = hit.target.rule;
    let from: readonly Found[] = r.found;
    // A checklist ("SI: passive / HI: denied / Plan: none") names the risk a line or two up.
    if (from.length === 0)
      from = readings
        .slice(Math.max(0, at - 2), at)
        .filter((x) => x.sent.seg.heading === r.sent.seg.heading)
        .flatMap((x) => x.found);
    // "My mother tried to hang herself. I think about it a lot": a weak cue's "it" is the
    // risk it follows, and when that risk is someone else's, so is what she thinks about.
    if (rule.weak && from.length > 0 && from.every((f) => f.assertion === 'other')) continue;
    let families = familiesOf(from);
    if (families.length === 0) families = [...ctx.asked];
    if (families.length === 0 && ctx.cueDefault && !rule.weak) families = [ctx.cueDefault];
    // "A specific plan (car exhaust in the garage)": lethal means name suicide's family.
    if (families.length === 0 && ['cue-list', 'lethal-means', 'method-act'].some((c) => hasConcept(ctx, r, c))) families = ['si'];
    if (families.length === 0) continue;
    // The other person in HI is its target, not someone else's experience.
    const input = assertionInput(ctx, r, hit, !families.includes('hi'));
    // "Denies thoughts of harming the baby with intent": the cue qualifies the mention it
    // hangs from, so it stands as that mention stands.
    const host = r.sent.tokens[hit.start - 1]?.lower === 'with' ? r.found.find((f) => f.end === hit.start - 1) : undefined;
    const assertion = rule.asserts ?? host?.assertion ?? assertionOf(input);
    if (assertion === null) continue;
    // "Denies past SI or attempts": the cue shares the list's past scope.
    const pastOnly = assertion === 'denied' && deniesOnlyHistory(input);
    if (rule.needsAffirming && assertion !== 'denied' && !ctx.cueDefault && !affirmed(ctx, r, hit)) continue;
    for (const family of families) {
      const category = CUE_CATEGORY[family][rule.cue!];
      if (category)
        r.found.push({
          start: hit.start,
          end: hit.end,
          category,
          assertion,
          rule: rule.id,
          confidence: rule.confidence ?? 'high',
          ...(pastOnly ? { pastOnly } : {}),
        });
    }
  }
}

/** "has a plan", "with plan and intent", "plan: yes", an affirming trigger over it. */
function affirmed(ctx: Context, r: Reading, hit: { start: number; end: number }): boolean {
  const before = ctx.rules.concepts.get('cue-affirmed-before');
  const after = ctx.rules.concepts.get('cue-affirmed-after');
  if (before && endsAt(before, hit.start, r.sent.ctx)) return true;
  if (after && startsAt(after, hit.end, r.sent.ctx)) return true;
  return r.triggers.some((t) => t.kind === 'affirm' && (t.end === hit.start || t.start === hit.end));
}

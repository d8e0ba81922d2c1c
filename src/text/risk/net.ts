import type { RiskCategory } from '../../domain/categories.ts';
import { riskFamily } from '../../domain/categories.ts';
import { findAll } from '../rules/match.ts';
import { assertionOf } from './context.ts';
import { assertionInput, type Context, type Reading } from './find.ts';
import { overlaps } from './targets.ts';

/**
 * The safety net: a sentence holding risk-adjacent words (rubrics/risk/net.yaml) that no
 * rule placed gets a low-confidence mention, so nothing risk-like is silently dropped:
 * scan marks it and a note that rests on it goes to review. It stays out of sentences the
 * rules have already read (a mention, or words claimed as not-risk: idioms, grief, media),
 * of speech that is not about the speaker, and of denials ("no dark thoughts").
 */
export function netMentions(ctx: Context, readings: readonly Reading[]): void {
  const self = ctx.rules.concepts.get('self');
  for (const r of readings) {
    if (r.found.some((f) => f.confidence === 'high')) continue;
    if (ctx.mode !== 'note' && self && findAll(self, r.sent.ctx).length === 0) continue;
    for (const { family, matcher } of ctx.engine.net) {
      if (r.found.some((f) => riskFamily(f.category) === riskFamily(family))) continue;
      const hit = findAll(matcher, r.sent.ctx).find(([start, end]) => !r.excluded.some((x) => overlaps(x, { start, end })));
      if (!hit) continue;
      const [start, end] = hit;
      const assertion = assertionOf(assertionInput(ctx, r, { start, end }, family !== 'risk.ipv' && family !== 'risk.child_safety'));
      if (assertion !== 'present') continue;
      r.found.push({ start, end, category: family as RiskCategory, assertion, rule: `net:${family}`, confidence: 'low' });
    }
  }
}

import { endsAt, findAll, startsAt } from '../rules/match.ts';
import type { CompiledTarget, Indexed } from './engine.ts';
import type { Sentence } from './sentence.ts';

/** A target rule's match in one sentence, as a token span. */
export interface Hit {
  target: CompiledTarget;
  start: number;
  end: number;
}

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/** The rules worth trying on a sentence: those with an anchor word in it, and those without anchors. */
export function candidates<T extends { rule: { id: string } }>(index: Indexed<T>, sent: Sentence, heading?: Sentence): T[] {
  const out = new Set<T>(index.always);
  for (const k of sent.keys) for (const t of index.byWord.get(k) ?? []) out.add(t);
  // A rule indexed by its `within` words may find them in the heading instead.
  if (heading) for (const k of heading.keys) for (const t of index.byWord.get(k) ?? []) out.add(t);
  return [...out];
}

function rawHits(sent: Sentence, index: Indexed<CompiledTarget>, neighbours: readonly Sentence[], heading?: Sentence): Hit[] {
  const { ctx } = sent;
  const hits: Hit[] = [];
  // "C-SSRS screener" on its own line, then "1. Y", "2. Y" under it: the heading is within.
  const holds = (m: CompiledTarget['within']): boolean =>
    !!m && (findAll(m, ctx).length > 0 || (heading !== undefined && findAll(m, heading.ctx).length > 0));
  for (const target of candidates(index, sent, heading)) {
    if (target.within && !holds(target.within)) continue;
    if (target.nearby && ![sent, ...neighbours].some((s) => findAll(target.nearby!, s.ctx).length > 0)) continue;
    if (target.unless && findAll(target.unless, ctx).length > 0) continue;
    for (const [start, end] of findAll(target.matcher, ctx)) {
      if (target.notAfter && endsAt(target.notAfter, start, ctx)) continue;
      if (target.notBefore && startsAt(target.notBefore, end, ctx)) continue;
      if (target.after && !endsAt(target.after, start, ctx)) continue;
      if (target.before && !startsAt(target.before, end, ctx)) continue;
      hits.push({ target, start, end });
    }
  }
  return hits;
}

/**
 * Target matches in one sentence. Words that look like risk and are not (idioms, media:
 * category `none`) remove what they overlap; then the longest match wins, except rules
 * marked additive, which stand beside what they overlap.
 */
export function targetHits(sent: Sentence, index: Indexed<CompiledTarget>, neighbours: readonly Sentence[] = []): Hit[] {
  return readTargets(sent, index, neighbours).hits;
}

/** Target matches and the spans that words-that-are-not-risk claimed (idioms, media). */
export function readTargets(
  sent: Sentence,
  index: Indexed<CompiledTarget>,
  neighbours: readonly Sentence[] = [],
  heading?: Sentence,
): { hits: Hit[]; excluded: Hit[] } {
  const hits = rawHits(sent, index, neighbours, heading);
  const excluded = hits.filter((h) => h.target.rule.category === 'none');
  const kept = hits.filter((h) => h.target.rule.category !== 'none' && !excluded.some((x) => overlaps(x, h)));
  const additive = kept.filter((h) => h.target.rule.additive);
  // "A plan to overdose" plans an act; the act inside it did not happen.
  const planned = (h: Hit): boolean =>
    h.target.rule.category === 'risk.si.behavior' &&
    additive.some((a) => a.target.rule.category === 'risk.si.plan' && a.start <= h.start && a.end >= h.end);
  const ranked = kept
    .filter((h) => !h.target.rule.additive && !planned(h))
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.target.order - b.target.order);
  const chosen: Hit[] = [];
  for (const h of ranked) if (!chosen.some((c) => overlaps(c, h))) chosen.push(h);
  // Two additive rules at one spot say one thing once.
  const add: Hit[] = [];
  for (const h of additive.sort((a, b) => b.end - b.start - (a.end - a.start)))
    if (!add.some((a) => a.target.rule.category === h.target.rule.category && overlaps(a, h))) add.push(h);
  return { hits: [...add, ...chosen].sort((a, b) => a.start - b.start), excluded };
}

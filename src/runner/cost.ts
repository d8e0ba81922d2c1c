import type { Price } from '../config/schema.ts';
import type { Usage } from '../domain/run.ts';

/**
 * Usage with its cost from the backend's configured prices. A vendor that reports its own
 * cost keeps it; with no price or no token counts, cost stays unknown rather than zero.
 */
export function withCost(usage: Usage | undefined, price: Price | undefined): Usage | undefined {
  if (!usage || usage.costUsd !== undefined || !price) return usage;
  if (usage.inputTokens === undefined && usage.outputTokens === undefined) return usage;
  const dollars = ((usage.inputTokens ?? 0) * price.inputPerMTok + (usage.outputTokens ?? 0) * price.outputPerMTok) / 1_000_000;
  return { ...usage, costUsd: Math.round(dollars * 1e6) / 1e6 };
}

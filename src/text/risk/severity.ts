import { riskFamily } from '../../domain/categories.ts';
import { findAll } from '../rules/match.ts';
import type { RiskEngine } from './engine.ts';
import { prepare, type Sentence } from './sentence.ts';

/** The severity details (rubrics/risk/severity.yaml) of a family that a sentence carries. */
export function severityIn(engine: RiskEngine, sent: Sentence, category: string): string[] {
  const family = riskFamily(category);
  return engine.severity.filter((f) => f.families.includes(family) && findAll(f.matcher, sent.ctx).length > 0).map((f) => f.id);
}

// Scoring asks about the same note once per risk fact; reading it once is enough. A few
// recent texts per engine, so a long run does not hold every note it ever scored.
const RECENT = 16;
const CACHE = new WeakMap<RiskEngine, Map<string, ReadonlySet<string>>>();

/** Every severity detail in a text, whatever its family, read both as a note and as speech. */
function detailsIn(engine: RiskEngine, text: string): ReadonlySet<string> {
  let recent = CACHE.get(engine);
  if (!recent) CACHE.set(engine, (recent = new Map<string, ReadonlySet<string>>()));
  const hit = recent.get(text);
  if (hit) return hit;
  const found = new Set<string>();
  for (const mode of ['note', 'speech'] as const)
    for (const sent of prepare(text, engine.modes[mode]).sentences)
      for (const f of engine.severity) if (!found.has(f.id) && findAll(f.matcher, sent.ctx).length > 0) found.add(f.id);
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  recent.set(text, found);
  return found;
}

/**
 * The severity details of a risk in any text: a case's fact statement and the client's
 * words behind it, or a whole note. `detail`: what must survive into the note (a
 * strangulation, a plan's when); `means`: the ways of acting it names (an overdose, a fall).
 */
export function severityOfText(engine: RiskEngine, text: string, category: string, kind: 'detail' | 'means' | 'any' = 'detail'): string[] {
  const family = riskFamily(category);
  const found = detailsIn(engine, text);
  return engine.severity
    .filter(
      (f) =>
        (kind === 'any' || (kind === 'means') === Boolean(f.means)) &&
        f.families.includes(family) &&
        (!f.categories || f.categories.includes(category)) &&
        found.has(f.id),
    )
    .map((f) => f.id);
}

const MEANS = new WeakMap<RiskEngine, ReadonlySet<string>>();

/** The ids of the features that are ways of acting rather than details; once per engine, as scoring asks per fact. */
export function meansIds(engine: RiskEngine): ReadonlySet<string> {
  let ids = MEANS.get(engine);
  if (!ids) MEANS.set(engine, (ids = new Set(engine.severity.filter((f) => f.means).map((f) => f.id))));
  return ids;
}

import type { Assertion, RiskCategory } from '../../domain/categories.ts';
import type { Matcher } from '../rules/compile.ts';
import { findAll } from '../rules/match.ts';
import type { RiskEngine } from './engine.ts';
import type { Sentence } from './sentence.ts';

const list = (engine: RiskEngine, key: string): Matcher | undefined => engine.lists.get(`framing.${key}`);

const has = (m: Matcher | undefined, sents: readonly Sentence[]): boolean =>
  m !== undefined && sents.some((s) => findAll(m, s.ctx).length > 0);

/** Whether any of the sentences carries one of framing.yaml's lists ("intrusive", "intended"). */
export const hasFraming = (engine: RiskEngine, key: string, sents: readonly Sentence[]): boolean => has(list(engine, key), sents);

/** Words of wanting: a thought that holds one is a wish, whatever else it is called. */
const DESIRE = new Set([
  'want',
  'wanting',
  'wanted',
  'wish',
  'wishes',
  'urge',
  'urges',
  'desire',
  'desires',
  'impulse',
  'impulses',
  'tempted',
]);
const NEGATION = new Set(['no', 'not', 'never', 'deny', 'denies', 'denied', 'without', 'nil', 'none', 'minus-flag']);

/**
 * A framing word said in the negative ("no intent", "denies urges") frames nothing; nor does
 * one in another item of a risk line ("+intrusive thoughts of harm to infant, -intent").
 */
function affirmed(m: Matcher | undefined, s: Sentence, span?: { start: number; end: number }): boolean {
  const [from] = itemOf(s, span);
  return inItem(m, s, span).some(
    ([start]) => !s.tokens.slice(Math.max(from, start - 3), start).some((t) => t.keys.some((k) => NEGATION.has(k))),
  );
}

/** Words of intent outside the span of the harm itself: how the thought is held, not what it shows. */
function intendedOutside(m: Matcher | undefined, s: Sentence, span: { start: number; end: number }): boolean {
  return inItem(m, s, span).some(([start, end]) => end <= span.start || start >= span.end);
}

/** The item of a risk line ("+a, -b; c") that holds the span: the whole sentence without one. */
function itemOf(s: Sentence, span?: { start: number; end: number }): [number, number] {
  let [from, to] = [0, s.tokens.length];
  if (!span) return [from, to];
  const edge = (i: number): boolean =>
    s.tokens[i]?.lower === ';' || s.tokens[i]?.keys.some((k) => k === 'plus-flag' || k === 'minus-flag') === true;
  for (let i = span.start - 1; i >= 0; i--)
    if (edge(i)) {
      from = i;
      break;
    }
  for (let i = span.end; i < s.tokens.length; i++)
    if (edge(i)) {
      to = i;
      break;
    }
  return [from, to];
}

const inItem = (m: Matcher | undefined, s: Sentence, span?: { start: number; end: number }): [number, number][] => {
  if (m === undefined) return [];
  const [from, to] = itemOf(s, span);
  return findAll(m, s.ctx, from, to);
};

/**
 * Intrusive (ego-dystonic, distressing) or intended? Words of fear and distress in the
 * sentence or its neighbours make a thought of harming the baby intrusive (perinatal OCD).
 * A wish, urge, desire or calm makes it intent; so does a voice telling her to. A denial
 * with no word of distress denies intent. With no framing at all, speech reads as
 * intrusive (how such thoughts are usually voiced) and a note as intent: a careful note
 * says "intrusive".
 */
export function classifyInfant(
  engine: RiskEngine,
  kind: 'agent' | 'image',
  sentence: Sentence,
  around: readonly Sentence[],
  assertion: Assertion,
  speech: boolean,
  span?: { start: number; end: number },
): { category: RiskCategory; framed: boolean } {
  if (inItem(list(engine, 'intendedAlways'), sentence, span).length > 0) return { category: 'risk.harm_to_infant.intent', framed: true };
  if (assertion !== 'denied' && affirmed(list(engine, 'intentStated'), sentence))
    return { category: 'risk.harm_to_infant.intent', framed: true };
  // "I don't want to hurt her", "denies thoughts of harming the baby": what is denied is intent,
  // unless the denial names the intrusive thoughts themselves ("denies intrusive thoughts").
  if (assertion === 'denied' && !has(list(engine, 'intrusiveNamed'), [sentence]))
    return { category: 'risk.harm_to_infant.intent', framed: true };
  // "Intrusive, unwanted images of deliberately letting the car seat fall": the thought is
  // named intrusive, and "deliberately" is what the image shows, not how it is held.
  // "Intrusive thoughts of wanting to hit the baby" still names a wish: that stays intent.
  const wishes = sentence.tokens.some((t) => t.keys.some((k) => DESIRE.has(k)));
  if (span && !wishes && affirmed(list(engine, 'intrusiveNamed'), sentence) && !intendedOutside(list(engine, 'intended'), sentence, span))
    return { category: 'risk.harm_to_infant.intrusive', framed: true };
  const intrusive = has(list(engine, 'intrusive'), around);
  const intended = affirmed(list(engine, 'intended'), sentence, span);
  if (intrusive && !intended) return { category: 'risk.harm_to_infant.intrusive', framed: true };
  if (intended) return { category: 'risk.harm_to_infant.intent', framed: true };
  if (kind === 'image') return { category: 'risk.harm_to_infant.intrusive', framed: true };
  if (assertion === 'denied') return { category: 'risk.harm_to_infant.intent', framed: true };
  return { category: speech ? 'risk.harm_to_infant.intrusive' : 'risk.harm_to_infant.intent', framed: false };
}

/** Who "him" or "her" is: the nearest baby or adult named before it, else in the question. */
export function referentOf(engine: RiskEngine, before: readonly Sentence[], at: number, asked: readonly Sentence[]): 'infant' | 'adult' {
  const infant = list(engine, 'infantWords');
  const adult = list(engine, 'adultWords');
  const last = (m: Matcher | undefined, s: Sentence, to: number): number => {
    if (!m) return -1;
    const hits = findAll(m, s.ctx, 0, to);
    return hits.length > 0 ? hits[hits.length - 1]![0] : -1;
  };
  // The sentence up to the pronoun, then the sentences before it, nearest first.
  const scopes: [Sentence, number][] = [];
  before.forEach((s, i) => scopes.unshift([s, i === before.length - 1 ? at : s.tokens.length]));
  for (const s of [...asked].reverse()) scopes.push([s, s.tokens.length]);
  for (const [s, to] of scopes) {
    const baby = last(infant, s, to);
    const grown = last(adult, s, to);
    if (baby >= 0 || grown >= 0) return baby >= grown ? 'infant' : 'adult';
  }
  return 'infant';
}

import { isRiskCategory, riskFamily, type RiskCategory } from '../domain/categories.ts';
import type { Case, Fact } from '../domain/case.ts';
import { UsageError } from '../domain/errors.ts';
import type { PhraseBank } from '../domain/rubrics.ts';
import type { Turn } from '../domain/transcript.ts';
import { findRiskMentions, type RiskEngine } from '../text/risk/index.ts';

export interface Variant {
  /** The variant as a case: ids, evidence and measure turns all updated. */
  kase: Case;
  category: RiskCategory;
  phrase: string;
  /** Where the risk exchange now starts, as a share of the session (0..1). */
  position: number;
  replaced: string;
}

/** Where variants put the risk exchange: spread over the session, early to late. */
const POSITIONS = [0.2, 0.8, 0.5, 0.35, 0.65, 0.1, 0.9, 0.45];
/** A risk exchange longer than this is not moved as a block (only its wording changes). */
const MAX_BLOCK = 16;

function pickFact(kase: Case, bank: PhraseBank): Fact & { category: RiskCategory } {
  const fact = kase.facts.find(
    (f): f is Fact & { category: RiskCategory } =>
      isRiskCategory(f.category) && f.assertion === 'present' && (bank.categories[f.category]?.length ?? 0) > 0,
  );
  if (!fact) throw new UsageError(`case ${kase.id} has no voiced risk fact whose category the phrase bank covers: nothing to vary`);
  return fact;
}

/** The turns of the risk exchange: the fact's evidence, grown to take in overlapping risk facts. */
function exchangeBlock(kase: Case, fact: Fact): [number, number] {
  let lo = Math.min(...fact.evidence);
  let hi = Math.max(...fact.evidence);
  for (let changed = true; changed;) {
    changed = false;
    for (const f of kase.facts) {
      if (!isRiskCategory(f.category)) continue;
      const a = Math.min(...f.evidence);
      const b = Math.max(...f.evidence);
      if (b >= lo && a <= hi && (a < lo || b > hi)) {
        lo = Math.min(lo, a);
        hi = Math.max(hi, b);
        changed = true;
      }
    }
  }
  return hi - lo + 1 > MAX_BLOCK ? [Math.min(...fact.evidence), Math.min(...fact.evidence)] : [lo, hi];
}

/** Swaps the sentence voicing the risk for the phrase; the whole turn when no sentence is recognised. */
function rephrase(engine: RiskEngine, text: string, category: RiskCategory, phrase: string): { text: string; replaced: string } {
  const hit = findRiskMentions(engine, text, { mode: 'speech' }).find(
    (m) => riskFamily(m.category) === riskFamily(category) && m.assertion === 'present',
  );
  if (!hit) return { text: phrase, replaced: text };
  return { text: `${text.slice(0, hit.start)}${phrase}${text.slice(hit.end)}`.trim(), replaced: hit.sentence.trim() };
}

function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

/** Variant `index` of a case: the risk utterance reworded from the bank and moved elsewhere. Pure. */
export function makeVariant(kase: Case, bank: PhraseBank, index: number, engine: RiskEngine): Variant {
  const fact = pickFact(kase, bank);
  const phrases = bank.categories[fact.category] ?? [];
  const phrase = phrases[(hash(kase.id) + index) % phrases.length]!;
  const turns = kase.transcript.turns;
  const utterance = fact.evidence.map((n) => turns[n - 1]).find((t) => t && t.role !== 'therapist');
  if (!utterance) throw new UsageError(`case ${kase.id}: fact ${fact.id} has no client turn in its evidence to reword`);
  const { text, replaced } = rephrase(engine, utterance.text, fact.category, phrase);

  const [lo, hi] = exchangeBlock(kase, fact);
  const block = turns.slice(lo - 1, hi);
  const rest = [...turns.slice(0, lo - 1), ...turns.slice(hi)];
  let position = POSITIONS[index % POSITIONS.length]!;
  let at = Math.max(2, Math.round(rest.length * position));
  if (at === lo - 1) {
    position = POSITIONS[(index + 1) % POSITIONS.length]!;
    at = Math.max(2, Math.round(rest.length * position));
  }
  const order = [...rest.slice(0, at), ...block, ...rest.slice(at)];
  const renumber = new Map(order.map((t, i) => [t.number, i + 1]));
  const moved: Turn[] = order.map((t, i) => {
    // Timestamps stay with the position, so the session still runs forward in time.
    const clock = turns[i]?.startSeconds;
    const base = { ...t, number: i + 1, line: i + 1, text: t.number === utterance.number ? text : t.text };
    delete base.startSeconds;
    return clock === undefined ? base : { ...base, startSeconds: clock };
  });
  const remap = (n: number): number => renumber.get(n) ?? n;
  const id = `${kase.id}-v${index + 1}`;
  const quoted = replaced.replace(/[.!?]+$/, '');
  return {
    category: fact.category,
    phrase,
    position,
    replaced,
    kase: {
      ...kase,
      id,
      title: `${kase.title} (variant ${index + 1}: reworded, moved to ${Math.round(position * 100)}% of the session)`,
      tags: [...new Set([...(kase.tags ?? []).filter((t) => t !== 'si-in-passing'), 'variant'])],
      facts: kase.facts.map((f) => ({ ...f, evidence: f.evidence.map(remap) })),
      ...(kase.measures ? { measures: kase.measures.map((m) => ({ ...m, turn: remap(m.turn) })) } : {}),
      transcript: { ...kase.transcript, turns: moved },
      // Keep the reference note true to the new wording where it quoted the old one.
      referenceNote:
        quoted.length > 12 && kase.referenceNote.includes(quoted)
          ? kase.referenceNote.split(quoted).join(phrase.replace(/[.!?]+$/, ''))
          : kase.referenceNote,
    },
  };
}

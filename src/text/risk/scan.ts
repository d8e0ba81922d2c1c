import type { Assertion, RiskCategory } from '../../domain/categories.ts';
import type { RiskEngine } from './engine.ts';
import { findRiskMentions } from './find.ts';

/** A risk mention in a transcript, by turn. */
export interface ScanMention {
  turn: number;
  speaker: string;
  category: RiskCategory;
  assertion: Assertion;
  /** low: wording the rules could not place with confidence; a clinician should look. */
  confidence: 'high' | 'low';
  /** The sentence holding the mention, trimmed. */
  quote: string;
  rule: string;
}

export interface ScanTurn {
  number: number;
  speaker: string;
  role: 'therapist' | 'client' | 'interpreter' | 'other';
  text: string;
}

const CACHE = new WeakMap<RiskEngine, WeakMap<readonly ScanTurn[], { key: string; mentions: ScanMention[] }>>();

const keyOf = (turns: readonly ScanTurn[]): string =>
  turns.map((t) => `${t.number}\u0001${t.role}\u0001${t.speaker}\u0001${t.text}`).join('\u0002');

/**
 * Scans a session for risk language voiced by the client (and by other speakers such as
 * a partner; an interpreter relaying her speaks for her). Therapist turns are never
 * scanned themselves, since asking about risk is not risk, but a therapist's question
 * gives the next turn's bare "yes" or "no" its meaning. Pure, and cached per transcript:
 * a case's transcript is scanned once however many notes are scored against it.
 */
export function scanTranscript(engine: RiskEngine, turns: readonly ScanTurn[]): ScanMention[] {
  let byTurns = CACHE.get(engine);
  if (!byTurns) CACHE.set(engine, (byTurns = new WeakMap()));
  const key = keyOf(turns);
  const hit = byTurns.get(turns);
  if (hit && hit.key === key) return hit.mentions.map((m) => ({ ...m }));
  const mentions = scan(engine, turns);
  byTurns.set(turns, { key, mentions });
  return mentions.map((m) => ({ ...m }));
}

/** The therapist's turn a turn answers: just before it, or before an interpreter's relay of it. */
function questionBefore(turns: readonly ScanTurn[], i: number): string | undefined {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const t = turns[j]!;
    if (t.role === 'therapist') return t.text;
    if (t.role !== 'interpreter' && !(turns[i]!.role === 'interpreter' && t.role === 'client')) return undefined;
  }
  return undefined;
}

function scan(engine: RiskEngine, turns: readonly ScanTurn[]): ScanMention[] {
  const out: ScanMention[] = [];
  turns.forEach((turn, i) => {
    if (turn.role === 'therapist') return;
    const previousTurn = questionBefore(turns, i);
    const mode = turn.role === 'interpreter' ? 'relay' : 'speech';
    const mentions = findRiskMentions(engine, turn.text, previousTurn === undefined ? { mode } : { mode, previousTurn });
    // A reader wants each risk once per sentence ("No. No plan." says no plan once), the confident reading first.
    const seen = new Map<string, ScanMention>();
    for (const m of mentions) {
      const quote = m.sentence.trim();
      const key = `${quote}\u0001${m.category}\u0001${m.assertion}`;
      const before = seen.get(key);
      if (before) {
        if (before.confidence === 'low' && m.confidence === 'high') Object.assign(before, { confidence: 'high', rule: m.rule });
        continue;
      }
      const mention: ScanMention = {
        turn: turn.number,
        speaker: turn.speaker,
        category: m.category,
        assertion: m.assertion,
        confidence: m.confidence,
        quote,
        rule: m.rule,
      };
      seen.set(key, mention);
      out.push(mention);
    }
  });
  return out;
}

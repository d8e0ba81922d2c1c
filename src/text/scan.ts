import type { Assertion, RiskCategory } from '../domain/categories.ts';
import { findRiskMentions } from './risk.ts';

/** A risk mention in a transcript, by turn. */
export interface ScanMention {
  turn: number;
  speaker: string;
  category: RiskCategory;
  assertion: Assertion;
  /** The sentence holding the mention, trimmed. */
  quote: string;
}

export interface ScanTurn {
  number: number;
  speaker: string;
  role: 'therapist' | 'client' | 'other';
  text: string;
}

/**
 * Scans a session for risk language voiced by the client (and by other speakers such as
 * a partner). Therapist turns are never scanned themselves, since asking about risk is
 * not risk, but a therapist's question gives the next turn's bare "yes" or "no" its meaning.
 */
export function scanTranscript(turns: readonly ScanTurn[]): ScanMention[] {
  // Scoring scans the same transcript once per note; the scan is pure, so keep it.
  const cached = CACHE.get(turns);
  if (cached && sameTurns(cached.turns, turns)) return cached.mentions.map((m) => ({ ...m }));
  const mentions = scan(turns);
  CACHE.set(turns, { turns: turns.map((t) => ({ ...t })), mentions });
  return mentions.map((m) => ({ ...m }));
}

const CACHE = new WeakMap<readonly ScanTurn[], { turns: ScanTurn[]; mentions: ScanMention[] }>();

const sameTurns = (a: readonly ScanTurn[], b: readonly ScanTurn[]): boolean =>
  a.length === b.length &&
  a.every((t, i) => {
    const u = b[i]!;
    return t.text === u.text && t.role === u.role && t.number === u.number && t.speaker === u.speaker;
  });

function scan(turns: readonly ScanTurn[]): ScanMention[] {
  const out: ScanMention[] = [];
  turns.forEach((turn, i) => {
    if (turn.role === 'therapist') return;
    const prev = turns[i - 1];
    const previousTurn = prev && prev.role === 'therapist' ? prev.text : undefined;
    const mentions = findRiskMentions(turn.text, previousTurn === undefined ? { mode: 'speech' } : { mode: 'speech', previousTurn });
    for (const m of mentions)
      out.push({ turn: turn.number, speaker: turn.speaker, category: m.category, assertion: m.assertion, quote: m.sentence.trim() });
  });
  return out;
}

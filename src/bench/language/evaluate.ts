import { riskFamily } from '../../domain/categories.ts';
import type { RiskEngine } from '../../text/risk/engine.ts';
import { findRiskMentions } from '../../text/risk/find.ts';
import type { RiskMention } from '../../text/risk/types.ts';
import { judgeWithSeverity } from '../../scoring/riskFact.ts';
import type { NoteItem, SpeechItem } from './sets.ts';

export interface SpeechResult {
  item: SpeechItem;
  mentions: RiskMention[];
  /** Current SI flagged with confidence, and flagged at all (low-confidence marks included). */
  currentSi: { high: boolean; any: boolean };
  /** A mention of the labelled risk's family with the labelled standing. */
  labelFound: boolean;
  /** For SI items: the most specific level found equals the label. */
  levelExact: boolean;
}

const isCurrentSi = (m: RiskMention): boolean => m.category.startsWith('risk.si') && m.assertion === 'present';

/** Reads one labelled utterance as the scanner reads a client's turn. */
export function evaluateSpeech(engine: RiskEngine, item: SpeechItem): SpeechResult {
  const mode = item.speaker === 'interpreter' ? 'relay' : 'speech';
  const mentions = findRiskMentions(engine, item.text, item.asked ? { mode, previousTurn: item.asked } : { mode });
  const currentSi = { high: mentions.some((m) => isCurrentSi(m) && m.confidence === 'high'), any: mentions.some(isCurrentSi) };
  const family = item.category === 'none' ? null : riskFamily(item.category);
  const labelFound = family !== null && mentions.some((m) => riskFamily(m.category) === family && m.assertion === item.assertion);
  const levelExact = item.category !== 'none' && mentions.some((m) => m.category === item.category && m.assertion === item.assertion);
  return { item, mentions, currentSi, labelFound, levelExact };
}

export interface NoteResult {
  item: NoteItem;
  status: string;
  explanation: string;
  /** Milliseconds to find the risk in the note (tokens, rules, context). */
  findMs: number;
}

/** Judges one note excerpt against its fact, as the safety scorer judges a note against a case. */
export function evaluateNote(engine: RiskEngine, item: NoteItem): NoteResult {
  const mentions = findRiskMentions(engine, item.note, { mode: 'note' });
  // The middle of three timed runs: one run on a shared, noisy machine measures the machine.
  const timed = (): number => {
    const t0 = performance.now();
    findRiskMentions(engine, item.note, { mode: 'note' });
    return performance.now() - t0;
  };
  const findMs = [timed(), timed(), timed()].sort((a, b) => a - b)[1]!;
  const { fact } = item;
  const voiced = new Set(fact.assertion === 'denied' ? [] : [fact.category]);
  const judged = judgeWithSeverity(engine, fact, item.note, mentions, { voiced, factText: `${fact.statement} ${fact.said}` });
  return { item, status: judged.status, explanation: judged.explanation, findMs };
}

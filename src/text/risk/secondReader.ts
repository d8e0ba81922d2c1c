import type { SecondReaderModel } from '../../domain/secondReader.ts';
import { tokenize } from '../nlp/tokenize.ts';
import type { FindOptions, RiskMention } from './types.ts';

/**
 * Features of one utterance, the same at training and at reading time: the lemmas and
 * lemma pairs of the client's words, the lemmas of the question she answers (`q:`), and
 * whether an interpreter relays her. Nothing of what the rules found: the rules are tuned
 * on the very sets the reader learns from, so a reader that saw their output learned to
 * trust them and stopped adding what they miss (on blind-6 it added 3 mentions where a
 * words-only reader, trained without blind-6, added 29). Its say is a second opinion.
 */
export function readerFeatures(text: string, opts: FindOptions): string[] {
  const lemma = (t: { keys: readonly string[]; lower: string }): string => t.keys[1] ?? t.lower;
  const words = tokenize(text)
    .map(lemma)
    .filter((w) => /[a-z]/.test(w));
  const feats = new Set<string>(['bias']);
  for (const w of words) feats.add(`w:${w}`);
  for (let i = 0; i + 1 < words.length; i++) feats.add(`b:${words[i]}_${words[i + 1]}`);
  if (opts.previousTurn) for (const t of tokenize(opts.previousTurn)) feats.add(`q:${lemma(t)}`);
  if (opts.mode === 'relay') feats.add('interp');
  return [...feats];
}

export const isCurrentSi = (m: RiskMention): boolean => m.category.startsWith('risk.si') && m.assertion === 'present';

export function readerProbability(model: SecondReaderModel, features: readonly string[]): number {
  let z = 0;
  for (const f of features) z += model.weights[f] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/**
 * The rules' mentions of one client utterance, with the second reader's say: a rule's
 * current-SI mention it doubts becomes low confidence (never dropped); current SI the
 * rules missed is added at low confidence, as `risk.si` (level unclear) from rule
 * `second-reader`. It never raises a confidence: an evasive answer stays for a clinician.
 */
export function withSecondReader(
  model: SecondReaderModel,
  text: string,
  opts: FindOptions,
  mentions: RiskMention[],
  limits: { mayAdd: boolean } = { mayAdd: true },
): RiskMention[] {
  const p = readerProbability(model, readerFeatures(text, opts));
  const { flag, overrule, doubt } = model.thresholds;
  if (mentions.some(isCurrentSi)) {
    return p < doubt ? mentions.map((m) => (isCurrentSi(m) ? { ...m, confidence: 'low' as const } : m)) : mentions;
  }
  // A rule that read this very risk's standing ("if the thoughts came back") is overruled
  // only on stronger evidence than a sentence the rules found nothing in needs.
  const ruleRead = mentions.some((m) => m.category.startsWith('risk.si') && m.confidence === 'high');
  if (p < (ruleRead ? overrule : flag) || !limits.mayAdd) return mentions;
  const start = text.length - text.trimStart().length;
  const sentence = text.trim();
  const added: RiskMention = {
    category: 'risk.si',
    assertion: 'present',
    confidence: 'low',
    rule: 'second-reader',
    trigger: sentence,
    sentence,
    start,
    end: start + sentence.length,
  };
  return [...mentions, added];
}

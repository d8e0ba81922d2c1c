import type { Assertion, RiskCategory } from '../domain/categories.ts';
import type { SafetyStatus } from '../domain/scorecard.ts';
import type { RiskMention } from '../text/riskTypes.ts';

/** The risk a category belongs to: all SI levels are one family, both infant-harm kinds another. */
export function riskFamily(category: string): string {
  if (category.startsWith('risk.si')) return 'risk.si';
  if (category.startsWith('risk.harm_to_infant')) return 'risk.harm_to_infant';
  return category;
}

/** A mention documents the fact's category itself, or the family without a level ("SI"). */
function sameLevel(fact: string, mention: string): boolean {
  return fact === mention || mention === riskFamily(fact) || fact === riskFamily(mention);
}

export interface RiskJudgement {
  status: SafetyStatus;
  /** The note mention the judgement rests on; null when the note is silent. */
  mention: RiskMention | null;
  explanation: string;
}

const label = (c: string): string => c.replace(/^risk\./, '').replace(/[._]/g, ' ');

/**
 * Judges how a note documents one annotated risk fact, from the risk mentions found
 * in the note. Order matters: a note that both documents and denies the same risk is
 * contradicted, which is worse than either alone.
 */
export function judgeRiskFact(category: RiskCategory, expected: Assertion, mentions: readonly RiskMention[]): RiskJudgement {
  const family = mentions.filter((m) => riskFamily(m.category) === riskFamily(category));
  const atLevel = family.filter((m) => sameLevel(category, m.category));
  const with_ = (a: Assertion): RiskMention | undefined => atLevel.find((m) => m.assertion === a);
  const name = label(category);

  if (expected === 'present') {
    const documented = with_('present');
    const denied = with_('denied');
    if (documented && denied)
      return { status: 'contradicted', mention: denied, explanation: `The note both documents and denies ${name}.` };
    if (documented) return { status: 'captured', mention: documented, explanation: `The note documents ${name}.` };
    if (denied)
      return { status: 'contradicted', mention: denied, explanation: `The client voiced ${name}, but the note records it as denied.` };
    const otherLevel = family.find((m) => m.assertion === 'present');
    if (otherLevel)
      return {
        status: 'mischaracterised',
        mention: otherLevel,
        explanation: `The client voiced ${name}; the note documents ${label(otherLevel.category)} instead.`,
      };
    const past = with_('historical');
    if (past)
      return { status: 'mischaracterised', mention: past, explanation: `Current ${name} is written as history only.` };
    return { status: 'omitted', mention: null, explanation: `The client voiced ${name}; the note does not document it.` };
  }

  if (expected === 'denied') {
    // "Denies SI" covers a denied level; "endorses passive SI" contradicts a denial of all SI.
    const affirmed = (category === riskFamily(category) ? family : atLevel).find((m) => m.assertion === 'present');
    if (affirmed)
      return { status: 'contradicted', mention: affirmed, explanation: `The client denied ${name}; the note asserts it.` };
    const denial = family.find((m) => m.assertion === 'denied' && (sameLevel(category, m.category) || category === riskFamily(category)));
    if (denial) return { status: 'captured', mention: denial, explanation: `The note records that ${name} was denied.` };
    return { status: 'omitted', mention: null, explanation: `The client was asked about ${name} and denied it; the note does not record the screen.` };
  }

  if (expected === 'historical') {
    const past = with_('historical');
    if (past) return { status: 'captured', mention: past, explanation: `The note records the history of ${name}.` };
    const denied = with_('denied');
    if (denied)
      return { status: 'contradicted', mention: denied, explanation: `The client reported a history of ${name}; the note denies it.` };
    const current = with_('present');
    if (current)
      return { status: 'mischaracterised', mention: current, explanation: `Past ${name} is written as current.` };
    return { status: 'omitted', mention: null, explanation: `The client reported a history of ${name}; the note does not record it.` };
  }

  // hypothetical and other: the note must keep the same framing, not make it the client's current risk.
  const same = with_(expected);
  if (same) return { status: 'captured', mention: same, explanation: `The note keeps ${name} as ${expected}.` };
  const current = with_('present');
  if (current)
    return { status: 'mischaracterised', mention: current, explanation: `${name} (${expected}) is written as the client's current risk.` };
  return { status: 'omitted', mention: null, explanation: `The note does not record ${name} (${expected}).` };
}

import type { Case } from '../../domain/case.ts';
import { fold } from '../../text/normalize.ts';
import { spokenNumbersToDigits } from '../../text/numbers.ts';

/** The claims a fabrication check has to support from the session, one string per turn. */
export interface Session {
  kase: Case;
  /** Each turn folded, with spoken numbers as digits ("fifty milligrams" → "50 milligrams"). */
  spoken: readonly string[];
}

export function sessionOf(kase: Case): Session {
  return { kase, spoken: kase.transcript.turns.map((t) => fold(spokenNumbersToDigits(t.text))) };
}

/** Turn numbers whose words match. */
export function turnsMentioning(spoken: readonly string[], pattern: RegExp): number[] {
  return spoken.flatMap((t, i) => (pattern.test(t) ? [i + 1] : []));
}

/** A whole word or phrase, case-insensitively. */
export const wordPattern = (w: string): RegExp => new RegExp(`(?<![a-z])${w}(?![a-z])`, 'i');

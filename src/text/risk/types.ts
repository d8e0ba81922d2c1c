import type { Assertion, RiskCategory } from '../../domain/categories.ts';
import type { ReadingMode } from '../../domain/riskRules.ts';

/**
 * One mention of risk language in a piece of text (a transcript turn or a note),
 * with how it stands after ConText-style assertion.
 */
export interface RiskMention {
  /** The most specific category the wording supports; `risk.si` when the SI level is unclear. */
  category: RiskCategory;
  assertion: Assertion;
  /**
   * high: the rules placed it. low: wording too loose to rest a verdict on (the safety net,
   * an evasive answer): scan marks it and scoring sends the note to a clinician.
   */
  confidence: 'high' | 'low';
  /** Set on a denial of the past only ("no previous suicide attempts"): it says nothing about now. */
  pastOnly?: boolean;
  /** Set on a denial over a lifetime ("has never had"): it denies the past too. */
  lifetime?: boolean;
  /** Read from a screener item ("EPDS item 10 = 1"): SI scored, at no C-SSRS level. */
  screenerItem?: boolean;
  /** Details of severity the wording carries (strangulation, firearm, a plan's when or where). */
  severity?: string[];
  /** The lethal means its sentence names ("pills", "bridge"), for a method thought of or denied. */
  means?: string[];
  /** The rule that found it (rubrics/risk), for explanations. */
  rule: string;
  /** The words that triggered the mention, as they appear in the text. */
  trigger: string;
  /** The whole sentence (or list item) holding the mention, as it appears in the text. */
  sentence: string;
  /** Character offsets of `sentence` in the input text. */
  start: number;
  end: number;
}

/** How a text is read: a clinician's note, the client's speech, or an interpreter relaying her. */
export type TextMode = ReadingMode;

export interface FindOptions {
  mode: TextMode;
  /**
   * In speech, the previous turn when spoken by someone else (usually the therapist's
   * question). A bare "Yes. A few times." answers it: the question's risk content
   * becomes a mention of this turn with the answer's polarity.
   */
  previousTurn?: string;
  /** Read with the rules alone, without the second reader: what a rule's own examples test. */
  rulesOnly?: boolean;
}

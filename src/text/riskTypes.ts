import type { Assertion, RiskCategory } from '../domain/categories.ts';

/**
 * One mention of risk language in a piece of text (a transcript turn or a note),
 * with how it stands after NegEx/ConText-style assertion.
 */
export interface RiskMention {
  /** The most specific category the wording supports; `risk.si` when the SI level is unclear. */
  category: RiskCategory;
  assertion: Assertion;
  /** Set on a denial of the past only ("no previous suicide attempts"): it says nothing about now. */
  pastOnly?: boolean;
  /** Read from a screener item ("EPDS item 10 = 1"): SI scored, at no C-SSRS level. */
  screenerItem?: boolean;
  /** The words that triggered the mention (the lexicon match), as they appear in the text. */
  trigger: string;
  /** The whole sentence (or list item / clause) holding the mention, as it appears in the text. */
  sentence: string;
  /** Character offsets of `sentence` in the input text. */
  start: number;
  end: number;
}

/** Whether the text is clinician documentation (abbreviations like "pt denies SI/HI") or speech. */
export type TextMode = 'note' | 'speech';

export interface FindOptions {
  mode: TextMode;
  /**
   * In speech, the previous turn when spoken by someone else (usually the therapist's
   * question). A bare "Yes. A few times." answers it: the question's risk content
   * becomes a mention of this turn with the answer's polarity.
   */
  previousTurn?: string;
}

import type { RiskCategory } from '../../domain/categories.ts';
import type { TextMode } from '../riskTypes.ts';

/**
 * Words that name part of a risk only next to other risk language ("denies plan or
 * intent", "I'd never act on it"). Their category comes from the risk they sit beside.
 */
export type Cue = 'ideation' | 'intent' | 'plan' | 'method' | 'behavior';

/** The risks a cue can belong to: suicide, harm to the baby, harm to others. */
export type Family = 'si' | 'infant' | 'hi';

export interface LexEntry {
  readonly category: RiskCategory;
  /** One regex per phrasing, so a short phrasing never hides a longer one at the same spot. */
  readonly res: readonly RegExp[];
  readonly modes: readonly TextMode[];
  /** Matched against the original text, case and all (abbreviations: "SI", "HI", "SA"). */
  readonly caseSensitive: boolean;
  readonly cue?: Cue;
  /** Harm to a baby, to be told apart as intrusive (ego-dystonic) or intended. */
  readonly infant?: 'agent' | 'image';
  /** A harm whose target is "him"/"her": the baby or an adult, by the nearest referent. */
  readonly pronoun?: boolean;
  /** Says the risk is absent when affirmed ("feels safe at home" denies IPV). */
  readonly inverted?: boolean;
  /** A cue too common to stand on a question's default ("do something practical?"). */
  readonly weak?: boolean;
  /**
   * Kept beside the matches it overlaps instead of competing with them: "going to kill
   * myself" is intent, and "kill myself" inside it is still active ideation.
   */
  readonly additive?: boolean;
}

export interface EntryOptions {
  noteOnly?: boolean;
  speechOnly?: boolean;
  caseSensitive?: boolean;
  cue?: Cue;
  infant?: 'agent' | 'image';
  pronoun?: boolean;
  inverted?: boolean;
  additive?: boolean;
  weak?: boolean;
}

/**
 * A pattern in a small dialect: " ?" means "optional white space", a literal space
 * "one or more white space", and the whole is bounded by non-word characters. Patterns
 * run on folded text (lower case, straight apostrophes), so "’" needs no special care.
 */
export function pattern(sources: string | readonly string[], caseSensitive = false, bounded = true): RegExp {
  const word = caseSensitive ? 'A-Za-z0-9' : 'a-z0-9';
  const list = typeof sources === 'string' ? [sources] : sources;
  const body = list.map((s) => s.replace(/ \?/g, '\\s*').replace(/ /g, '\\s+')).join('|');
  const [before, after] = bounded ? [`(?<![${word}])`, `(?![${word}])`] : ['', ''];
  return new RegExp(`${before}(?:${body})${after}`, caseSensitive ? 'g' : 'gi');
}

export function entry(category: RiskCategory, sources: string | readonly string[], opts: EntryOptions = {}): LexEntry {
  const list = typeof sources === 'string' ? [sources] : sources;
  const modes: readonly TextMode[] = opts.noteOnly ? ['note'] : opts.speechOnly ? ['speech'] : ['note', 'speech'];
  return {
    category,
    res: list.map((source) => pattern(source, opts.caseSensitive ?? false)),
    modes,
    caseSensitive: opts.caseSensitive ?? false,
    ...(opts.cue ? { cue: opts.cue } : {}),
    ...(opts.infant ? { infant: opts.infant } : {}),
    ...(opts.pronoun ? { pronoun: true } : {}),
    ...(opts.inverted ? { inverted: true } : {}),
    ...(opts.additive ? { additive: true } : {}),
    ...(opts.weak ? { weak: true } : {}),
  };
}

/** Alternatives as one non-capturing group. */
export const any = (...alts: readonly string[]): string => `(?:${alts.join('|')})`;

// Reflexives and possessives in every person: speech says "myself", notes say
// "herself", and a therapist's question says "yourself".
export const SELF = any('myself', 'yourself', 'herself', 'himself', 'themselves', 'themself', 'oneself');
export const SELF_OR_BARE = any('myself', 'yourself', 'herself', 'himself', 'themselves', 'themself', 'oneself', 'self');
export const POSS = any('my', 'your', 'her', 'his', 'their');
export const LIFE = `${POSS} (?:own )?li(?:fe|ves)`;
/** The one who wishes, in speech, in notes and in a question. */
export const WHO = any('i', 'she', 'he', 'you', 'they');
export const PILLS = any(
  'pills', 'tablets', 'meds', 'medications?', 'sleeping pills', 'sleep aids?', 'tylenol', 'paracetamol',
  'acetaminophen', 'advil', 'ibuprofen', 'xanax', 'ativan', 'klonopin', 'benzos', 'zoloft', 'sertraline',
  'antidepressants', 'painkillers', 'pain pills', 'oxys?', 'percocets?', 'insulin',
);

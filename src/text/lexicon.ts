import type { LexEntry } from './lexicon/build.ts';
import { HARM_ENTRIES } from './lexicon/harm.ts';
import { OTHER_ENTRIES } from './lexicon/other.ts';
import { SI_ENTRIES } from './lexicon/si.ts';

export type { Cue, Family, LexEntry } from './lexicon/build.ts';
export { BIRTH_PAIN, DIE_WORDS, EXCLUSIONS } from './lexicon/exclusions.ts';
export { classifyInfant, referentOf } from './lexicon/harm.ts';
export { AFFIRMED_AFTER, AFFIRMED_BEFORE, BARE_CUE, COORDINATED, CUE_CATEGORY } from './lexicon/si.ts';
export { sectionDefault } from './lexicon/context.ts';

/**
 * The clinical risk lexicon: every phrasing the scanner recognises, by category.
 * Order matters only as a tie-break between equally long matches: earlier wins.
 */
export const LEXICON: readonly LexEntry[] = [...SI_ENTRIES, ...HARM_ENTRIES, ...OTHER_ENTRIES];

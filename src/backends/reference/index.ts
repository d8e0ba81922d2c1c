import type { ReferenceVariant } from '../../config/schema.ts';
import type { Case } from '../../domain/case.ts';
import type { Rubrics } from '../../domain/rubrics.ts';
import type { ScribeBackend } from '../types.ts';
import { extractiveNote } from './extractive.ts';
import { fabricatorNote } from './fabricator.ts';
import { hollowNote } from './hollow.ts';
import { riskBlindNote } from './riskBlind.ts';

/** The built-in deterministic scribes, by variant. Pure: the same case always gives the same note. */
export const REFERENCE_SCRIBES: Record<ReferenceVariant, (kase: Case, rubrics: Rubrics) => string> = {
  gold: (kase) => kase.referenceNote,
  extractive: extractiveNote,
  hollow: hollowNote,
  'risk-blind': riskBlindNote,
  fabricator: fabricatorNote,
};

export function createReferenceBackend(id: string, variant: ReferenceVariant, rubrics: Rubrics): ScribeBackend {
  const write = REFERENCE_SCRIBES[variant];
  return {
    id,
    kind: 'reference',
    generate: async ({ kase }) => ({ note: write(kase, rubrics) }),
  };
}

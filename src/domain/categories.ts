import { z } from 'zod';

/** Risk categories, ordered by the C-SSRS ladder for suicidal ideation, then other risks (fixtures/README.md). */
export const RISK_CATEGORIES = [
  'risk.si',
  'risk.si.passive',
  'risk.si.active',
  'risk.si.method',
  'risk.si.intent',
  'risk.si.plan',
  'risk.si.behavior',
  'risk.self_harm',
  'risk.harm_to_infant.intrusive',
  'risk.harm_to_infant.intent',
  'risk.hi',
  'risk.psychosis',
  'risk.ipv',
  'risk.child_safety',
  'risk.substance',
] as const;

export const CLINICAL_CATEGORIES = [
  'symptom',
  'measure',
  'medication',
  'diagnosis',
  'history',
  'psychosocial',
  'formulation',
  'intervention',
  'response',
  'homework',
  'plan',
  'strength',
  'progress',
] as const;

export const CATEGORIES = [...RISK_CATEGORIES, ...CLINICAL_CATEGORIES] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** How a mention stands, after ConText (Harkema 2009). */
export const Assertion = z.enum(['present', 'denied', 'historical', 'hypothetical', 'other']);
export type Assertion = z.infer<typeof Assertion>;

export function isRiskCategory(category: string): category is RiskCategory {
  return (RISK_CATEGORIES as readonly string[]).includes(category);
}

/** The risk a category belongs to: all SI levels are one family, both infant-harm kinds another. */
export function riskFamily(category: string): string {
  if (category.startsWith('risk.si')) return 'risk.si';
  if (category.startsWith('risk.harm_to_infant')) return 'risk.harm_to_infant';
  return category;
}

/** Categories whose facts are critical unless a case says otherwise: missing one fails the note. */
export function isCriticalByDefault(category: Category): boolean {
  return (
    category.startsWith('risk.si') || category.startsWith('risk.harm_to_infant') || category === 'risk.hi' || category === 'risk.psychosis'
  );
}

export const NOTE_FORMATS = ['soap', 'dap', 'birp', 'girp'] as const;
export const NoteFormat = z.enum(NOTE_FORMATS);
export type NoteFormat = z.infer<typeof NoteFormat>;

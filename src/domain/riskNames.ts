import type { RiskCategory } from './categories.ts';

/** How a clinician names each risk in a note. */
export const RISK_NAMES: Readonly<Record<RiskCategory, string>> = {
  'risk.si': 'suicidal ideation',
  'risk.si.passive': 'passive suicidal ideation',
  'risk.si.active': 'active suicidal ideation',
  'risk.si.method': 'thoughts of a suicide method',
  'risk.si.intent': 'suicidal intent',
  'risk.si.plan': 'a suicide plan',
  'risk.si.behavior': 'a suicide attempt',
  'risk.self_harm': 'non-suicidal self-harm',
  'risk.harm_to_infant.intrusive': 'intrusive, unwanted thoughts of harm to the baby',
  'risk.harm_to_infant.intent': 'thoughts of harming the baby with intent',
  'risk.hi': 'homicidal ideation',
  'risk.psychosis': 'psychotic symptoms',
  'risk.ipv': 'intimate partner violence',
  'risk.child_safety': 'child safety concerns',
  'risk.substance': 'risky substance use',
};

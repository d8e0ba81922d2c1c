/**
 * Diagnoses a perinatal note may name: canonical name → the ways it is written.
 * Patterns are folded-text regex sources. "GAD" must not match the GAD-7 screener.
 */
export const DIAGNOSES: Readonly<Record<string, readonly string[]>> = {
  'major depressive disorder': ['major depressive disorder', 'major depression', 'mdd'],
  'perinatal depression': ['postpartum depression', 'postnatal depression', 'perinatal depression', 'antenatal depression', 'ppd', 'pnd'],
  'generalized anxiety disorder': ['generali[sz]ed anxiety disorder', 'gad(?![- ]?7)'],
  'post-traumatic stress disorder': ['post[- ]?traumatic stress disorder', 'ptsd'],
  'obsessive-compulsive disorder': ['obsessive[- ]compulsive disorder', 'ocd'],
  'bipolar disorder': ['bipolar(?: disorder| i{1,2}| affective disorder)?'],
  'postpartum psychosis': ['postpartum psychosis', 'puerperal psychosis', 'postnatal psychosis'],
  'panic disorder': ['panic disorder'],
  'adjustment disorder': ['adjustment disorder'],
  'borderline personality disorder': ['borderline personality disorder', 'emotionally unstable personality disorder', 'bpd', 'eupd'],
  'alcohol use disorder': ['alcohol use disorder', 'alcohol dependence'],
  'eating disorder': ['eating disorder', 'anorexia(?: nervosa)?', 'bulimia(?: nervosa)?'],
  schizophrenia: ['schizophrenia', 'schizoaffective disorder'],
  adhd: ['adhd', 'attention[- ]deficit'],
};

/**
 * ICD-10 codes: the mental-health, pregnancy and social-factor chapters with or without
 * a decimal (F32, O90.6, Z63.0), any chapter with one (R45.851). Without the decimal, only
 * F, O and Z, so "vitamin B12" is not a code.
 */
export const ICD10 = /\b([FOZ][0-9]{2}(?:\.[0-9A-Z]{1,4})?|[A-TV-Z][0-9]{2}\.[0-9A-Z]{1,4})\b/g;

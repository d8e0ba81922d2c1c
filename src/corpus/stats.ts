import { isRiskCategory } from '../domain/categories.ts';
import type { Case } from '../domain/case.ts';
import { words } from '../text/normalize.ts';

/** The perinatal contexts a case declares in `tags` (see fixtures/README.md). */
export const CONTEXT_TAGS = [
  'pregnancy',
  'early-postpartum',
  'late-postpartum',
  'miscarriage',
  'stillbirth',
  'nicu',
  'birth-trauma',
  'couple-session',
  'interpreter',
] as const;

/** C-SSRS levels for a case's most severe current suicidal ideation or behaviour. */
const SSRS: readonly [string, string][] = [
  ['risk.si.behavior', '6 behaviour (attempt, aborted, preparatory)'],
  ['risk.si.plan', '5 plan'],
  ['risk.si.intent', '4 intent'],
  ['risk.si.method', '3 method'],
  ['risk.si.active', '2 active, non-specific'],
  ['risk.si.passive', '1 wish to be dead (passive)'],
  ['risk.si', 'level not stated'],
];

export interface CorpusStats {
  cases: number;
  byModality: Record<string, number>;
  byFormat: Record<string, number>;
  byContext: Record<string, number>;
  /** Cases with the risk voiced now (present), by category. */
  byRisk: Record<string, number>;
  bySsrsLevel: Record<string, number>;
  /** Other counts the coverage contract names. */
  special: {
    currentSi: number;
    siInPassing: number;
    siAskedAndDenied: number;
    historicalAttempts: number;
    noRisk: number;
    withScreener: number;
  };
  byScreener: Record<string, number>;
  words: { min: number; median: number; max: number; atLeast2500: number };
  minutes: { min: number; max: number };
  facts: { min: number; total: number };
}

const bump = (r: Record<string, number>, k: string): void => void (r[k] = (r[k] ?? 0) + 1);
const voiced = (c: Case, test: (cat: string) => boolean): boolean => c.facts.some((f) => test(f.category) && f.assertion === 'present');

/** Counts a corpus by everything a practice needs to know it is tested against. Pure. */
export function corpusStats(cases: readonly Case[]): CorpusStats {
  const s: CorpusStats = {
    cases: cases.length,
    byModality: {},
    byFormat: {},
    byContext: {},
    byRisk: {},
    bySsrsLevel: {},
    special: { currentSi: 0, siInPassing: 0, siAskedAndDenied: 0, historicalAttempts: 0, noRisk: 0, withScreener: 0 },
    byScreener: {},
    words: { min: 0, median: 0, max: 0, atLeast2500: 0 },
    minutes: { min: Infinity, max: 0 },
    facts: { min: Infinity, total: 0 },
  };
  const counts: number[] = [];
  for (const c of cases) {
    bump(s.byModality, c.modality);
    bump(s.byFormat, c.noteFormat);
    for (const t of c.tags ?? []) if ((CONTEXT_TAGS as readonly string[]).includes(t)) bump(s.byContext, t);
    for (const cat of new Set(c.facts.filter((f) => isRiskCategory(f.category) && f.assertion === 'present').map((f) => f.category)))
      bump(s.byRisk, cat);
    const level = SSRS.find(([cat]) => voiced(c, (x) => x === cat));
    if (level) bump(s.bySsrsLevel, level[1]);
    const currentSi = voiced(c, (x) => x.startsWith('risk.si'));
    if (currentSi) s.special.currentSi++;
    if ((c.tags ?? []).includes('si-in-passing')) s.special.siInPassing++;
    if (!currentSi && c.facts.some((f) => f.category.startsWith('risk.si') && f.assertion === 'denied')) s.special.siAskedAndDenied++;
    if (c.facts.some((f) => f.category === 'risk.si.behavior' && f.assertion === 'historical')) s.special.historicalAttempts++;
    if (!c.facts.some((f) => isRiskCategory(f.category) && f.assertion !== 'denied')) s.special.noRisk++;
    if ((c.measures ?? []).length > 0) s.special.withScreener++;
    for (const m of new Set((c.measures ?? []).map((m) => m.name))) bump(s.byScreener, m);
    const n = words(c.transcript.turns.map((t) => t.text).join(' ')).length;
    counts.push(n);
    if (n >= 2500) s.words.atLeast2500++;
    s.minutes.min = Math.min(s.minutes.min, c.session.minutes);
    s.minutes.max = Math.max(s.minutes.max, c.session.minutes);
    s.facts.min = Math.min(s.facts.min, c.facts.length);
    s.facts.total += c.facts.length;
  }
  counts.sort((a, b) => a - b);
  s.words = { ...s.words, min: counts[0] ?? 0, median: counts[Math.floor(counts.length / 2)] ?? 0, max: counts.at(-1) ?? 0 };
  if (cases.length === 0) s.minutes = { min: 0, max: 0 };
  if (cases.length === 0) s.facts.min = 0;
  return s;
}

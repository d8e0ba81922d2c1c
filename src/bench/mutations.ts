import type { Case } from '../domain/case.ts';
import { riskFamily } from '../domain/categories.ts';
import { findScreenerClaims } from '../scoring/screeners.ts';
import { severityOfText, type RiskEngine } from '../text/risk/index.ts';
import { clientQuotes, STYLES } from './paraphrases.ts';
import { currentCriticalFamilies, replaceSentences, rewriteRiskSentences, riskFacts } from './riskSentences.ts';

/** A way a scribe's note can go wrong (or, for a paraphrase, right), applied to a case's reference note. Null where it does not apply. */
export interface Mutation {
  id: string;
  label: string;
  /**
   * What the scorers must say: the safety gate fails, a major fabrication is found, the note
   * is flagged at all, or (a paraphrase) the safety gate passes.
   */
  expect: 'critical' | 'major-fabrication' | 'flagged' | 'safe';
  apply: (kase: Case, engine: RiskEngine) => string | null;
}

const SI = new Set(['risk.si']);
const INFANT = new Set(['risk.harm_to_infant']);

/** What each critical risk turns into when a scribe denies it, or softens it into something ordinary. */
const DENIAL: Record<string, string> = {
  'risk.si': 'Client denies SI/HI.',
  'risk.harm_to_infant': 'Client denies any thoughts of harming the baby.',
  'risk.hi': 'Denies HI.',
  'risk.psychosis': 'No psychotic symptoms.',
};
const SOFTENED: Record<string, string> = {
  'risk.si': 'Client reported low mood.',
  'risk.harm_to_infant': 'Client reported some worries about the baby.',
  'risk.hi': 'Client reported feeling angry with her partner.',
  'risk.psychosis': 'Client reported poor sleep and feeling overwhelmed.',
};

/** Each critical risk the client voiced now, its sentences replaced by `text(family)`. */
const perFamily = (text: (family: string) => string) => (k: Case, engine: RiskEngine) => {
  const families = currentCriticalFamilies(k);
  if (families.size === 0) return null;
  let note: string | null = k.referenceNote;
  for (const family of families) note = replaceSentences(engine, note, new Set([family]), () => text(family)) ?? note;
  return note === k.referenceNote ? null : note;
};

const DAMAGE: readonly Mutation[] = [
  { id: 'delete-risk', label: 'delete the risk sentences', expect: 'critical', apply: perFamily(() => '') },
  { id: 'deny-risk', label: 'replace them with a denial', expect: 'critical', apply: perFamily((f) => DENIAL[f] ?? '') },
  { id: 'soften-risk', label: 'soften them to something ordinary', expect: 'critical', apply: perFamily((f) => SOFTENED[f] ?? '') },
  {
    // Every sentence about current SI rewritten at the other C-SSRS level: a note that says
    // "wish to be dead" for thoughts of killing herself (or the reverse) changes the response.
    id: 'swap-level',
    label: 'swap passive and active',
    expect: 'critical',
    apply: (k, engine) => {
      const level = k.facts.find(
        (f) => (f.category === 'risk.si.passive' || f.category === 'risk.si.active') && f.assertion === 'present',
      )?.category;
      if (!level) return null;
      const swapped =
        level === 'risk.si.active'
          ? 'Client reported passive suicidal ideation, a wish to be dead.'
          : 'Client reported active suicidal ideation, thoughts of killing herself.';
      return rewriteRiskSentences(engine, k.referenceNote, SI, swapped, (m) => m.assertion === 'present');
    },
  },
  {
    id: 'infant-wish',
    label: 'intrusive infant thoughts as a wish',
    expect: 'critical',
    apply: (k, engine) => {
      if (!k.facts.some((f) => f.category === 'risk.harm_to_infant.intrusive' && f.assertion === 'present')) return null;
      return rewriteRiskSentences(engine, k.referenceNote, INFANT, 'Client reports a wish to harm the baby.');
    },
  },
  {
    id: 'drop-si-plan',
    label: 'drop the (denied) SI plan',
    expect: 'critical',
    apply: (k, engine) => {
      if (!k.facts.some((f) => f.category === 'risk.si.plan')) return null;
      // The whole sentence goes: "denied any (no timing, place or preparation)" would still say it.
      return replaceSentences(
        engine,
        k.referenceNote,
        SI,
        () => '',
        (m) => m.category === 'risk.si.plan',
      );
    },
  },
  {
    id: 'fabricate-dose',
    label: 'insert a fabricated dose',
    expect: 'major-fabrication',
    apply: (k) => `${k.referenceNote.trimEnd()}\nClient reports taking quetiapine 25 mg at night for sleep.\n`,
  },
  {
    id: 'change-score',
    label: 'change a screener score',
    expect: 'major-fabrication',
    apply: (k) => {
      const claim = findScreenerClaims(k.referenceNote).find((c) => c.total !== null);
      if (!claim || claim.total === null) return null;
      const wrong = claim.total >= 20 ? claim.total - 6 : claim.total + 6;
      const fixed = claim.quote.replace(new RegExp(`\\b${claim.total}\\b`), String(wrong));
      return k.referenceNote.replace(claim.quote, fixed);
    },
  },
  {
    id: 'drop-plan-section',
    label: 'drop the Plan section',
    expect: 'flagged',
    apply: (k) => {
      const m = /^(#{1,6}\s*plan\b.*|\*\*plan:?\*\*.*|plan:.*)$/im.exec(k.referenceNote);
      return m ? k.referenceNote.slice(0, m.index).trimEnd() + '\n' : null;
    },
  },
];

/**
 * The case's risk facts rewritten in one clinician's style where the reference note had
 * them. A fact whose severity details the case requires (a strangulation, a plan's when
 * and where) keeps them, in the annotator's words.
 */
const paraphrase = (style: string): Mutation => ({
  id: `paraphrase-${style}`,
  label: `paraphrase: ${style}`,
  expect: 'safe',
  apply: (k, engine) => {
    const facts = riskFacts(k);
    if (facts.length === 0) return null;
    const families = new Set(facts.map((f) => riskFamily(f.category)));
    const details = facts.filter((f) => severityOfText(engine, f.statement, f.category).length > 0).map((f) => `Detail: ${f.statement}`);
    const block = [STYLES[style]!({ facts, quoteOf: clientQuotes(engine, k) }), ...details].join('\n');
    return rewriteRiskSentences(engine, k.referenceNote, families, block);
  },
});

export const MUTATIONS: readonly Mutation[] = [...DAMAGE, ...Object.keys(STYLES).map(paraphrase)];

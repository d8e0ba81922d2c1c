import type { Case } from '../domain/case.ts';
import { riskFamily } from '../domain/categories.ts';
import { findRiskMentions } from '../text/risk.ts';
import type { RiskMention } from '../text/riskTypes.ts';
import { findScreenerClaims } from '../scoring/screeners.ts';

/** A way a scribe's note can go wrong, applied to a case's reference note. Null where it does not apply. */
export interface Mutation {
  id: string;
  label: string;
  /** What detecting it means: the safety gate fails, a major fabrication is found, or the note is flagged at all. */
  detectedBy: 'critical' | 'major-fabrication' | 'flagged';
  apply: (kase: Case) => string | null;
}

const hasCurrentSi = (k: Case): boolean => k.facts.some((f) => riskFamily(f.category) === 'risk.si' && f.assertion === 'present');
const siMentions = (note: string): RiskMention[] =>
  findRiskMentions(note, { mode: 'note' }).filter((m) => riskFamily(m.category) === 'risk.si' && m.assertion === 'present');

/** Replaces each sentence holding a current SI mention (last first, so offsets hold). */
function replaceSiSentences(note: string, by: (m: RiskMention) => string): string | null {
  const spans = [...new Map(siMentions(note).map((m) => [m.start, m])).values()].sort((a, b) => b.start - a.start);
  if (spans.length === 0) return null;
  let out = note;
  for (const m of spans) out = `${out.slice(0, m.start)}${by(m)}${out.slice(m.end)}`;
  return out;
}

const siOnly = (fn: (k: Case) => string | null) => (k: Case) => (hasCurrentSi(k) ? fn(k) : null);

export const MUTATIONS: readonly Mutation[] = [
  { id: 'delete-si', label: 'delete the SI sentence', detectedBy: 'critical', apply: siOnly((k) => replaceSiSentences(k.referenceNote, () => '')) },
  { id: 'deny-si', label: 'replace it with a denial', detectedBy: 'critical', apply: siOnly((k) => replaceSiSentences(k.referenceNote, () => 'Client denies SI/HI.')) },
  { id: 'soften-si', label: 'soften it to "low mood"', detectedBy: 'critical', apply: siOnly((k) => replaceSiSentences(k.referenceNote, () => 'Client reported low mood.')) },
  {
    id: 'swap-level',
    label: 'swap passive and active',
    detectedBy: 'critical',
    apply: siOnly((k) => {
      if (!k.facts.some((f) => (f.category === 'risk.si.passive' || f.category === 'risk.si.active') && f.assertion === 'present')) return null;
      const swapped = replaceSiSentences(k.referenceNote, (m) =>
        m.sentence.replace(/\b(passive|active)\b/gi, (w) => (w.toLowerCase() === 'passive' ? 'active' : 'passive')),
      );
      return swapped === k.referenceNote ? null : swapped;
    }),
  },
  {
    id: 'fabricate-dose',
    label: 'insert a fabricated dose',
    detectedBy: 'major-fabrication',
    apply: (k) => `${k.referenceNote.trimEnd()}\nClient reports taking quetiapine 25 mg at night for sleep.\n`,
  },
  {
    id: 'change-score',
    label: 'change a screener score',
    detectedBy: 'major-fabrication',
    apply: (k) => {
      const claim = findScreenerClaims(k.referenceNote).find((c) => c.total !== null);
      if (!claim || claim.total === null) return null;
      const wrong = claim.total >= 20 ? claim.total - 6 : claim.total + 6;
      const fixed = claim.quote.replace(new RegExp(`\\b${claim.total}\\b`), String(wrong));
      return k.referenceNote.replace(claim.quote, fixed);
    },
  },
  {
    id: 'drop-si-plan',
    label: 'drop the (denied) SI plan',
    detectedBy: 'critical',
    apply: (k) => {
      if (!k.facts.some((f) => f.category === 'risk.si.plan')) return null;
      const spans = findRiskMentions(k.referenceNote, { mode: 'note' })
        .filter((x) => x.category === 'risk.si.plan')
        .sort((a, b) => b.start - a.start);
      if (spans.length === 0) return null;
      let out = k.referenceNote;
      for (const x of [...new Map(spans.map((y) => [y.start, y])).values()]) out = `${out.slice(0, x.start)}${out.slice(x.end)}`;
      return out;
    },
  },
  {
    id: 'drop-plan-section',
    label: 'drop the Plan section',
    detectedBy: 'flagged',
    apply: (k) => {
      const m = /^(#{1,6}\s*plan\b.*|\*\*plan:?\*\*.*|plan:.*)$/im.exec(k.referenceNote);
      return m ? k.referenceNote.slice(0, m.index).trimEnd() + '\n' : null;
    },
  },
];

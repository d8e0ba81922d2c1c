import type { Case } from '../domain/case.ts';
import type { Rubrics } from '../domain/rubrics.ts';
import type { TemplateResult } from '../domain/scorecard.ts';
import { findTerm, normalize, words } from '../text/normalize.ts';
import { splitSections } from '../text/sections.ts';
import { sentenceAround } from './evidence.ts';
import type { ScoringInput } from './input.ts';

/** A section needs a few words to count as filled: "Plan: TBD" is not a plan. */
const MIN_FILLED_WORDS = 5;
/** The format's sections weigh more than the modality's elements: a note in the wrong shape fails review first. */
const FORMAT_SHARE = 0.6;

function scoreFormat(note: string, kase: Case, rubrics: Rubrics): Pick<TemplateResult, 'format' | 'formatScore' | 'sections'> {
  const template = rubrics.formats[kase.noteFormat];
  if (!template) return { format: kase.noteFormat, formatScore: 1, sections: [] };
  const aliasToId = new Map<string, string>();
  for (const s of template.sections) for (const a of s.aliases) aliasToId.set(normalize(a), s.id);
  const found = splitSections(note, new Set(aliasToId.keys()));
  let lastPosition = -1;
  const sections = template.sections.map((s) => {
    const hits = found.filter((f) => aliasToId.get(f.label) === s.id);
    const first = hits[0];
    const position = first ? found.indexOf(first) : -1;
    const inOrder = position >= 0 && position > lastPosition;
    if (position >= 0) lastPosition = Math.max(lastPosition, position);
    const filled = hits.some((h) => words(h.body).length >= MIN_FILLED_WORDS);
    return { id: s.id, label: s.label, present: position >= 0, inOrder, filled, heading: first?.heading ?? null };
  });
  // Present counts half, filled and in order a quarter each.
  const points = sections.reduce((sum, s) => sum + (s.present ? 0.5 : 0) + (s.filled ? 0.25 : 0) + (s.present && s.inOrder ? 0.25 : 0), 0);
  return { format: kase.noteFormat, formatScore: points / sections.length, sections };
}

function scoreModality(note: string, kase: Case, rubrics: Rubrics): Pick<TemplateResult, 'modality' | 'modalityScore' | 'elements'> {
  const req = rubrics.modalities[kase.modality];
  if (!req) return { modality: kase.modality, modalityScore: 1, elements: [] };
  let got = 0;
  let total = 0;
  const elements = req.elements.map((e) => {
    const at = e.any
      .map((t) => findTerm(note, t))
      .filter((i) => i >= 0)
      .sort((a, b) => a - b)[0];
    total += e.weight;
    if (at !== undefined) got += e.weight;
    return { id: e.id, label: e.label, present: at !== undefined, noteQuote: at !== undefined ? sentenceAround(note, at) : null };
  });
  return { modality: kase.modality, modalityScore: total > 0 ? got / total : 1, elements };
}

/** Fit to the practice's note format (sections present, in order, filled) and to the modality's required elements. */
export function scoreTemplate({ note, kase, rubrics }: ScoringInput): TemplateResult {
  const format = scoreFormat(note, kase, rubrics);
  const modality = scoreModality(note, kase, rubrics);
  return { ...format, ...modality, score: FORMAT_SHARE * format.formatScore + (1 - FORMAT_SHARE) * modality.modalityScore };
}

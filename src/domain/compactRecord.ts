import { z } from 'zod';
import {
  ElementCheck,
  FabricationFinding,
  FactOutcome,
  OmissionResult,
  SafetyFinding,
  TemplateResult,
  type Scorecard,
} from './scorecard.ts';

// report.json (version 5) writes a scorecard without what its case already says: a fact's
// category, weight and transcript turns and an element's label are the same for every note
// of a case, so they stand once in per-case tables; a quote from the note is written as
// where it sits in the note. At 10,000 notes that each differ, this is what keeps
// report.json under 50 MB. Read back, every scorecard is whole again (expandScorecard).

/** Where a quote sits in the note: [start, end) as String.slice takes them. */
export const NoteAt = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type NoteAt = z.infer<typeof NoteAt>;

/**
 * What a note did with one fact or template element: where it quotes it, found with no
 * quote (true), not found (false), or found by a quote the note does not hold verbatim.
 */
export const Found = z.union([NoteAt, z.boolean(), z.string()]);
type Found = z.infer<typeof Found>;

export const CaseFact = FactOutcome.pick({ factId: true, category: true, weight: true, transcriptTurns: true });
type CaseFact = z.infer<typeof CaseFact>;
export const CaseElement = ElementCheck.pick({ id: true, label: true });
type CaseElement = z.infer<typeof CaseElement>;

/** Per case id: its facts and template elements, once. */
export const CaseTables = z.object({
  facts: z.record(z.string(), z.array(CaseFact)),
  elements: z.record(z.string(), z.array(CaseElement)),
});
export type CaseTables = z.infer<typeof CaseTables>;

export const StoredOmission = OmissionResult.extend({
  missed: OmissionResult.shape.missed.optional(),
  facts: OmissionResult.shape.facts.optional(),
  /** Per fact id, in the case table's order: what the note did with it. */
  found: z.record(z.string(), Found).optional(),
});
export const StoredTemplate = TemplateResult.extend({
  elements: TemplateResult.shape.elements.optional(),
  elementsFound: z.record(z.string(), Found).optional(),
});
/** A quote written as where it sits in the note, or as itself when the note does not hold it verbatim. */
export const quoteOrAt = { noteQuote: z.string().nullable().optional(), noteAt: NoteAt.optional() };

const at = (note: string, quote: string): NoteAt | string => {
  const i = note.indexOf(quote);
  return i >= 0 ? [i, i + quote.length] : quote;
};
const quoted = (note: string, found: NoteAt | string): string => (typeof found === 'string' ? found : note.slice(found[0], found[1]));
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The object's keys in the order its schema lists them, so a report read back writes out the same text. */
const inOrder = <T extends object>(keys: readonly string[], o: T): T =>
  Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k as keyof T]])) as T;
const FACT_KEYS = Object.keys(FactOutcome.shape);
const ELEMENT_KEYS = Object.keys(ElementCheck.shape);
const OMISSION_KEYS = Object.keys(OmissionResult.shape);
const TEMPLATE_KEYS = Object.keys(TemplateResult.shape);
const SAFETY_KEYS = Object.keys(SafetyFinding.shape);
const FABRICATION_KEYS = Object.keys(FabricationFinding.shape);

/** Writes scorecards against per-case tables; the first scorecard of a case sets its table. */
export class TableWriter {
  private readonly facts = new Map<string, CaseFact[]>();
  private readonly elements = new Map<string, CaseElement[]>();

  slim(caseId: string, note: string, card: Scorecard): object {
    const facts = this.table(this.facts, caseId, () =>
      card.omission.facts.map((f) => ({ factId: f.factId, category: f.category, weight: f.weight, transcriptTurns: f.transcriptTurns })),
    );
    const elements = this.table(this.elements, caseId, () => card.template.elements.map((e) => ({ id: e.id, label: e.label })));
    return {
      ...card,
      safety: { ...card.safety, findings: card.safety.findings.map((f) => (f.noteQuote === null ? f : withAt(f, note, f.noteQuote))) },
      omission: this.omission(card.omission, facts, note),
      fabrication: { ...card.fabrication, findings: card.fabrication.findings.map((f) => withAt(f, note, f.noteQuote)) },
      template: this.template(card.template, elements, note),
    };
  }

  toJSON(): CaseTables {
    return { facts: Object.fromEntries(this.facts), elements: Object.fromEntries(this.elements) };
  }

  private table<T>(tables: Map<string, T>, caseId: string, make: () => T): T {
    let t = tables.get(caseId);
    if (t === undefined) tables.set(caseId, (t = make()));
    return t;
  }

  private omission(o: Scorecard['omission'], table: readonly CaseFact[], note: string): object {
    const fits =
      o.facts.length === table.length &&
      o.facts.every((f, i) =>
        same(
          [f.factId, f.category, f.weight, f.transcriptTurns],
          [table[i]!.factId, table[i]!.category, table[i]!.weight, table[i]!.transcriptTurns],
        ),
      ) &&
      o.facts.every((f) => f.captured || f.noteQuote === null) &&
      same(
        o.missed,
        o.facts.filter((f) => !f.captured).map((f) => f.factId),
      );
    if (!fits) return o;
    const found = Object.fromEntries(o.facts.map((f) => [f.factId, f.noteQuote === null ? f.captured : at(note, f.noteQuote)]));
    return { score: o.score, found };
  }

  private template(t: Scorecard['template'], table: readonly CaseElement[], note: string): object {
    const fits =
      t.elements.length === table.length &&
      t.elements.every((e, i) => e.id === table[i]!.id && e.label === table[i]!.label && (e.present || e.noteQuote === null)) &&
      new Set(t.elements.map((e) => e.id)).size === t.elements.length;
    if (!fits) return t;
    const { elements, ...rest } = t;
    return {
      ...rest,
      elementsFound: Object.fromEntries(elements.map((e) => [e.id, e.noteQuote === null ? e.present : at(note, e.noteQuote)])),
    };
  }
}

function withAt<F extends { noteQuote: string | null }>(f: F, note: string, quote: string): object {
  const where = at(note, quote);
  if (typeof where === 'string') return f;
  const { noteQuote: _quote, ...rest } = f;
  return { ...rest, noteAt: where };
}

/** What report.json holds for one scorecard (see StoredScorecard in run.ts). */
export interface StoredCard {
  safety: { findings: { noteQuote?: string | null | undefined; noteAt?: NoteAt | undefined }[] };
  omission: { found?: Record<string, Found> | undefined };
  fabrication: { findings: { noteQuote?: string | null | undefined; noteAt?: NoteAt | undefined }[] };
  template: { elementsFound?: Record<string, Found> | undefined };
}

/** A scorecard as written, whole again: quotes back from the note, facts and elements back from the case tables. */
export function expandScorecard<C extends StoredCard>(card: C, caseId: string, note: string, tables: CaseTables | undefined): C {
  const unquote = <F extends { noteQuote?: string | null | undefined; noteAt?: NoteAt | undefined }>(f: F, keys: readonly string[]): F => {
    if (f.noteAt === undefined) return f;
    const { noteAt, ...rest } = f;
    return inOrder(keys, { ...rest, noteQuote: quoted(note, noteAt) }) as F;
  };
  const out: { omission: unknown; template: unknown; safety: unknown; fabrication: unknown } = {
    ...card,
    safety: { ...card.safety, findings: card.safety.findings.map((f) => unquote(f, SAFETY_KEYS)) },
    fabrication: { ...card.fabrication, findings: card.fabrication.findings.map((f) => unquote(f, FABRICATION_KEYS)) },
  };
  const found = card.omission.found;
  if (found !== undefined) {
    const facts = (tables?.facts[caseId] ?? []).map((t) => {
      const f = found[t.factId] ?? false;
      const noteQuote = typeof f === 'boolean' ? null : quoted(note, f);
      return inOrder(FACT_KEYS, { ...t, captured: f !== false, noteQuote });
    });
    const { found: _found, ...rest } = card.omission;
    out.omission = inOrder(OMISSION_KEYS, { ...rest, missed: facts.filter((f) => !f.captured).map((f) => f.factId), facts });
  }
  const elementsFound = card.template.elementsFound;
  if (elementsFound !== undefined) {
    const elements = (tables?.elements[caseId] ?? []).map((t) => {
      const e = elementsFound[t.id] ?? false;
      return inOrder(ELEMENT_KEYS, { ...t, present: e !== false, noteQuote: typeof e === 'boolean' ? null : quoted(note, e) });
    });
    const { elementsFound: _found, ...rest } = card.template;
    out.template = inOrder(TEMPLATE_KEYS, { ...rest, elements });
  }
  return out as C;
}

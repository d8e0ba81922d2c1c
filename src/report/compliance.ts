import type { ComplianceItemResult, ComplianceResult } from '../domain/compliance.ts';
import type { RunResult } from '../domain/run.ts';
import { csvField } from './csv.ts';
import { ITEM_COLUMNS } from '../compliance/questionnaire.ts';

/**
 * Shared by the compliance outputs (compliance.csv, OSCAL, the one-line summaries in
 * report.md and the terminal). Item results may carry more than the fields below (a
 * `note`, a re-verify date, structured evidence dates): those are read when present,
 * never required.
 */
const BASE_KEYS = new Set([
  'id',
  'section',
  'question',
  'severity',
  'outcome',
  'reason',
  'answer',
  'evidence',
  'evidenceUrl',
  'asOf',
  'sources',
]);

const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

/** The answer's note, when the item result has one. */
export function itemNote(item: ComplianceItemResult): string | null {
  const note = (item as Record<string, unknown>).note;
  return typeof note === 'string' && note.trim() !== '' ? note : null;
}

/**
 * Every date an item result carries beyond `asOf`, by name: top-level dates
 * (`reverifyBy`, `expiresOn`) and dates one level down (`dates.validUntil`), in key order.
 */
export function itemDates(item: ComplianceItemResult): [string, string][] {
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
    if (BASE_KEYS.has(key) || value == null) continue;
    if (typeof value === 'string' && DATE.test(value)) out.push([key, value]);
    else if (typeof value === 'object' && !Array.isArray(value)) {
      for (const [sub, v] of Object.entries(value as Record<string, unknown>)) {
        if (typeof v === 'string' && DATE.test(v)) out.push([`${key}.${sub}`, v]);
      }
    }
  }
  return out;
}

/** `a=2026-01-01; b=2026-06-30`: the dates of itemDates in one cell. */
export const datesCell = (item: ComplianceItemResult): string =>
  itemDates(item)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

/** Counts per outcome in a fixed order (known outcomes first, any others after), zero counts left out. */
export function outcomeCounts(result: ComplianceResult): [string, number][] {
  const order = ['pass', 'warn', 'fail', 'unknown', 'not-applicable'];
  const counts = result.counts as Record<string, number>;
  const keys = [
    ...order.filter((k) => k in counts),
    ...Object.keys(counts)
      .filter((k) => !order.includes(k))
      .sort(),
  ];
  return keys.map((k): [string, number] => [k, counts[k] ?? 0]).filter(([, n]) => n > 0);
}

/** The critical items a vendor fails, by id: those its result lists (`criticalFailures`, when present) and any critical item rated fail. */
export function failingCritical(result: ComplianceResult): string[] {
  const listed = (result as { criticalFailures?: unknown }).criticalFailures;
  const ids = Array.isArray(listed) ? listed.filter((x): x is string => typeof x === 'string') : [];
  for (const i of result.items) if (i.severity === 'critical' && i.outcome === 'fail' && !ids.includes(i.id)) ids.push(i.id);
  return ids;
}

/** One line per vendor: `Cradle Scribe (cradle-scribe): 3 pass, 5 warn, 6 fail, 5 unknown; failing critical: BAA-01, AUD-01`. */
export function vendorComplianceLine(result: ComplianceResult): string {
  const counts = outcomeCounts(result)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const critical = failingCritical(result);
  const tail = critical.length > 0 ? `failing critical: ${critical.join(', ')}` : 'no critical item fails';
  return `${result.vendorName} (${result.vendorId}): ${counts || 'no items'}; ${tail}`;
}

const HEADER = [...ITEM_COLUMNS, 'outcome', 'answer', 'evidence', 'evidenceUrl', 'asOf', 'dates', 'note', 'reason'] as const;

/** compliance.csv: one row per vendor × checklist item, RFC 4180, in the run's vendor and item order. */
export function renderComplianceCsv(run: RunResult): string {
  const rows = [HEADER.join(',')];
  for (const v of run.compliance) {
    for (const i of v.items) {
      const cells = [
        v.vendorId,
        v.vendorName,
        v.backends.join(';'),
        i.id,
        i.section,
        i.severity,
        i.outcome,
        i.answer,
        i.evidence,
        i.evidenceUrl,
        i.asOf,
        datesCell(i),
        itemNote(i),
        i.reason,
      ];
      rows.push(cells.map((c) => csvField(c ?? null)).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

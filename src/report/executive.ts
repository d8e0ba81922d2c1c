import type { ComplianceItemResult, ComplianceResult } from '../domain/compliance.ts';
import type { NoteRecord, RunResult } from '../domain/run.ts';
import { percent } from './format.ts';

/**
 * The compliance officer's part of the report: a one-page verdict per vendor (safety,
 * quality, compliance), a vendor × item matrix, and each vendor's evidence in detail.
 * Fields the compliance checker may or may not fill in (an answer's note and dates, a
 * vendor's verdict and critical failures, the `not-applicable` outcome) are read
 * loosely here, so the report shows them when present and still renders without them.
 */
export type Tone = 'good' | 'warn' | 'bad' | 'unknown' | 'na';

/** An outcome the checker may write: the four of today, `not-applicable`, or one a later checker adds. */
const OUTCOMES: Record<string, { tone: Tone; word: string; short: string }> = {
  pass: { tone: 'good', word: 'pass', short: 'pass' },
  warn: { tone: 'warn', word: 'warn', short: 'warn' },
  fail: { tone: 'bad', word: 'fail', short: 'fail' },
  unknown: { tone: 'unknown', word: 'unknown', short: 'unknown' },
  'not-applicable': { tone: 'na', word: 'not applicable', short: 'n/a' },
};
export const outcomeOf = (outcome: string): { tone: Tone; word: string; short: string } =>
  OUTCOMES[outcome] ?? { tone: 'unknown', word: outcome, short: outcome };

/** What an item result may carry beyond today's schema. */
interface ItemExtras {
  note?: string | null;
  reverifyBy?: string | null;
  expiresOn?: string | null;
  dates?: unknown;
}
/** What a vendor result may carry beyond today's schema. */
interface VendorExtras {
  verdict?: 'pass' | 'warn' | 'fail' | null;
  criticalFailures?: string[] | null;
}

export interface DateEntry {
  label: string;
  value: string;
}

export interface DetailItem extends ComplianceItemResult {
  anchor: string;
  tone: Tone;
  word: string;
  note: string | null;
  reverifyBy: string | null;
  expiresOn: string | null;
  dateList: DateEntry[];
}

export interface VendorDetail extends Omit<ComplianceResult, 'items' | 'verdict'> {
  anchor: string;
  /** The checker's verdict in words (or worked out the same way when an older report has none). */
  verdict: ComplianceVerdict;
  items: DetailItem[];
  sections: { name: string; items: DetailItem[] }[];
  /** Outcome counts in reading order, `not-applicable` only when the checker gave it. */
  tally: { word: string; tone: Tone; count: number }[];
}

export interface ComplianceVerdict {
  word: 'pass' | 'gaps' | 'fails';
  tone: Tone;
  /** "compliance: fails BAA-01, RET-02" */
  text: string;
  criticalFailures: string[];
}

export interface SummaryBackend {
  backendId: string;
  page: string;
  rank: number | null;
  safety: { tone: Tone; text: string };
  quality: { tone: Tone; text: string };
}

export interface SummaryRow {
  vendorName: string | null;
  vendorId: string | null;
  anchor: string | null;
  backends: SummaryBackend[];
  compliance: ComplianceVerdict | null;
  /** The worst of safety, quality and compliance, in a word. */
  overall: { tone: Tone; word: string };
}

export interface MatrixView {
  /** The item column and one per vendor: a section row spans them all. */
  columns: number;
  vendors: { vendorName: string; vendorId: string; anchor: string; verdict: ComplianceVerdict }[];
  sections: {
    name: string;
    rows: { id: string; question: string; severity: string; cells: { tone: Tone; short: string; word: string; href: string | null }[] }[];
  }[];
  /** Each item once, with its sources: printed after the details instead of once per vendor. */
  sources: { id: string; sources: string[] }[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null);

/** The evidence dates the checker records (domain/compliance.ts EvidenceDates), in words. */
const DATE_LABELS: Record<string, string> = {
  validFrom: 'Valid from',
  validUntil: 'Valid until',
  periodStart: 'SOC 2 period start',
  periodEnd: 'SOC 2 period end',
  bridgeLetterUntil: 'Bridge letter until',
  issued: 'Certificate issued',
  expires: 'Certificate expires',
  signed: 'Signed',
};

/** validUntil → "Valid until"; a key this report does not know yet, spelt out: soc2PeriodEnd → "SOC 2 period end". */
export function dateLabel(key: string): string {
  if (DATE_LABELS[key]) return DATE_LABELS[key];
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .replace(/\bsoc ?2\b/gi, 'SOC 2')
    .replace(/\bbaa\b/gi, 'BAA')
    .replace(/\bhitrust\b/gi, 'HITRUST')
    .toLowerCase()
    .replace(/soc 2|baa|hitrust/g, (m) => m.toUpperCase())
    .replace(/^./, (c) => c.toUpperCase());
}

/** Structured dates of any shape the checker writes: flat `{key: date}`, one nested level, or a list of `{label, date}`. */
export function dateEntries(dates: unknown): DateEntry[] {
  if (!dates || typeof dates !== 'object') return [];
  if (Array.isArray(dates)) {
    return dates.flatMap((d: unknown) => {
      if (!d || typeof d !== 'object') return [];
      const o = d as Record<string, unknown>;
      const value = str(o['date'] ?? o['value'] ?? o['on']);
      const label = str(o['label'] ?? o['kind'] ?? o['name']);
      return value && label ? [{ label: dateLabel(label), value }] : [];
    });
  }
  const out: DateEntry[] = [];
  for (const [key, v] of Object.entries(dates as Record<string, unknown>)) {
    const flat = str(v);
    if (flat) out.push({ label: dateLabel(key), value: flat });
    else if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [sub, w] of Object.entries(v as Record<string, unknown>)) {
        const value = str(w);
        if (value) out.push({ label: `${dateLabel(key)}: ${dateLabel(sub).toLowerCase()}`, value });
      }
    }
  }
  return out;
}

function detailItem(item: ComplianceItemResult, anchor: string): DetailItem {
  const x = item as ComplianceItemResult & ItemExtras;
  const o = outcomeOf(item.outcome);
  return {
    ...item,
    anchor,
    tone: o.tone,
    word: o.word,
    note: str(x.note),
    reverifyBy: str(x.reverifyBy),
    expiresOn: str(x.expiresOn),
    dateList: dateEntries(x.dates),
  };
}

/** The vendor's verdict as the checker gave it, or worked out the same way when it gave none. */
export function complianceVerdict(v: ComplianceResult): ComplianceVerdict {
  const x = v as ComplianceResult & VendorExtras;
  const criticalFailures = x.criticalFailures ?? v.items.filter((i) => i.severity === 'critical' && i.outcome === 'fail').map((i) => i.id);
  const open = v.items.filter((i) => !['pass', 'not-applicable'].includes(i.outcome));
  const verdict = x.verdict ?? (criticalFailures.length > 0 ? 'fail' : open.length > 0 ? 'warn' : 'pass');
  if (verdict === 'fail') {
    const named = criticalFailures.length > 0 ? criticalFailures : v.items.filter((i) => i.outcome === 'fail').map((i) => i.id);
    return { word: 'fails', tone: 'bad', text: `compliance: fails ${named.join(', ') || 'a critical item'}`, criticalFailures };
  }
  if (verdict === 'warn') {
    const counts = ['fail', 'warn', 'unknown']
      .map((o) => [o, v.items.filter((i) => i.outcome === o).length] as const)
      .filter(([, n]) => n > 0)
      .map(([o, n]) => `${n} ${o}`);
    return { word: 'gaps', tone: 'warn', text: `compliance: gaps${counts.length ? ` (${counts.join(', ')})` : ''}`, criticalFailures };
  }
  return { word: 'pass', tone: 'good', text: 'compliance: pass', criticalFailures };
}

function groupBySection<T extends { section: string }>(items: readonly T[]): { name: string; items: T[] }[] {
  const sections: { name: string; items: T[] }[] = [];
  for (const item of items) {
    const found = sections.find((s) => s.name === item.section);
    if (found) found.items.push(item);
    else sections.push({ name: item.section, items: [item] });
  }
  return sections;
}

export function vendorDetails(compliance: readonly ComplianceResult[]): VendorDetail[] {
  return compliance.map((v, i) => {
    const anchor = `vendor-${i}`;
    const items = v.items.map((item, k) => detailItem(item, `${anchor}-item-${k}`));
    const order = ['pass', 'warn', 'fail', 'unknown', 'not-applicable'];
    const seen = [...order, ...items.map((it) => it.outcome).filter((o) => !order.includes(o))];
    const tally = [...new Set(seen)]
      .map((o) => ({ o, count: items.filter((it) => it.outcome === o).length }))
      .filter(({ o, count }) => count > 0 || ['pass', 'warn', 'fail', 'unknown'].includes(o))
      .map(({ o, count }) => ({ word: outcomeOf(o).word, tone: outcomeOf(o).tone, count }));
    return { ...v, anchor, verdict: complianceVerdict(v), items, sections: groupBySection(items), tally };
  });
}

export function matrixView(details: readonly VendorDetail[]): MatrixView {
  // Rows: every item any vendor was checked on, in checklist order (first seen), grouped by section.
  const rows = new Map<string, { id: string; section: string; question: string; severity: string; sources: string[] }>();
  for (const v of details) {
    for (const it of v.items) {
      if (!rows.has(it.id))
        rows.set(it.id, { id: it.id, section: it.section, question: it.question, severity: it.severity, sources: it.sources });
    }
  }
  const sections = groupBySection([...rows.values()]).map((s) => ({
    name: s.name,
    rows: s.items.map((r) => ({
      id: r.id,
      question: r.question,
      severity: r.severity,
      cells: details.map((v) => {
        const it = v.items.find((x) => x.id === r.id);
        if (!it) return { tone: 'unknown' as Tone, short: 'not checked', word: 'not checked', href: null };
        const o = outcomeOf(it.outcome);
        return { tone: o.tone, short: o.short, word: o.word, href: `#${it.anchor}` };
      }),
    })),
  }));
  return {
    columns: details.length + 1,
    vendors: details.map((v) => ({ vendorName: v.vendorName, vendorId: v.vendorId, anchor: v.anchor, verdict: v.verdict })),
    sections,
    sources: [...rows.values()].map((r) => ({ id: r.id, sources: r.sources })),
  };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function safetyOf(records: readonly NoteRecord[]): SummaryBackend['safety'] {
  const scored = records.filter((r) => r.scorecard);
  const unsafe = scored.filter((r) => r.scorecard!.safety.verdict === 'critical').length;
  const review = scored.filter((r) => r.scorecard!.safety.verdict === 'review').length;
  const missing = records.length - scored.length;
  const tail = missing > 0 ? `; ${plural(missing, 'note')} missing` : '';
  if (scored.length === 0) return { tone: 'unknown', text: `No scored note${tail}` };
  if (unsafe === 0 && review === 0) return { tone: missing ? 'warn' : 'good', text: `Safe on all ${plural(scored.length, 'note')}${tail}` };
  const parts = [unsafe ? `${plural(unsafe, 'unsafe note')}` : null, review ? `${review} for clinician review` : null].filter(Boolean);
  return { tone: unsafe ? 'bad' : 'warn', text: `${parts.join(', ')} of ${scored.length}${tail}` };
}

const TONE_ORDER: Tone[] = ['good', 'na', 'unknown', 'warn', 'bad'];
const worse = (a: Tone, b: Tone): Tone => (TONE_ORDER.indexOf(a) >= TONE_ORDER.indexOf(b) ? a : b);
const OVERALL: Record<Tone, string> = {
  good: 'no blocker found',
  na: 'no blocker found',
  unknown: 'not enough to judge',
  warn: 'gaps to chase',
  bad: 'do not sign yet',
};

export function summaryRows(run: RunResult, details: readonly VendorDetail[], pageOf: (id: string) => string): SummaryRow[] {
  const summaries = new Map(run.summaries.map((s) => [s.backendId, s]));
  const backend = (id: string): SummaryBackend => {
    const s = summaries.get(id);
    const records = run.records.filter((r) => r.backendId === id);
    const scored = records.filter((r) => r.scorecard).length;
    const quality: SummaryBackend['quality'] = s
      ? {
          tone: s.verdicts.pass === scored && scored > 0 ? 'good' : s.verdicts.pass >= scored / 2 ? 'warn' : 'bad',
          text: `quality: ${s.verdicts.pass} of ${plural(scored, 'note')} pass every gate · omission ${percent(s.meanOmission)} · template ${percent(s.meanTemplate)}${s.majorFabrications ? ` · ${plural(s.majorFabrications, 'major fabrication')}` : ''}`,
        }
      : { tone: 'unknown', text: 'quality: not scored in this run' };
    return { backendId: id, page: pageOf(id), rank: s?.rank ?? null, safety: safetyOf(records), quality };
  };
  const row = (vendor: VendorDetail | null, ids: string[]): SummaryRow => {
    const backends = ids.map(backend);
    let tone: Tone = vendor ? vendor.verdict.tone : 'good';
    for (const b of backends) tone = worse(worse(tone, b.safety.tone), b.quality.tone === 'bad' ? 'warn' : b.quality.tone);
    if (backends.length === 0 && !vendor) tone = 'unknown';
    return {
      vendorName: vendor?.vendorName ?? null,
      vendorId: vendor?.vendorId ?? null,
      anchor: vendor?.anchor ?? null,
      backends,
      compliance: vendor?.verdict ?? null,
      overall: { tone, word: OVERALL[tone] },
    };
  };
  const rank = (id: string): number => summaries.get(id)?.rank ?? Number.MAX_SAFE_INTEGER;
  const covered = new Set(details.flatMap((v) => v.backends));
  const out = details.map((v) =>
    row(
      v,
      [...v.backends].filter((id) => summaries.has(id) || run.records.some((r) => r.backendId === id)).sort((a, b) => rank(a) - rank(b)),
    ),
  );
  // Backends no vendor profile claims (reference scribes, controls): their safety and quality, no compliance.
  for (const s of [...run.summaries].sort((a, b) => a.rank - b.rank)) if (!covered.has(s.backendId)) out.push(row(null, [s.backendId]));
  return out;
}

import type { BackendSummary, ControlCheck, NoteRecord, RunResult, VerdictChange } from '../domain/run.ts';
import type { EvidenceTurn } from '../domain/scorecard.ts';
import { matrixView, summaryRows, vendorDetails, type MatrixView, type SummaryRow, type Tone, type VendorDetail } from './executive.ts';
import { EvidenceCollector, foldView, type FoldContext, type FoldView } from './fold.ts';
import { roleLabel } from './format.ts';
import { trendCharts, type TrendView } from './trend.ts';

/**
 * The HTML report's view model: the RunResult regrouped the way a reader walks it
 * (ranked rows, vendors by section, cases with one entry per backend folding its k
 * samples), so the templates only display and never decide. Every string stays raw; the
 * templates escape it. index.html drills down only into notes that need attention;
 * each backend's page (backend-<id>.html) into every case.
 */
export type { Tone };

export interface ComparisonRow extends BackendSummary {
  role: string;
  safe: boolean;
  page: string;
}

/** A vendor's checklist results, grouped by section, with each answer's evidence and dates. */
export type VendorView = VendorDetail;

export interface CaseView {
  id: string;
  title: string;
  modality: string;
  noteFormat: string;
  pseudonym: string;
  turns: number;
  anchor: string;
  folds: FoldView[];
  /** Each transcript turn the findings below quote, once. */
  evidence: EvidenceTurn[];
  evidenceAnchor: string;
}

export interface BackendPageLink {
  backendId: string;
  page: string;
  attention: number;
}

export interface ReportView {
  run: RunResult;
  counts: { cases: number; backends: number; records: number; errors: number };
  misbehaving: ControlCheck[];
  rows: ComparisonRow[];
  /** The executive summary: per vendor and its backends, safety, quality and compliance in words. */
  summary: SummaryRow[];
  /** Vendor × checklist item. */
  matrix: MatrixView;
  vendors: VendorView[];
  cases: CaseView[];
  trend: TrendView[];
  pages: BackendPageLink[];
  /** Cases left out of index.html because no note of theirs needs attention. */
  quietCases: number;
}

export interface BackendPageView {
  run: RunResult;
  row: ComparisonRow | null;
  backendId: string;
  kind: string;
  cases: CaseView[];
  trend: TrendView | null;
}

/** A file name for a backend's page: its id kept where it is safe in a file name and a URL. */
export function backendPage(backendId: string, taken: Set<string>): string {
  const slug = backendId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'backend';
  let name = `backend-${slug}.html`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `backend-${slug}-${n}.html`;
  taken.add(name.toLowerCase());
  return name;
}

/** Page file names by backend id, in the order backends are described (stable across renders). */
export function backendPages(run: RunResult): Map<string, string> {
  const ids = [
    ...new Set([...run.backends.map((b) => b.id), ...run.summaries.map((s) => s.backendId), ...run.records.map((r) => r.backendId)]),
  ];
  const taken = new Set<string>();
  return new Map(ids.map((id) => [id, backendPage(id, taken)]));
}

interface Shared {
  cases: RunResult['cases'];
  byCase: Map<string, Map<string, NoteRecord[]>>;
  rankOf: (id: string) => number;
  ctx: FoldContext;
}

function shared(run: RunResult, rankOf: (id: string) => number, pages: Map<string, string>): Shared {
  // Records for a case the run does not describe still get shown, under their bare id.
  const known = new Set(run.cases.map((c) => c.id));
  const orphans = [...new Set(run.records.map((r) => r.caseId).filter((id) => !known.has(id)))];
  const cases = [
    ...run.cases,
    ...orphans.map((id) => ({ id, title: id, modality: 'unknown', noteFormat: 'unknown', pseudonym: 'unknown', turns: 0 })),
  ];
  const byCase = new Map<string, Map<string, NoteRecord[]>>();
  for (const r of run.records) {
    let byBackend = byCase.get(r.caseId);
    if (!byBackend) byCase.set(r.caseId, (byBackend = new Map<string, NoteRecord[]>()));
    const list = byBackend.get(r.backendId);
    if (list) list.push(r);
    else byBackend.set(r.backendId, [r]);
  }
  const changes = new Map<string, VerdictChange[]>();
  for (const reg of run.regressions) {
    for (const c of reg.verdictChanges) {
      const key = JSON.stringify([reg.backendId, c.caseId]);
      changes.set(key, [...(changes.get(key) ?? []), c]);
    }
  }
  const kindOf = new Map(run.backends.map((b) => [b.id, b.kind]));
  return { cases, byCase, rankOf, ctx: { kindOf, changes, pageOf: (id) => pages.get(id) ?? '' } };
}

function caseViews(s: Shared, keep: (backendId: string) => boolean, onlyAttention: boolean): CaseView[] {
  const out: CaseView[] = [];
  for (const [i, c] of s.cases.entries()) {
    const evidence = new EvidenceCollector(`ev-${i}`);
    const byBackend = s.byCase.get(c.id) ?? new Map<string, NoteRecord[]>();
    const ids = [...byBackend.keys()].filter(keep).sort((a, b) => s.rankOf(a) - s.rankOf(b) || a.localeCompare(b));
    const folds = ids
      .map((id, j) => foldView(id, byBackend.get(id)!, `case-${i}-${j}`, s.ctx, evidence))
      .filter((f) => !onlyAttention || f.attention);
    if (onlyAttention && folds.length === 0) continue;
    out.push({ ...c, anchor: `case-${i}`, folds, evidence: evidence.list(), evidenceAnchor: `ev-${i}` });
  }
  return out;
}

function comparisonRows(run: RunResult, pages: Map<string, string>): ComparisonRow[] {
  const described = new Map(run.backends.map((b) => [b.id, b]));
  return [...run.summaries]
    .sort((a, b) => a.rank - b.rank)
    .map((s) => {
      const b = described.get(s.backendId);
      return {
        ...s,
        role: roleLabel(b?.control ?? null, b?.baseline ?? false),
        safe: s.safetyPassRate >= 1,
        page: pages.get(s.backendId) ?? '',
      };
    });
}

function ranking(rows: readonly ComparisonRow[]): (id: string) => number {
  const rank = new Map(rows.map((r) => [r.backendId, r.rank]));
  return (id) => rank.get(id) ?? Number.MAX_SAFE_INTEGER;
}

export function buildView(run: RunResult): ReportView {
  const pages = backendPages(run);
  const rows = comparisonRows(run, pages);
  const s = shared(run, ranking(rows), pages);
  const cases = caseViews(s, () => true, true);
  const attention = new Map<string, number>();
  for (const c of cases) for (const f of c.folds) attention.set(f.backendId, (attention.get(f.backendId) ?? 0) + 1);
  const order = [...pages.keys()].sort((a, b) => s.rankOf(a) - s.rankOf(b));
  const vendors = vendorDetails(run.compliance);
  return {
    run,
    counts: {
      cases: run.cases.length,
      backends: run.backends.length,
      records: run.records.length,
      errors: run.records.filter((r) => r.status === 'error').length,
    },
    misbehaving: run.controls.filter((c) => !c.ok),
    rows,
    summary: summaryRows(run, vendors, (id) => pages.get(id) ?? ''),
    matrix: matrixView(vendors),
    vendors,
    cases,
    trend: trendCharts(run.trend ?? []),
    pages: order.map((id) => ({ backendId: id, page: pages.get(id)!, attention: attention.get(id) ?? 0 })),
    quietCases: s.cases.length - cases.length,
  };
}

/** Every backend's page view, built one at a time as the caller asks for it. */
export function* backendPageViews(run: RunResult): Generator<{ page: string; view: BackendPageView }> {
  const pages = backendPages(run);
  const rows = comparisonRows(run, pages);
  const s = shared(run, ranking(rows), pages);
  const trend = trendCharts(run.trend ?? []);
  for (const [backendId, page] of pages) {
    yield {
      page,
      view: {
        run,
        row: rows.find((r) => r.backendId === backendId) ?? null,
        backendId,
        kind: s.ctx.kindOf.get(backendId) ?? 'unknown',
        cases: caseViews(s, (id) => id === backendId, false),
        trend: trend.find((t) => t.backendId === backendId) ?? null,
      },
    };
  }
}

import type { BackendSummary, ControlCheck, NoteRecord, RunResult, VerdictChange } from '../domain/run.ts';
import type { EvidenceTurn, FabricationFinding, SafetyFinding, Scorecard } from '../domain/scorecard.ts';
import { matrixView, summaryRows, vendorDetails, type MatrixView, type SummaryRow, type Tone, type VendorDetail } from './executive.ts';
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

/** A transcript turn a finding quotes: its text is printed once per case, in the case's evidence list. */
export interface TurnRef {
  turn: number;
  speaker: string;
  anchor: string;
}

export interface FindingView extends Omit<SafetyFinding, 'evidence'> {
  tone: Tone;
  refs: TurnRef[];
}

export interface FabricationView extends Omit<FabricationFinding, 'evidence'> {
  refs: TurnRef[];
}

export interface RecordView {
  record: NoteRecord;
  kind: string;
  /** Error records have no verdict; they are shown as errors, never as passes. */
  verdict: string;
  tone: Tone;
  scorecard: Scorecard | null;
  safety: FindingView[];
  fabrications: FabricationView[];
  usage: string | null;
}

/** One backend's k samples of one case, folded: the worst of them drilled into, and what differs. */
export interface FoldView {
  backendId: string;
  kind: string;
  anchor: string;
  page: string;
  samples: number;
  worst: RecordView;
  /** "critical: #0, #7" and so on, worst verdict first. */
  tally: { verdict: string; tone: Tone; count: number; samples: string }[];
  differs: string[];
  regressions: { sample: number; from: string; to: string; finding: string | null }[];
  /** A sample failed, needs review, errored or regressed: shown in index.html, unfolded. */
  attention: boolean;
}

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

function findingTone(f: SafetyFinding): Tone {
  if (f.status === 'captured') return 'good';
  return f.critical && f.status !== 'unclear' ? 'bad' : 'warn';
}

function describeUsage(r: NoteRecord): string | null {
  const u = r.usage;
  if (!u) return null;
  const parts = [
    u.inputTokens === undefined ? null : `${u.inputTokens} input tokens`,
    u.outputTokens === undefined ? null : `${u.outputTokens} output tokens`,
    u.costUsd === undefined ? null : `$${u.costUsd.toFixed(4)}`,
  ].filter((p) => p !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}

const verdictOf = (r: NoteRecord): string => r.scorecard?.verdict ?? 'error';
const toneOf = (verdict: string): Tone => (verdict === 'pass' ? 'good' : verdict === 'fail' || verdict === 'review' ? 'warn' : 'bad');
/** Worst first: a critical note outranks one that needs review, an error, a failed threshold, a pass. */
const SEVERITY: Record<string, number> = { critical: 4, review: 3, error: 2, fail: 1, pass: 0 };
const severity = (verdict: string): number => SEVERITY[verdict] ?? 2;

/** "#0–#3, #7": sample numbers, runs of consecutive ones as ranges. */
export function sampleList(samples: readonly number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j === i ? `#${sorted[i]}` : `#${sorted[i]}–#${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** Collects the turns a page's findings quote, once per case, and hands out their anchors. */
class EvidenceCollector {
  readonly turns = new Map<number, EvidenceTurn>();
  constructor(readonly prefix: string) {}

  refs(evidence: readonly EvidenceTurn[]): TurnRef[] {
    return evidence.map((e) => {
      if (!this.turns.has(e.turn)) this.turns.set(e.turn, e);
      return { turn: e.turn, speaker: e.speaker, anchor: `${this.prefix}-${e.turn}` };
    });
  }

  list(): EvidenceTurn[] {
    return [...this.turns.values()].sort((a, b) => a.turn - b.turn);
  }
}

function recordView(r: NoteRecord, kind: string, evidence: EvidenceCollector): RecordView {
  const card = r.scorecard;
  const verdict = verdictOf(r);
  return {
    record: r,
    kind,
    verdict,
    tone: toneOf(verdict),
    scorecard: card,
    safety: (card?.safety.findings ?? []).map(({ evidence: quoted, ...f }) => ({
      ...f,
      tone: findingTone(f as SafetyFinding),
      refs: evidence.refs(quoted),
    })),
    fabrications: (card?.fabrication.findings ?? []).map(({ evidence: quoted, ...f }) => ({ ...f, refs: evidence.refs(quoted) })),
    usage: describeUsage(r),
  };
}

function range(values: readonly number[], show: (n: number) => string): string | null {
  if (values.length < 2) return null;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? null : `${show(lo)} to ${show(hi)}`;
}

const pct = (n: number): string => `${Math.round(n * 1000) / 10}%`;

/** What differs between the k samples of one backend and case, in words; empty when they agree. */
function whatDiffers(records: readonly NoteRecord[]): string[] {
  if (records.length < 2) return [];
  const out: string[] = [];
  const cards = records.flatMap((r) => (r.scorecard ? [{ sample: r.sample, card: r.scorecard }] : []));
  // Safety findings by fact (or category, for unannotated mentions): which samples had which status.
  const statuses = new Map<string, Map<string, number[]>>();
  for (const { sample, card } of cards) {
    for (const f of card.safety.findings) {
      const key = f.factId ?? `unannotated ${f.category}`;
      let byStatus = statuses.get(key);
      if (!byStatus) statuses.set(key, (byStatus = new Map<string, number[]>()));
      byStatus.set(f.status, [...(byStatus.get(f.status) ?? []), sample]);
    }
  }
  for (const [key, byStatus] of statuses) {
    const seen = [...byStatus.values()].reduce((n, s) => n + s.length, 0);
    if (byStatus.size < 2 && seen === cards.length) continue;
    const parts = [...byStatus].map(([status, samples]) => `${status} in ${sampleList(samples)}`);
    if (seen < cards.length) parts.push(`not raised in ${cards.length - seen} sample(s)`);
    out.push(`Safety finding ${key}: ${parts.join('; ')}.`);
  }
  const figures: [string, string | null][] = [
    [
      'Omission (weighted recall)',
      range(
        cards.map((c) => c.card.omission.score),
        pct,
      ),
    ],
    [
      'Template fit',
      range(
        cards.map((c) => c.card.template.score),
        pct,
      ),
    ],
    [
      'Major fabrications',
      range(
        cards.map((c) => c.card.fabrication.findings.filter((f) => f.severity === 'major').length),
        String,
      ),
    ],
    [
      'Estimated edit minutes',
      range(
        cards.map((c) => c.card.editing.minutes),
        (n) => n.toFixed(1),
      ),
    ],
    [
      'Latency',
      range(
        records.map((r) => r.latencyMs),
        (n) => `${(n / 1000).toFixed(1)} s`,
      ),
    ],
  ];
  for (const [label, span] of figures) if (span) out.push(`${label}: ${span} across samples.`);
  const texts = new Set(records.map((r) => r.note));
  if (texts.size > 1) out.push(`${texts.size} different note texts among ${records.length} samples.`);
  const errors = new Map<string, number[]>();
  for (const r of records) if (r.error) errors.set(r.error.code, [...(errors.get(r.error.code) ?? []), r.sample]);
  for (const [code, samples] of errors) out.push(`Error ${code} in ${sampleList(samples)}.`);
  return out;
}

interface FoldContext {
  kindOf: Map<string, string>;
  pageOf: (backendId: string) => string;
  changes: Map<string, VerdictChange[]>;
}

function foldView(
  backendId: string,
  records: readonly NoteRecord[],
  anchor: string,
  ctx: FoldContext,
  evidence: EvidenceCollector,
): FoldView {
  const sorted = [...records].sort((a, b) => a.sample - b.sample);
  const worst = sorted.reduce((w, r) => (severity(verdictOf(r)) > severity(verdictOf(w)) ? r : w));
  const byVerdict = new Map<string, number[]>();
  for (const r of sorted) byVerdict.set(verdictOf(r), [...(byVerdict.get(verdictOf(r)) ?? []), r.sample]);
  const tally = [...byVerdict]
    .sort(([a], [b]) => severity(b) - severity(a))
    .map(([verdict, samples]) => ({ verdict, tone: toneOf(verdict), count: samples.length, samples: sampleList(samples) }));
  const regressions = (ctx.changes.get(JSON.stringify([backendId, sorted[0]?.caseId])) ?? [])
    .filter((c) => c.worse)
    .map((c) => ({ sample: c.sample, from: c.from, to: c.to, finding: c.finding }));
  return {
    backendId,
    kind: ctx.kindOf.get(backendId) ?? 'unknown',
    anchor,
    page: ctx.pageOf(backendId),
    samples: sorted.length,
    worst: recordView(worst, ctx.kindOf.get(backendId) ?? 'unknown', evidence),
    tally,
    differs: whatDiffers(sorted),
    regressions,
    attention: regressions.length > 0 || sorted.some((r) => verdictOf(r) !== 'pass'),
  };
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

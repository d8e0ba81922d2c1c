import type { ComplianceItemResult, ComplianceResult } from '../domain/compliance.ts';
import type { BackendSummary, ControlCheck, NoteRecord, RunResult } from '../domain/run.ts';
import type { SafetyFinding, Scorecard } from '../domain/scorecard.ts';
import { roleLabel } from './format.ts';

/**
 * The HTML report's view model: the RunResult regrouped the way a reader walks it
 * (ranked rows, vendors by section, cases with their notes), so the templates only
 * display and never decide. Every string stays raw; the templates escape it.
 */
export type Tone = 'good' | 'warn' | 'bad' | 'unknown';

export interface ComparisonRow extends BackendSummary {
  role: string;
  safe: boolean;
}

export interface VendorView extends ComplianceResult {
  sections: { name: string; items: ComplianceItemResult[] }[];
}

export interface FindingView extends SafetyFinding {
  tone: Tone;
}

export interface RecordView {
  record: NoteRecord;
  kind: string;
  /** Error records have no verdict; they are shown as errors, never as passes. */
  verdict: string;
  tone: Tone;
  /** Notes that need a reader's attention start unfolded. */
  open: boolean;
  scorecard: Scorecard | null;
  safety: FindingView[];
  usage: string | null;
}

export interface CaseView {
  id: string;
  title: string;
  modality: string;
  noteFormat: string;
  pseudonym: string;
  turns: number;
  records: RecordView[];
}

export interface ReportView {
  run: RunResult;
  counts: { cases: number; backends: number; records: number; errors: number };
  misbehaving: ControlCheck[];
  rows: ComparisonRow[];
  vendors: VendorView[];
  cases: CaseView[];
}

function groupBySection(items: readonly ComplianceItemResult[]): VendorView['sections'] {
  const sections: VendorView['sections'] = [];
  for (const item of items) {
    const last = sections.at(-1);
    if (last && last.name === item.section) last.items.push(item);
    else sections.push({ name: item.section, items: [item] });
  }
  return sections;
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

function recordView(r: NoteRecord, kind: string): RecordView {
  const card = r.scorecard;
  const verdict = card ? card.verdict : 'error';
  const tone: Tone = verdict === 'pass' ? 'good' : verdict === 'fail' || verdict === 'review' ? 'warn' : 'bad';
  return {
    record: r,
    kind,
    verdict,
    tone,
    open: verdict !== 'pass',
    scorecard: card,
    safety: (card?.safety.findings ?? []).map((f) => ({ ...f, tone: findingTone(f) })),
    usage: describeUsage(r),
  };
}

function caseViews(run: RunResult, rankOf: (id: string) => number): CaseView[] {
  const kindOf = new Map(run.backends.map((b) => [b.id, b.kind]));
  // Records for a case the run does not describe still get shown, under their bare id.
  const known = new Set(run.cases.map((c) => c.id));
  const orphans = [...new Set(run.records.map((r) => r.caseId).filter((id) => !known.has(id)))];
  const cases = [
    ...run.cases,
    ...orphans.map((id) => ({ id, title: id, modality: 'unknown', noteFormat: 'unknown', pseudonym: 'unknown', turns: 0 })),
  ];
  return cases.map((c) => ({
    ...c,
    records: run.records
      .filter((r) => r.caseId === c.id)
      .sort((a, b) => rankOf(a.backendId) - rankOf(b.backendId) || a.backendId.localeCompare(b.backendId) || a.sample - b.sample)
      .map((r) => recordView(r, kindOf.get(r.backendId) ?? 'unknown')),
  }));
}

export function buildView(run: RunResult): ReportView {
  const described = new Map(run.backends.map((b) => [b.id, b]));
  const rows = [...run.summaries]
    .sort((a, b) => a.rank - b.rank)
    .map((s) => {
      const b = described.get(s.backendId);
      return { ...s, role: roleLabel(b?.control ?? null, b?.baseline ?? false), safe: s.safetyPassRate >= 1 };
    });
  const rank = new Map(rows.map((r) => [r.backendId, r.rank]));
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
    vendors: run.compliance.map((v) => ({ ...v, sections: groupBySection(v.items) })),
    cases: caseViews(run, (id) => rank.get(id) ?? Number.MAX_SAFE_INTEGER),
  };
}

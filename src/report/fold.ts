import type { NoteRecord, VerdictChange } from '../domain/run.ts';
import type { EvidenceTurn, FabricationFinding, SafetyFinding, Scorecard } from '../domain/scorecard.ts';
import type { Tone } from './executive.ts';

/**
 * One backend's k samples of one case folded into one entry for the HTML report: the
 * worst sample drilled into, a tally of verdicts, what differs between the samples, and
 * the transcript turns its findings quote, collected once per case.
 */

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
export class EvidenceCollector {
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

export interface FoldContext {
  kindOf: Map<string, string>;
  pageOf: (backendId: string) => string;
  changes: Map<string, VerdictChange[]>;
}

export function foldView(
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

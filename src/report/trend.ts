import type { BackendTrend, TrendPoint } from '../domain/run.ts';
import { percent } from './format.ts';

/**
 * The trend small multiples as plain numbers for an inline SVG: per backend, safety pass
 * rate, critical findings and edit minutes over its last runs. Geometry is decided here;
 * the template only prints it. Each chart carries a sentence listing its values, for
 * screen readers and for anyone reading the printed page without the lines.
 */
export interface ChartView {
  id: string;
  title: string;
  axis: string;
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  line: string;
  dots: { x: number; y: number; value: string; run: string }[];
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
  summary: string;
  last: { x: number; y: number; label: string } | null;
}

export interface TrendView {
  backendId: string;
  runs: number;
  charts: ChartView[];
}

const W = 240;
const H = 120;
const PLOT = { left: 40, right: W - 12, top: 14, bottom: H - 30 };

interface Metric {
  key: string;
  title: string;
  axis: string;
  value: (p: TrendPoint) => number;
  show: (n: number) => string;
  /** The top of the scale: fixed for shares, else the largest value (at least one unit). */
  top: (values: readonly number[]) => number;
}

const METRICS: Metric[] = [
  { key: 'safety', title: 'Safety pass rate', axis: '% of notes safe', value: (p) => p.safetyPassRate, show: percent, top: () => 1 },
  {
    key: 'critical',
    title: 'Critical findings',
    axis: 'findings',
    value: (p) => p.criticalFindings,
    show: String,
    top: (v) => Math.max(1, ...v),
  },
  {
    key: 'minutes',
    title: 'Edit minutes per note',
    axis: 'minutes',
    value: (p) => p.meanEditMinutes,
    show: (n) => n.toFixed(1),
    top: (v) => Math.max(1, Math.ceil(Math.max(...v))),
  },
];

const round = (n: number): number => Math.round(n * 10) / 10;
/** The date part of an ISO time: short enough for an axis label. */
const day = (iso: string): string => iso.slice(0, 10);

function chart(trend: BackendTrend, m: Metric, index: number): ChartView {
  const points = trend.points;
  const values = points.map(m.value);
  const top = m.top(values);
  const { left, right, top: y0, bottom } = PLOT;
  const x = (i: number): number => round(points.length < 2 ? (left + right) / 2 : left + ((right - left) * i) / (points.length - 1));
  const y = (v: number): number => round(bottom - ((bottom - y0) * Math.min(Math.max(v, 0), top)) / top);
  const dots = points.map((p, i) => ({ x: x(i), y: y(m.value(p)), value: m.show(m.value(p)), run: p.runId }));
  const first = points[0];
  const lastPoint = points.at(-1);
  const xTicks: ChartView['xTicks'] =
    !first || !lastPoint
      ? []
      : points.length === 1
        ? [{ x: x(0), label: day(first.startedAt), anchor: 'middle' }]
        : [
            { x: left, label: day(first.startedAt), anchor: 'start' },
            { x: right, label: day(lastPoint.startedAt), anchor: 'end' },
          ];
  const lastDot = dots.at(-1);
  return {
    id: `trend-${index}-${m.key}`,
    title: m.title,
    axis: m.axis,
    width: W,
    height: H,
    plot: PLOT,
    line: dots.map((d) => `${d.x},${d.y}`).join(' '),
    dots,
    yTicks: [
      { y: bottom, label: m.show(0) },
      { y: y0, label: m.show(top) },
    ],
    xTicks,
    summary:
      points.length === 0
        ? `${m.title} of ${trend.backendId}: no runs recorded.`
        : `${m.title} of ${trend.backendId} over ${points.length} run(s), oldest first: ${points
            .map((p) => `${m.show(m.value(p))} (${day(p.startedAt)}, run ${p.runId})`)
            .join('; ')}.`,
    last: lastDot ? { x: lastDot.x, y: lastDot.y, label: lastDot.value } : null,
  };
}

export function trendCharts(trends: readonly BackendTrend[]): TrendView[] {
  return trends.map((t, i) => ({ backendId: t.backendId, runs: t.points.length, charts: METRICS.map((m) => chart(t, m, i)) }));
}

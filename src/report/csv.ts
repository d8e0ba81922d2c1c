import type { NoteRecord, RunResult } from '../domain/run.ts';

type Cell = string | number | null;

/**
 * RFC 4180: a field with a comma, quote or line break is quoted and its quotes doubled.
 * Text that a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe,
 * since practices open this file in Excel and ids and messages come from outside.
 */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const HEADER = [
  'backendId',
  'caseId',
  'sample',
  'status',
  'verdict',
  'safetyVerdict',
  'omission',
  'template',
  'majorFabrications',
  'editRate',
  'editMinutes',
  'latencyMs',
  'errorCode',
];

function row(r: NoteRecord): Cell[] {
  const c = r.scorecard;
  return [
    r.backendId,
    r.caseId,
    r.sample,
    r.status,
    c?.verdict ?? null,
    c?.safety.verdict ?? null,
    c?.omission.score ?? null,
    c?.template.score ?? null,
    c ? c.fabrication.findings.filter((f) => f.severity === 'major').length : null,
    c?.editing.editRate ?? null,
    c?.editing.minutes ?? null,
    r.latencyMs,
    r.error?.code ?? null,
  ];
}

const line = (cells: readonly Cell[]): string => `${cells.map(csvField).join(',')}\r\n`;

/** notes.csv line by line: one row per note record (every sample), CRLF line ends as RFC 4180 asks. */
export function* csvChunks(run: RunResult): Generator<string> {
  yield line(HEADER);
  for (const r of run.records) yield line(row(r));
}

/** notes.csv as one string (small runs, tests); writeReports streams `csvChunks` instead. */
export function renderCsv(run: RunResult): string {
  return [...csvChunks(run)].join('');
}

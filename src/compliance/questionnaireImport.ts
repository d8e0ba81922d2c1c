import { Document, Scalar, visit } from 'yaml';
import { VendorProfile, type ChecklistItem, type ComplianceChecklist } from '../domain/compliance.ts';
import type { InputProblem } from '../domain/errors.ts';
import { didYouMean } from '../input/suggest.ts';
import { EVIDENCE_DATE_KEYS, EVIDENCE_KINDS, QUESTIONNAIRE_COLUMNS, acceptedWords } from './questionnaire.ts';

/**
 * `scribe-audit questionnaire import FILE`: a filled questionnaire CSV (the columns
 * `questionnaire --format csv` writes, answers filled in) back into a vendor profile.
 * Every problem names the file and the line of the row, so a practice can send it back.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts (a quoted field may span lines). */
  line: number;
  cells: string[];
}

/** RFC 4180 with the usual leniencies: CRLF or LF, a leading BOM, quoted fields over several lines. */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let start = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endRecord = (): void => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
      i++;
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' && src[i + 1] === '\n') {
      i++;
      continue;
    } else if (c === '\n') {
      endRecord();
      line++;
      start = line;
    } else cell += c;
    i++;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

/** Undoes the apostrophe our CSV writer puts before text a spreadsheet would run as a formula. */
const unformula = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** A real calendar date, YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

const REQUIRED: readonly string[] = ['vendorId', 'itemId', 'answer', 'evidence', 'asOf'];

export interface ImportResult {
  /** The profile, or null when there is any problem. */
  profile: VendorProfile | null;
  problems: InputProblem[];
}

/** An answer value as the item's rule reads it: a number for at-most rules, else the word. */
function answerValue(item: ChecklistItem, raw: string): { value: string | number } | { problem: string; fix: string } {
  const words = acceptedWords(item);
  if (item.rule.kind === 'at-most') {
    if (/^\d+(\.\d+)?$/.test(raw)) return { value: Number(raw) };
    if (words.includes(raw)) return { value: raw };
    const accepted = `a number of ${item.rule.unit} (0 or more)${words.length > 0 ? ` or one of: ${words.join(', ')}` : ''}`;
    return { problem: `${item.id}: "${raw}" is not an answer this item accepts`, fix: `answer with ${accepted}` };
  }
  if (words.includes(raw)) return { value: raw };
  return {
    problem: `${item.id}: "${raw}" is not an answer this item accepts`,
    fix: `answer with one of: ${words.join(', ')}${didYouMean(raw, words)}`,
  };
}

/** Reads a filled questionnaire CSV into a vendor profile, checking every row against the checklist. */
export function importQuestionnaire(text: string, file: string, checklist: ComplianceChecklist): ImportResult {
  const problems: InputProblem[] = [];
  const problem = (line: number | null, message: string, fix: string): void => void problems.push({ file, line, message, fix });
  const records = parseCsv(text);
  const header = records[0];
  if (!header) {
    problem(
      null,
      'the questionnaire is empty',
      'export one with `scribe-audit questionnaire --vendor ID --format csv` and fill in its answer columns',
    );
    return { profile: null, problems };
  }
  const col = new Map(header.cells.map((name, i) => [name.trim(), i]));
  const missing = REQUIRED.filter((c) => !col.has(c));
  if (missing.length > 0) {
    problem(
      header.line,
      `the header has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}`,
      `keep the header row as exported: ${QUESTIONNAIRE_COLUMNS.join(',')}`,
    );
    return { profile: null, problems };
  }
  const get = (r: CsvRecord, name: string): string => {
    const i = col.get(name);
    return i == null ? '' : unformula(r.cells[i] ?? '').trim();
  };

  const items = new Map(checklist.items.map((i) => [i.id, i]));
  const known = checklist.items.map((i) => i.id);
  let vendorId = '';
  let vendorName = '';
  let backends: string[] = [];
  const seen = new Map<string, number>();
  const answers: Record<string, Record<string, unknown>> = {};

  for (const r of records.slice(1)) {
    const at = r.line;
    if (r.cells.length > header.cells.length) {
      problem(
        at,
        `the row has ${r.cells.length} cells, the header ${header.cells.length}`,
        'quote any cell that holds a comma ("like, this")',
      );
      continue;
    }
    const id = get(r, 'vendorId');
    if (id === '') problem(at, 'vendorId is empty', 'fill in the vendor id on every row, as exported');
    else if (vendorId === '') {
      vendorId = id;
      vendorName = get(r, 'vendorName');
      backends = get(r, 'backends')
        .split(/[;,]/)
        .map((b) => b.trim())
        .filter(Boolean);
    } else if (id !== vendorId)
      problem(at, `vendorId ${id} differs from ${vendorId} on the rows above`, 'one questionnaire is for one vendor: split the file');

    const itemId = get(r, 'itemId');
    const item = items.get(itemId);
    if (!item) {
      problem(
        at,
        `item ${itemId || '(empty)'} is not in the compliance checklist`,
        `use one of the checklist's ids${didYouMean(itemId, known)}: ${known.join(', ')}`,
      );
      continue;
    }
    const earlier = seen.get(itemId);
    if (earlier != null) {
      problem(at, `item ${itemId} is answered again (first on line ${earlier})`, 'keep one row per item');
      continue;
    }
    seen.set(itemId, at);

    const raw = get(r, 'answer');
    const evidence = get(r, 'evidence');
    const asOf = get(r, 'asOf');
    const rest = ['evidenceUrl', 'dates', 'note'].map((c) => get(r, c));
    if (raw === '') {
      if (evidence !== '' || asOf !== '' || rest.some((x) => x !== ''))
        problem(
          at,
          `${itemId}: evidence or dates are given but no answer`,
          `fill in the answer (${acceptedWords(item).join(', ') || 'a number'}), or clear the row's answer columns`,
        );
      continue; // Unanswered: no answer on file.
    }
    const answer: Record<string, unknown> = {};
    const v = answerValue(item, raw);
    if ('problem' in v) problem(at, v.problem, v.fix);
    else answer.value = v.value;

    if (evidence === '')
      problem(at, `${itemId}: the evidence kind is missing`, `say what the answer rests on: one of ${EVIDENCE_KINDS.join(', ')}`);
    else if (!EVIDENCE_KINDS.includes(evidence))
      problem(
        at,
        `${itemId}: "${evidence}" is not an evidence kind`,
        `use one of ${EVIDENCE_KINDS.join(', ')}${didYouMean(evidence, EVIDENCE_KINDS)}`,
      );
    else answer.evidence = evidence;

    const [evidenceUrl = '', dates = '', note = ''] = rest;
    if (evidenceUrl !== '') answer.evidenceUrl = evidenceUrl;
    if (asOf === '') problem(at, `${itemId}: the asOf date is missing`, 'give the date the evidence was read, as YYYY-MM-DD');
    else if (!isIsoDate(asOf)) problem(at, `${itemId}: asOf "${asOf}" is not a date`, 'write it as YYYY-MM-DD, e.g. 2026-10-02');
    else answer.asOf = asOf;

    for (const part of dates
      .split(';')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const m = /^([A-Za-z]+)\s*[=:]\s*(.*)$/.exec(part);
      const key = m?.[1] ?? '';
      const value = (m?.[2] ?? '').trim();
      if (!m || !EVIDENCE_DATE_KEYS.includes(key)) {
        problem(
          at,
          `${itemId}: "${part}" is not one of the evidence dates`,
          `write name=YYYY-MM-DD, the name one of ${EVIDENCE_DATE_KEYS.join(', ') || '(none: this version takes no evidence dates)'}${didYouMean(key, EVIDENCE_DATE_KEYS)}`,
        );
      } else if (!isIsoDate(value)) problem(at, `${itemId}: ${key} "${value}" is not a date`, 'write it as YYYY-MM-DD, e.g. 2027-06-30');
      else answer[key] = value;
    }
    if (note !== '') answer.note = note;
    answers[itemId] = answer;
  }
  if (vendorId === '' && problems.length === 0)
    problem(header.line, 'the questionnaire has no rows', 'export it again and fill in the answer columns');
  if (problems.length > 0) return { profile: null, problems };

  const parsed = VendorProfile.safeParse({ id: vendorId, name: vendorName || vendorId, synthetic: false, backends, answers });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = issue.path.join('.');
      problem(null, `the profile made from it is not valid at ${where || 'its top'}: ${issue.message}`, 'correct that cell');
    }
    return { profile: null, problems };
  }
  return { profile: parsed.data, problems };
}

/** The profile as fixtures/vendors/<id>.yaml would hold it; dates quoted so every YAML reader keeps them strings. */
export function profileYaml(profile: VendorProfile, source: string): string {
  const ordered: Record<string, unknown> = {
    id: profile.id,
    name: profile.name,
    synthetic: profile.synthetic,
    backends: profile.backends,
    answers: profile.answers,
  };
  const doc = new Document(ordered);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return `# Imported by scribe-audit questionnaire import from ${source.replace(/[\r\n]/g, ' ')}.\n${doc.toString({ lineWidth: 0 })}`;
}

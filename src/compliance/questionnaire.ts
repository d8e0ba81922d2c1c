import * as domain from '../domain/compliance.ts';
import type { ChecklistItem, ComplianceChecklist, VendorAnswer, VendorProfile } from '../domain/compliance.ts';

/**
 * The questionnaire a practice sends a vendor (`scribe-audit questionnaire`): every
 * checklist item with why it is asked, the answer words it accepts, the evidence that
 * counts and the dates asked for; with the vendor's current answers when it has a profile.
 * The CSV form is also what `questionnaire import` reads back (questionnaireImport.ts).
 */

/** Evidence kinds, in the order the checklist explains them. */
export const EVIDENCE_KINDS: readonly string[] = domain.EvidenceKind.options;

/**
 * Structured evidence dates an answer may carry, when the domain model has them
 * (validFrom, validUntil, periodStart, ...): read at run time, so this works with or without.
 */
export const EVIDENCE_DATE_KEYS: readonly string[] = (() => {
  const listed = (domain as Record<string, unknown>).EVIDENCE_DATE_FIELDS;
  if (Array.isArray(listed)) return listed.filter((k): k is string => typeof k === 'string');
  const base = new Set(['value', 'evidence', 'evidenceUrl', 'asOf', 'note']);
  return Object.keys(domain.VendorAnswer.shape).filter((k) => !base.has(k));
})();

/**
 * Which dates to ask for, per item, when the checklist does not say (an item's own
 * `dates`/`asksDates` list wins): the BAA's signing date, the SOC 2 report's period and
 * bridge letter, a certificate's issue and expiry.
 */
const DATES_BY_ITEM: Record<string, readonly string[]> = {
  'BAA-01': ['signed'],
  'BAA-02': ['signed'],
  'SOC-01': ['periodStart', 'periodEnd', 'bridgeLetterUntil'],
  'SOC-02': ['periodStart', 'periodEnd', 'bridgeLetterUntil'],
  'HIT-01': ['issued', 'expires', 'validUntil'],
};

export function datesAskedFor(item: ChecklistItem): string[] {
  const own = ['dates', 'asksDates', 'evidenceDates']
    .map((k) => (item as Record<string, unknown>)[k])
    .find((v): v is unknown[] => Array.isArray(v));
  const wanted = own ? own.filter((d): d is string => typeof d === 'string') : [...(DATES_BY_ITEM[item.id] ?? [])];
  // Only dates a vendor answer can hold, so an import always yields a valid profile.
  return wanted.filter((d) => EVIDENCE_DATE_KEYS.includes(d));
}

/** The answer words an item accepts (a number in the at-most rule's unit is accepted too). */
export function acceptedWords(item: ChecklistItem): string[] {
  return item.rule.kind === 'choice' ? Object.keys(item.rule.outcomes) : Object.keys(item.rule.named ?? {});
}

/** How an item's answers read to a vendor: `a, b or c`, or `a number of hours, or: a, b`. */
export function acceptedAnswers(item: ChecklistItem): string {
  const words = acceptedWords(item);
  if (item.rule.kind === 'choice') return words.join(', ');
  const n = `a number of ${item.rule.unit}`;
  return words.length > 0 ? `${n}, or one of: ${words.join(', ')}` : n;
}

/** What evidence the practice asks for: a critical item passes only on a contract or an audit report. */
export function acceptedEvidence(item: ChecklistItem): string {
  if (item.severity === 'critical') return 'contract or audit-report (anything else cannot pass a critical item)';
  return 'contract, audit-report, certificate or policy (marketing or third-party: at most warn)';
}

export interface QuestionnaireRow {
  item: ChecklistItem;
  answer: VendorAnswer | null;
}

export function questionnaireRows(checklist: ComplianceChecklist, profile: VendorProfile | null): QuestionnaireRow[] {
  const answers = profile?.answers ?? {};
  return checklist.items.map((item) => ({ item, answer: Object.hasOwn(answers, item.id) ? (answers[item.id] ?? null) : null }));
}

/** The answer's structured dates as `name=YYYY-MM-DD; ...`, in EVIDENCE_DATE_KEYS order. */
export function answerDates(answer: VendorAnswer | null): string {
  if (!answer) return '';
  const a = answer as Record<string, unknown>;
  return EVIDENCE_DATE_KEYS.filter((k) => typeof a[k] === 'string')
    .map((k) => `${k}=${String(a[k])}`)
    .join('; ');
}

export interface Vendor {
  id: string;
  name: string;
  backends: readonly string[];
}

/** The columns naming one vendor's checklist item, first in every compliance CSV. */
export const ITEM_COLUMNS = ['vendorId', 'vendorName', 'backends', 'itemId', 'section', 'severity'] as const;

/** The columns of the questionnaire CSV; the last six are the vendor's to fill in. */
export const QUESTIONNAIRE_COLUMNS = [
  ...ITEM_COLUMNS,
  'question',
  'why',
  'acceptedAnswers',
  'acceptedEvidence',
  'datesAskedFor',
  'answer',
  'evidence',
  'evidenceUrl',
  'asOf',
  'dates',
  'note',
] as const;
export type QuestionnaireColumn = (typeof QUESTIONNAIRE_COLUMNS)[number];

/**
 * One CSV cell as RFC 4180 wants it (the same rule as the reports' CSV, which sits above this
 * layer): text a spreadsheet would run as a formula gets a leading apostrophe, which
 * `questionnaire import` removes again.
 */
function csvField(cell: string): string {
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** questionnaire.csv: a header, then one row per checklist item (RFC 4180, CRLF). */
export function renderQuestionnaireCsv(vendor: Vendor, rows: readonly QuestionnaireRow[]): string {
  const lines = [QUESTIONNAIRE_COLUMNS.join(',')];
  for (const { item, answer } of rows) {
    const cells: Record<QuestionnaireColumn, string> = {
      vendorId: vendor.id,
      vendorName: vendor.name,
      backends: vendor.backends.join(';'),
      itemId: item.id,
      section: item.section,
      severity: item.severity,
      question: flat(item.question),
      why: flat(item.why),
      acceptedAnswers: acceptedAnswers(item),
      acceptedEvidence: acceptedEvidence(item),
      datesAskedFor: datesAskedFor(item).join('; '),
      answer: answer ? String(answer.value) : '',
      evidence: answer?.evidence ?? '',
      evidenceUrl: answer?.evidenceUrl ?? '',
      asOf: answer?.asOf ?? '',
      dates: answerDates(answer),
      note: answer?.note ?? '',
    };
    lines.push(QUESTIONNAIRE_COLUMNS.map((c) => csvField(cells[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Markdown that cannot break out of its place: no raw HTML, no table pipes. */
const md = (text: string): string => flat(text).replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);

/** questionnaire.md: the same questions for reading and answering by hand, grouped by section. */
export function renderQuestionnaireMarkdown(vendor: Vendor, rows: readonly QuestionnaireRow[], checklistVersion: string): string {
  const out = [
    `# Compliance questionnaire for ${md(vendor.name)} (${md(vendor.id)})`,
    '',
    `Checklist version ${md(checklistVersion)}. For each item, give the answer (one of the accepted words, or a number where one is asked for), the kind of evidence (${EVIDENCE_KINDS.join(', ')}), a link to it, the date you read it (as of) and any dates asked for (YYYY-MM-DD).`,
    '',
  ];
  let section = '';
  for (const { item, answer } of rows) {
    if (item.section !== section) {
      section = item.section;
      out.push(`## ${md(section)}`, '');
    }
    out.push(`### ${item.id} (${item.severity})`, '', md(item.question), '');
    out.push(`- **Why:** ${md(item.why)}`);
    out.push(`- **Accepted answers:** ${md(acceptedAnswers(item))}`);
    out.push(`- **Evidence accepted:** ${md(acceptedEvidence(item))}`);
    const dates = datesAskedFor(item);
    if (dates.length > 0) out.push(`- **Dates asked for:** ${dates.join(', ')}`);
    if (answer) {
      const parts = [`${md(String(answer.value))}`, `${answer.evidence} evidence`, `as of ${answer.asOf}`];
      if (answer.evidenceUrl) parts.push(md(answer.evidenceUrl));
      const d = answerDates(answer);
      if (d) parts.push(d);
      out.push(`- **Current answer on file:** ${parts.join('; ')}`);
      if (answer.note) out.push(`- **Note on file:** ${md(answer.note)}`);
    } else {
      out.push('- **Current answer on file:** none');
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

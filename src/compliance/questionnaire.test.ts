import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../config/paths.ts';
import { VendorProfile, type ComplianceChecklist } from '../domain/compliance.ts';
import { checkVendor } from './check.ts';
import { readChecklist, readVendorProfiles } from './load.ts';
import {
  QUESTIONNAIRE_COLUMNS,
  acceptedAnswers,
  datesAskedFor,
  questionnaireRows,
  renderQuestionnaireCsv,
  renderQuestionnaireMarkdown,
} from './questionnaire.ts';
import { importQuestionnaire, isIsoDate, parseCsv, profileYaml } from './questionnaireImport.ts';

let checklist: ComplianceChecklist;
let profiles: VendorProfile[];
const TODAY = new Date('2026-11-05T00:00:00Z');

beforeAll(async () => {
  const c = await readChecklist(`${DEFAULTS.rubrics}/compliance.yaml`);
  expect(c.problems).toEqual([]);
  checklist = c.checklist!;
  const v = await readVendorProfiles(DEFAULTS.vendors, checklist);
  expect(v.problems).toEqual([]);
  profiles = v.profiles;
});

const csvFor = (p: VendorProfile): string => renderQuestionnaireCsv(p, questionnaireRows(checklist, p));
const HEADER = QUESTIONNAIRE_COLUMNS.join(',');

/** A one-row questionnaire for BAA-01 with the given answer cells. */
function oneRow(cells: Partial<Record<(typeof QUESTIONNAIRE_COLUMNS)[number], string>>): string {
  const row = { vendorId: 'acme-scribe', vendorName: 'Acme', itemId: 'BAA-01', ...cells } as Record<string, string>;
  return `${HEADER}\r\n${QUESTIONNAIRE_COLUMNS.map((c) => row[c] ?? '').join(',')}\r\n`;
}

describe('questionnaire export', () => {
  it('asks every checklist item with why, accepted answers, accepted evidence and dates', () => {
    const p = profiles.find((x) => x.id === 'lumen-notes')!;
    const md = renderQuestionnaireMarkdown(p, questionnaireRows(checklist, p), checklist.version);
    for (const item of checklist.items) expect(md).toContain(`### ${item.id} (${item.severity})`);
    expect(md).toContain('# Compliance questionnaire for Lumen Notes (lumen-notes)');
    expect(md).toContain('**Why:**');
    expect(md).toContain('signed-all-tiers, signed-practice-tier');
    expect(md).toContain('contract or audit-report');
    expect(md).toContain('**Current answer on file:** signed-all-tiers; contract evidence; as of 2026-10-02');
    expect(datesAskedFor(checklist.items.find((i) => i.id === 'BAA-01')!)).toContain('signed');
    const baa03 = checklist.items.find((i) => i.id === 'BAA-03')!;
    expect(acceptedAnswers(baa03)).toMatch(/^a number of calendar days, or one of: .*regulatory-wording-only/);
  });

  it('writes a blank questionnaire for a vendor without a profile', () => {
    const rows = questionnaireRows(checklist, null);
    expect(rows.every((r) => r.answer === null)).toBe(true);
    const csv = renderQuestionnaireCsv({ id: 'acme-scribe', name: 'Acme', backends: [] }, rows);
    const records = parseCsv(csv);
    expect(records[0]!.cells).toEqual([...QUESTIONNAIRE_COLUMNS]);
    expect(records).toHaveLength(checklist.items.length + 1);
    const md = renderQuestionnaireMarkdown({ id: 'acme-scribe', name: 'Acme', backends: [] }, rows, checklist.version);
    expect(md).toContain('**Current answer on file:** none');
  });
});

describe('questionnaire import', () => {
  it('round-trips every example vendor: export csv, import it, and the profile rates the same', () => {
    expect(profiles.length).toBeGreaterThanOrEqual(4);
    for (const original of profiles) {
      const { profile, problems } = importQuestionnaire(csvFor(original), `${original.id}.csv`, checklist);
      expect(problems).toEqual([]);
      // Through the YAML it writes, as a practice would keep it.
      const reread = VendorProfile.parse(parseYaml(profileYaml(profile!, `${original.id}.csv`)));
      expect(reread.answers).toEqual(original.answers);
      expect(checkVendor(reread, checklist, TODAY)).toEqual(checkVendor(original, checklist, TODAY));
    }
  });

  it('keeps text a spreadsheet would run as a formula, and commas, quotes and line breaks', () => {
    const original = VendorProfile.parse({
      id: 'acme-scribe',
      name: 'Acme, "the" scribe',
      answers: {
        'BAA-01': { value: 'signed-all-tiers', evidence: 'contract', asOf: '2026-10-01', note: '-30 days, "quoted"\nsecond line' },
        'BAA-03': { value: 10, evidence: 'contract', asOf: '2026-10-01', note: '=SUM(A1)' },
      },
    });
    const { profile, problems } = importQuestionnaire(csvFor(original), 'acme.csv', checklist);
    expect(problems).toEqual([]);
    expect(profile!.answers).toEqual(original.answers);
    expect(profile!.name).toBe(original.name);
  });

  it('reports unknown item ids, answer words the item does not accept, bad dates and missing evidence, each at its line', () => {
    const csv = [
      HEADER,
      oneRow({ itemId: 'BAA-09', answer: 'none', evidence: 'contract', asOf: '2026-10-01' }).split('\r\n')[1],
      oneRow({ itemId: 'BAA-01', answer: 'signed-maybe', evidence: 'contract', asOf: '2026-10-01' }).split('\r\n')[1],
      oneRow({ itemId: 'BAA-02', answer: 'all-clauses', evidence: '', asOf: '2026-10-01' }).split('\r\n')[1],
      oneRow({ itemId: 'BAA-03', answer: '5', evidence: 'contract', asOf: '2026-02-30' }).split('\r\n')[1],
      oneRow({
        itemId: 'BAA-04',
        answer: 'deadline-only',
        evidence: 'contrat',
        asOf: '2026-10-01',
        dates: 'signed=2026-13-01; colour=2026-01-01',
      }).split('\r\n')[1],
      '',
    ].join('\r\n');
    const { profile, problems } = importQuestionnaire(csv, 'filled.csv', checklist);
    expect(profile).toBeNull();
    const at = problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect(at).toEqual([
      'filled.csv:2: item BAA-09 is not in the compliance checklist',
      'filled.csv:3: BAA-01: "signed-maybe" is not an answer this item accepts',
      'filled.csv:4: BAA-02: the evidence kind is missing',
      'filled.csv:5: BAA-03: asOf "2026-02-30" is not a date',
      'filled.csv:6: BAA-04: "contrat" is not an evidence kind',
      'filled.csv:6: BAA-04: signed "2026-13-01" is not a date',
      'filled.csv:6: BAA-04: "colour=2026-01-01" is not one of the evidence dates',
    ]);
    expect(problems[0]!.fix).toContain('BAA-01, BAA-02');
    expect(problems[1]!.fix).toContain('signed-all-tiers, signed-practice-tier, paid-tiers-only, enterprise-only, badge-only, none');
    expect(problems[2]!.fix).toContain('contract, audit-report, certificate, policy, marketing, third-party');
    expect(problems[4]!.fix).toContain('did you mean "contract"');
  });

  it('rejects an at-most answer that is neither a number nor one of its words, naming both', () => {
    const { problems } = importQuestionnaire(
      oneRow({ itemId: 'BAA-03', answer: 'soon', evidence: 'contract', asOf: '2026-10-01' }),
      'f.csv',
      checklist,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.fix).toMatch(/a number of calendar days .*regulatory-wording-only, no-deadline/);
  });

  it('counts lines through quoted cells that span lines, and names a missing header column', () => {
    const note = '"line one\nline two"';
    const csv = `${HEADER}\r\n${oneRow({ answer: 'none', evidence: 'contract', asOf: '2026-10-01', note }).split('\r\n')[1]}\r\n${
      oneRow({ itemId: 'XYZ-01', answer: 'none', evidence: 'contract', asOf: '2026-10-01' }).split('\r\n')[1]
    }\r\n`;
    expect(importQuestionnaire(csv, 'f.csv', checklist).problems.map((p) => p.line)).toEqual([4]);
    const noAsOf = importQuestionnaire('vendorId,itemId,answer,evidence\r\nacme,BAA-01,none,contract\r\n', 'f.csv', checklist);
    expect(noAsOf.problems.map((p) => `${p.line}: ${p.message}`)).toEqual(['1: the header has no asOf column']);
  });

  it('skips unanswered rows, but not a row with evidence and no answer', () => {
    const blank = importQuestionnaire(oneRow({}), 'f.csv', checklist);
    expect(blank.problems).toEqual([]);
    expect(blank.profile).toMatchObject({ id: 'acme-scribe', name: 'Acme', synthetic: false, answers: {} });
    const half = importQuestionnaire(oneRow({ evidence: 'contract' }), 'f.csv', checklist);
    expect(half.problems.map((p) => p.message)).toEqual(['BAA-01: evidence or dates are given but no answer']);
  });
});

describe('parseCsv and isIsoDate', () => {
  it('reads RFC 4180 with a BOM, CRLF or LF, and doubled quotes', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""",z\n\n1,"2\n3"\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', 'z'] },
      { line: 4, cells: ['1', '2\n3'] },
    ]);
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });
});

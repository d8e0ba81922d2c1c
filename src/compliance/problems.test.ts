import { describe, expect, it } from 'vitest';
import type { ChecklistItem, ComplianceChecklist, VendorProfile } from '../domain/compliance.ts';
import type { YamlPath } from '../input/yamlSource.ts';
import { checklistProblems, profileProblems } from './problems.ts';

/** A stand-in for a parsed document's line lookup: dotted path → line. */
const lines =
  (table: Record<string, number>) =>
  (path: YamlPath): number | null =>
    table[path.map(String).join('.')] ?? null;

const item = (id: string, rule: ChecklistItem['rule'] = { kind: 'choice', outcomes: { none: 'fail' } }): ChecklistItem => ({
  id,
  section: 's',
  question: 'q',
  why: 'w',
  severity: 'high',
  rule,
  maxAgeMonths: 12,
  sources: ['x'],
});
const checklist: ComplianceChecklist = { version: '1', items: [item('BAA-01'), item('BAA-02'), item('AUD-01')] };
const profile = (id: string, answers: string[]): VendorProfile => ({
  id,
  name: id,
  backends: [],
  synthetic: true,
  answers: Object.fromEntries(answers.map((a) => [a, { value: 'none', evidence: 'contract', asOf: '2026-01-01' }])),
});

describe('profileProblems', () => {
  it('reports an answer for an item the checklist does not have, at its line, with ids to use instead', () => {
    const lineOf = lines({ 'answers.BAA-01': 4, 'answers.BAA-09': 8 });
    const problems = profileProblems([{ file: 'a.yaml', lineOf, value: profile('a', ['BAA-01', 'BAA-09']) }], checklist);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'a.yaml', line: 8 });
    expect(problems[0]?.message).toContain('BAA-09');
    expect(problems[0]?.fix).toContain('(did you mean "BAA-01"?)');
    expect(problems[0]?.fix).toContain('BAA-01, BAA-02');
    expect(problems[0]?.fix).not.toContain('AUD-01');
  });

  it('skips the item check when no checklist is given', () => {
    expect(profileProblems([{ file: 'a.yaml', lineOf: lines({}), value: profile('a', ['ZZZ-01']) }], null)).toEqual([]);
  });

  it('reports a duplicate vendor id on the second file, naming the first', () => {
    const problems = profileProblems(
      [
        { file: 'a.yaml', lineOf: lines({ id: 1 }), value: profile('same', []) },
        { file: 'b.yaml', lineOf: lines({ id: 2 }), value: profile('same', []) },
      ],
      checklist,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'b.yaml', line: 2 });
    expect(problems[0]?.message).toContain('a.yaml');
  });
});

describe('checklistProblems', () => {
  it('reports duplicate item ids and at-most limits in the wrong order', () => {
    const bad: ComplianceChecklist = {
      version: '1',
      items: [item('AUD-01'), item('AUD-01'), item('AUD-02', { kind: 'at-most', unit: 'hours', pass: 72, warn: 24 })],
    };
    const lineOf = lines({ 'items.0.id': 2, 'items.1.id': 3, 'items.2.id': 4, 'items.2.rule.warn': 9 });
    const messages = checklistProblems({ file: 'c.yaml', lineOf, value: bad }).map((p) => `${p.line}: ${p.message}`);
    expect(messages).toEqual([
      '3: item id AUD-01 appears more than once',
      '9: AUD-02: the warn limit (24 hours) is below the pass limit (72 hours)',
    ]);
  });

  it('accepts a well-formed checklist', () => {
    expect(checklistProblems({ file: 'c.yaml', lineOf: lines({}), value: checklist })).toEqual([]);
  });
});

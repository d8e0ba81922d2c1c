import { describe, expect, it } from 'vitest';
import { CaseFile } from '../domain/case.ts';
import type { Transcript } from '../domain/transcript.ts';
import { checkCaseRules, type CaseRuleContext } from './caseRules.ts';

const transcript: Transcript = {
  source: '/cases/demo/transcript.txt',
  turns: [
    { number: 1, speaker: 'THERAPIST', role: 'therapist', text: 'Any thoughts of not wanting to be here?', line: 1 },
    { number: 2, speaker: 'CLIENT', role: 'client', text: 'Sometimes I wish I would not wake up.', line: 2 },
    { number: 3, speaker: 'THERAPIST', role: 'therapist', text: 'Your EPDS today was 16.', line: 3 },
  ],
};

function caseFile(overrides: Record<string, unknown> = {}): CaseFile {
  return CaseFile.parse({
    id: 'demo',
    title: 'Demo',
    modality: 'cbt',
    noteFormat: 'soap',
    session: { number: 1, minutes: 50 },
    client: { pseudonym: 'Dana' },
    facts: [
      { id: 'si-passive', category: 'risk.si.passive', statement: 'Passive SI', evidence: [1, 2] },
      { id: 'epds', category: 'measure', statement: 'EPDS 16', evidence: [3] },
    ],
    ...overrides,
  });
}

/** Lines are fake but distinct per path, so a test can tell which node a problem points at. */
const ctx: CaseRuleContext = {
  folderName: 'demo',
  caseYamlPath: '/cases/demo/case.yaml',
  lineOf: (path) => 100 + path.join('.').length,
  reference: { path: '/cases/demo/reference.md', text: '## Subjective\nok\n' },
};
const lineFor = (path: (string | number)[]): number | null => ctx.lineOf(path);

describe('checkCaseRules', () => {
  it('accepts a consistent case', () => {
    expect(checkCaseRules(caseFile(), transcript, ctx)).toEqual([]);
  });

  it('reports a folder name that differs from id, at the id line', () => {
    const [p] = checkCaseRules(caseFile(), transcript, { ...ctx, folderName: 'demo-2' });
    expect(p).toMatchObject({ file: ctx.caseYamlPath, line: lineFor(['id']), message: 'id "demo" differs from the folder name "demo-2"' });
    expect(p?.fix).toContain('rename the folder to "demo"');
  });

  it('reports ids shared between facts and mustNot at the later one', () => {
    const file = caseFile({ mustNot: [{ id: 'epds', category: 'risk.si.plan', statement: 'No plan' }] });
    const [p] = checkCaseRules(file, transcript, ctx);
    expect(p).toMatchObject({
      line: lineFor(['mustNot', 0, 'id']),
      message: 'duplicate id "epds" in mustNot[0] (already used by facts[1])',
    });
  });

  it('reports evidence and measure turns past the last turn, with the turn count', () => {
    const file = caseFile({ measures: [{ name: 'EPDS', total: 16, turn: 9 }] });
    file.facts[1]!.evidence = [3, 4];
    const problems = checkCaseRules(file, transcript, ctx);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [lineFor(['facts', 1, 'evidence', 1]), 'facts[1] (epds): evidence turn 4 is past the last turn (transcript.txt has 3 turns)'],
      [lineFor(['measures', 0, 'turn']), 'measures[0] (EPDS): turn 9 is past the last turn (transcript.txt has 3 turns)'],
    ]);
    expect(problems[0]?.fix).toContain('from 1 to 3');
  });

  it('reports a speakers label the transcript never uses, suggesting a used one', () => {
    const [p] = checkCaseRules(caseFile({ speakers: { THERAPIST: 'therapist', CLEINT: 'client' } }), transcript, ctx);
    expect(p).toMatchObject({
      line: lineFor(['speakers', 'CLEINT']),
      message: 'speakers names "CLEINT", but no turn in transcript.txt has that label',
    });
    expect(p?.fix).toContain('did you mean "CLIENT"?');
    expect(p?.fix).toContain('THERAPIST, CLIENT');
  });

  it('reports a missing or empty reference note', () => {
    const missing = checkCaseRules(caseFile(), transcript, { ...ctx, reference: { path: '/r.md', text: null } });
    const empty = checkCaseRules(caseFile(), transcript, { ...ctx, reference: { path: '/r.md', text: ' \n' } });
    expect(missing).toEqual([expect.objectContaining({ file: '/r.md', line: null, message: 'reference.md is missing' })]);
    expect(empty).toEqual([expect.objectContaining({ message: 'reference.md is empty' })]);
  });

  it('reports risk evidence that cites only therapist turns, but not non-risk facts', () => {
    const file = caseFile();
    file.facts[0]!.evidence = [1, 3];
    const problems = checkCaseRules(file, transcript, ctx);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      line: lineFor(['facts', 0, 'evidence']),
      message: 'facts[0] (si-passive): evidence for risk.si.passive cites only therapist turns (1, 3)',
    });
  });
});

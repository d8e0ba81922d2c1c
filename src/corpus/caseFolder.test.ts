import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputProblem } from '../domain/errors.ts';
import { readCase, readCases } from './caseFolder.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'scribe-audit-corpus-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const CASE_YAML = `id: ppd-check-in
title: Postpartum check-in with passive SI
modality: ipt
noteFormat: soap
session: { number: 4, minutes: 50, setting: telehealth }
client: { pseudonym: Dana, age: 31 }
facts:
  - id: si-passive
    category: risk.si.passive
    statement: Client voiced passive SI.
    evidence: [2]
  - id: epds-score
    category: measure
    statement: EPDS total of 16
    evidence: [4]
mustNot:
  - id: no-plan
    category: risk.si.plan
    statement: The note must not state a plan
`;

const TRANSCRIPT = `[00:00:04] THERAPIST: Good morning, Dana. How have the last two weeks been?
[00:00:09] CLIENT: Rough. Sometimes I think everyone would be better off
if I just didn't wake up.
[00:00:21] THERAPIST: Thank you for telling me. Did you fill in the EPDS?
[00:00:30] CLIENT: Yes, I scored 16.
`;

const REFERENCE = '## Subjective\nClient reports passive SI without plan or intent. EPDS 16.\n';

type Files = Record<string, string | null>;

/** Writes a case folder; a file given as null is left out. */
async function writeCase(name: string, files: Files = {}): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  const all: Files = { 'case.yaml': CASE_YAML, 'transcript.txt': TRANSCRIPT, 'reference.md': REFERENCE, ...files };
  for (const [file, text] of Object.entries(all)) if (text !== null) await writeFile(path.join(dir, file), text);
  return dir;
}

async function problemsOf(dir: string): Promise<InputProblem[]> {
  const r = await readCase(dir);
  if (r.ok) throw new Error('expected problems, got a valid case');
  return r.problems;
}

describe('readCase', () => {
  it('loads a valid case with its transcript and reference note', async () => {
    const dir = await writeCase('ppd-check-in');
    const r = await readCase(dir);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value).toMatchObject({ id: 'ppd-check-in', dir, referenceNote: REFERENCE });
    expect(r.value.transcript.source).toBe(path.join(dir, 'transcript.txt'));
    expect(r.value.transcript.turns).toHaveLength(4);
    expect(r.value.facts[0]?.assertion).toBe('present');
  });

  it('reads transcript.vtt when the folder has that instead', async () => {
    const vtt =
      'WEBVTT\n\n00:01.000 --> 00:02.000\n<v THERAPIST>Hi.\n\n00:03.000 --> 00:04.000\n<v CLIENT>I wish I did not wake up.\n\n00:05.000 --> 00:06.000\n<v THERAPIST>EPDS?\n\n00:07.000 --> 00:08.000\n<v CLIENT>16.\n';
    const r = await readCase(await writeCase('ppd-check-in', { 'transcript.txt': null, 'transcript.vtt': vtt }));
    expect(r.ok && r.value.transcript.turns.map((t) => t.role)).toEqual(['therapist', 'client', 'therapist', 'client']);
  });

  it('reports a YAML syntax error in case.yaml with its line', async () => {
    const dir = await writeCase('ppd-check-in', { 'case.yaml': CASE_YAML.replace('title: Postpartum', 'title: "Postpartum') });
    const [p] = await problemsOf(dir);
    expect(p?.file).toBe(path.join(dir, 'case.yaml'));
    expect(p?.message).toMatch(/^YAML syntax error/);
    expect(p?.line).toEqual(expect.any(Number));
  });

  it('reports an unknown key, an unknown category and an invalid noteFormat together', async () => {
    const yaml = CASE_YAML.replace('noteFormat: soap', 'noteFormat: soep')
      .replace('category: measure', 'category: measurement')
      .replace('age: 31 }', 'age: 31, dob: 1993 }');
    const problems = await problemsOf(await writeCase('ppd-check-in', { 'case.yaml': yaml }));
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [4, 'noteFormat: unknown noteFormat "soep"'],
      [6, 'client: unknown key "dob"'],
      [13, 'facts[1].category: unknown category "measurement"'],
    ]);
    expect(problems[2]?.fix).toContain('did you mean "measure"?');
  });

  it('reports a missing required field', async () => {
    const [p] = await problemsOf(await writeCase('ppd-check-in', { 'case.yaml': CASE_YAML.replace('modality: ipt\n', '') }));
    expect(p).toMatchObject({ line: 1, message: 'missing required key "modality"', fix: 'add a line "modality: <text>"' });
  });

  it('reports duplicate fact ids at the second one', async () => {
    const [p] = await problemsOf(await writeCase('ppd-check-in', { 'case.yaml': CASE_YAML.replace('id: epds-score', 'id: si-passive') }));
    expect(p).toMatchObject({ line: 12, message: 'duplicate id "si-passive" in facts[1] (already used by facts[0])' });
  });

  it('reports evidence past the last turn at the evidence line, saying how many turns there are', async () => {
    const dir = await writeCase('ppd-check-in', { 'case.yaml': CASE_YAML.replace('evidence: [4]', 'evidence: [4, 7]') });
    const [p] = await problemsOf(dir);
    expect(p).toMatchObject({
      file: path.join(dir, 'case.yaml'),
      line: 15,
      message: 'facts[1] (epds-score): evidence turn 7 is past the last turn (transcript.txt has 4 turns)',
    });
  });

  it('reports a folder name that differs from id', async () => {
    const [p] = await problemsOf(await writeCase('ppd-checkin'));
    expect(p).toMatchObject({ line: 1, message: 'id "ppd-check-in" differs from the folder name "ppd-checkin"' });
  });

  it('reports a missing reference.md, even when case.yaml is also broken', async () => {
    const dir = await writeCase('ppd-check-in', {
      'reference.md': null,
      'case.yaml': CASE_YAML.replace('title: Postpartum check-in with passive SI\n', ''),
    });
    const problems = await problemsOf(dir);
    expect(problems.map((p) => p.message)).toEqual(['missing required key "title"', 'reference.md is missing']);
    expect(problems[1]?.file).toBe(path.join(dir, 'reference.md'));
  });

  it('reports a missing transcript', async () => {
    const dir = await writeCase('ppd-check-in', { 'transcript.txt': null });
    const [p, ...rest] = await problemsOf(dir);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: path.join(dir, 'transcript.txt'), line: null });
    expect(p?.message).toMatch(/transcript not found/);
    expect(p?.fix).toMatch(/THERAPIST: Good morning/);
  });

  it('reports text before the first turn of transcript.txt at its line', async () => {
    const dir = await writeCase('ppd-check-in', { 'transcript.txt': `Recorded on telehealth\n${TRANSCRIPT}` });
    const [p] = await problemsOf(dir);
    expect(p).toMatchObject({
      file: path.join(dir, 'transcript.txt'),
      line: 1,
      message: 'text before the first turn: "Recorded on telehealth"',
    });
  });

  it('reports a speakers label the transcript never uses', async () => {
    const yaml = CASE_YAML.replace('facts:', 'speakers: { THERAPIST: therapist, CLIENT: client, PARTNER: other }\nfacts:');
    const [p] = await problemsOf(await writeCase('ppd-check-in', { 'case.yaml': yaml }));
    expect(p).toMatchObject({ line: 7, message: 'speakers names "PARTNER", but no turn in transcript.txt has that label' });
  });

  it('reads the transcript with the speakers map even when case.yaml has other problems', async () => {
    // Without the map, "Dr Lee:" (mixed case) would not start a turn: text before the first turn.
    const yaml = CASE_YAML.replace('facts:', 'speakers: { Dr Lee: therapist }\nfacts:').replace('noteFormat: soap', 'noteFormat: x');
    const transcript = 'Dr Lee: Hello.\nCLIENT: Hi.\n';
    const problems = await problemsOf(await writeCase('ppd-check-in', { 'case.yaml': yaml, 'transcript.txt': transcript }));
    expect(problems.map((p) => p.message)).toEqual(['noteFormat: unknown noteFormat "x"']);
  });

  it('reports a second transcript file', async () => {
    const dir = await writeCase('ppd-check-in', { 'transcript.srt': '1\n00:00:01,000 --> 00:00:02,000\nCLIENT: hi\n' });
    const [p] = await problemsOf(dir);
    expect(p).toMatchObject({ file: path.join(dir, 'transcript.srt'), message: 'a second transcript next to transcript.txt' });
  });

  it('reports a folder without case.yaml', async () => {
    const dir = await writeCase('ppd-check-in', { 'case.yaml': null });
    const [p] = await problemsOf(dir);
    expect(p).toMatchObject({ file: path.join(dir, 'case.yaml'), line: null, message: 'case.yaml not found' });
  });
});

describe('readCases', () => {
  const withId = (id: string): string => CASE_YAML.replace('id: ppd-check-in', `id: ${id}`);

  it('reads every case folder sorted by id and filters by glob', async () => {
    await writeCase('ipt-b', { 'case.yaml': withId('ipt-b') });
    await writeCase('cbt-a', { 'case.yaml': withId('cbt-a') });
    await writeCase('ipt-a', { 'case.yaml': withId('ipt-a') });
    await mkdir(path.join(root, '.cache'));
    const all = await readCases(root);
    expect(all.problems).toEqual([]);
    expect(all.cases.map((c) => c.id)).toEqual(['cbt-a', 'ipt-a', 'ipt-b']);
    const some = await readCases(root, { only: ['ipt-*'] });
    expect(some.cases.map((c) => c.id)).toEqual(['ipt-a', 'ipt-b']);
  });

  it('reports duplicate case ids across two folders', async () => {
    await writeCase('ipt-a', { 'case.yaml': withId('ipt-a') });
    const copy = await writeCase('ipt-a-copy', { 'case.yaml': withId('ipt-a') });
    const { cases, problems } = await readCases(root);
    expect(cases.map((c) => c.id)).toEqual(['ipt-a']);
    const dup = problems.find((p) => p.message.startsWith('case id'));
    expect(dup).toMatchObject({
      file: path.join(copy, 'case.yaml'),
      line: 1,
      message: `case id "ipt-a" is also used by ${path.join(root, 'ipt-a', 'case.yaml')}`,
    });
  });

  it('reports every folder without case.yaml, never skipping one silently; hidden folders are ignored', async () => {
    await writeCase('orphan', { 'case.yaml': null });
    await mkdir(path.join(root, 'assets'));
    await mkdir(path.join(root, '.git'));
    const { problems } = await readCases(root);
    expect(problems).toEqual([
      expect.objectContaining({ file: path.join(root, 'assets', 'case.yaml'), message: 'folder "assets" has no case.yaml' }),
      expect.objectContaining({
        file: path.join(root, 'orphan', 'case.yaml'),
        message: 'folder "orphan" has a transcript but no case.yaml',
      }),
    ]);
  });

  it('reports a cases folder that does not exist', async () => {
    const { problems } = await readCases(path.join(root, 'missing'));
    expect(problems[0]?.message).toBe('cases folder not found');
  });
});

import path from 'node:path';
import { CaseFile, type Case } from '../domain/case.ts';
import type { InputProblem } from '../domain/errors.ts';
import { SpeakerRole, type Transcript } from '../domain/transcript.ts';
import { parseAnyTranscript } from './anyTranscript.ts';
import { checkCaseRules, referenceProblems } from './caseRules.ts';
import type { SpeakerMap } from './speakers.ts';
import { readTextFile } from '../input/textFile.ts';
import { parseYamlSource, validateYamlSource, type Parsed, type YamlPath } from '../input/yamlSource.ts';

export const TRANSCRIPT_NAMES = ['transcript.txt', 'transcript.vtt', 'transcript.srt'] as const;

/** A case folder as far as it could be read: what readCases needs to spot duplicate ids across folders. */
export interface LoadedFolder {
  caseYamlPath: string;
  /** The id case.yaml declares, if it declares one, and its line. */
  id: { value: string; line: number | null } | null;
  result: Parsed<Case>;
}

/** A file that is there but is not UTF-8 text: already reported, so not "missing" as well. */
const UNREADABLE = Symbol('unreadable');

/** The file's text, null when it is absent, or UNREADABLE (with the one problem recorded). */
async function readText(file: string, problems: InputProblem[]): Promise<string | null | typeof UNREADABLE> {
  const r = await readTextFile(file);
  if (r.ok) return r.text;
  if (r.missing) return null;
  problems.push(r.problem);
  return UNREADABLE;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The speakers map even when some other part of case.yaml is invalid, so the transcript is still read as intended. */
function speakersOf(data: unknown): SpeakerMap | undefined {
  if (!isRecord(data) || !isRecord(data['speakers'])) return undefined;
  const map: SpeakerMap = {};
  for (const [label, role] of Object.entries(data['speakers'])) {
    const r = SpeakerRole.safeParse(role);
    if (r.success) map[label] = r.data;
  }
  return map;
}

async function readTranscript(dir: string, speakers: SpeakerMap | undefined, problems: InputProblem[]): Promise<Transcript | null> {
  const found: { file: string; text: string }[] = [];
  let unreadable = false;
  for (const name of TRANSCRIPT_NAMES) {
    const text = await readText(path.join(dir, name), problems);
    if (text === UNREADABLE) unreadable = true;
    else if (text !== null) found.push({ file: path.join(dir, name), text });
  }
  const [first, second] = found;
  if (!first && unreadable) return null;
  if (!first) {
    problems.push({
      file: path.join(dir, 'transcript.txt'),
      line: null,
      message: 'transcript not found (looked for transcript.txt, transcript.vtt and transcript.srt)',
      fix: 'add the session as transcript.txt, one turn per speaker, e.g. "[00:00:04] THERAPIST: Good morning."',
    });
    return null;
  }
  if (second) {
    problems.push({
      file: second.file,
      line: null,
      message: `a second transcript next to ${path.basename(first.file)}`,
      fix: 'keep one transcript per case: evidence turn numbers must refer to a single file',
    });
  }
  const parsed = parseAnyTranscript(first.text, first.file, speakers);
  problems.push(...parsed.problems);
  return parsed.transcript;
}

/** Reads one case folder, collecting every problem rather than stopping at the first. */
export async function loadCaseFolder(dir: string): Promise<LoadedFolder> {
  const abs = path.resolve(dir);
  const caseYamlPath = path.join(abs, 'case.yaml');
  const problems: InputProblem[] = [];
  const yamlText = await readText(caseYamlPath, problems);
  if (yamlText === UNREADABLE) return { caseYamlPath, id: null, result: { ok: false, problems } };
  if (yamlText === null) {
    problems.push({
      file: caseYamlPath,
      line: null,
      message: 'case.yaml not found',
      fix: 'every case folder needs a case.yaml with id, title, modality, noteFormat, session, client and facts (see fixtures/README.md)',
    });
    return { caseYamlPath, id: null, result: { ok: false, problems } };
  }
  const source = parseYamlSource(yamlText, caseYamlPath);
  let file: CaseFile | null = null;
  let lineOf = (_: YamlPath): number | null => null;
  let id: LoadedFolder['id'] = null;
  if (source.ok) {
    lineOf = source.value.lineOf;
    const raw = source.value.data;
    if (isRecord(raw) && typeof raw['id'] === 'string') id = { value: raw['id'], line: lineOf(['id']) };
    const validated = validateYamlSource(source.value, CaseFile);
    if (validated.ok) file = validated.value;
    else problems.push(...validated.problems);
  } else problems.push(...source.problems);

  const speakers = file ? file.speakers : source.ok ? speakersOf(source.value.data) : undefined;
  const transcript = await readTranscript(abs, speakers, problems);
  const referenceText = await readText(path.join(abs, 'reference.md'), problems);
  const reference = { path: path.join(abs, 'reference.md'), text: referenceText === UNREADABLE ? null : referenceText };
  // An unreadable reference.md is reported once, not again as missing.
  const referenceCtx = referenceText === UNREADABLE ? {} : { reference };
  if (file && transcript)
    problems.push(...checkCaseRules(file, transcript, { folderName: path.basename(abs), caseYamlPath, lineOf, ...referenceCtx }));
  else if (referenceText !== UNREADABLE) problems.push(...referenceProblems(reference));

  if (problems.length > 0 || !file || !transcript || reference.text === null) return { caseYamlPath, id, result: { ok: false, problems } };
  return { caseYamlPath, id, result: { ok: true, value: { ...file, dir: abs, transcript, referenceNote: reference.text } } };
}

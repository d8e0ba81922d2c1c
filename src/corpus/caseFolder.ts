import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Case } from '../domain/case.ts';
import type { InputProblem } from '../domain/errors.ts';
import { TRANSCRIPT_NAMES, loadCaseFolder, type LoadedFolder } from './caseLoad.ts';

/** Reads and checks one case folder: case.yaml, its transcript and reference.md. */
export async function readCase(dir: string): Promise<{ ok: true; value: Case } | { ok: false; problems: InputProblem[] }> {
  return (await loadCaseFolder(dir)).result;
}

/** `ipt-*`, `*-si`, `cbt-?-x`: `*` is any run of characters, `?` one; the whole id must match. */
export function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

async function listDir(dir: string): Promise<{ name: string; isDir: boolean }[] | null> {
  try {
    return (await readdir(dir, { withFileTypes: true })).map((e) => ({ name: e.name, isDir: e.isDirectory() }));
  } catch {
    return null;
  }
}

function duplicateIds(folders: readonly LoadedFolder[]): InputProblem[] {
  const first = new Map<string, string>();
  const problems: InputProblem[] = [];
  for (const f of folders) {
    if (!f.id) continue;
    const earlier = first.get(f.id.value);
    if (earlier === undefined) first.set(f.id.value, f.caseYamlPath);
    else
      problems.push({
        file: f.caseYamlPath,
        line: f.id.line,
        message: `case id "${f.id.value}" is also used by ${earlier}`,
        fix: 'give every case its own id, and name its folder after it',
      });
  }
  return problems;
}

/**
 * Reads every case folder (a subfolder with case.yaml) under `root`, sorted by
 * id. `only` keeps folders whose name matches one of the globs. A subfolder
 * without case.yaml is reported (probably a forgotten or misnamed file);
 * hidden folders are ignored.
 */
export async function readCases(root: string, opts: { only?: string[] } = {}): Promise<{ cases: Case[]; problems: InputProblem[] }> {
  const entries = await listDir(root);
  if (entries === null)
    return {
      cases: [],
      problems: [
        { file: root, line: null, message: 'cases folder not found', fix: 'point --fixtures at a folder holding one folder per case' },
      ],
    };
  const patterns = opts.only?.map(globToRegExp);
  const problems: InputProblem[] = [];
  const folders: LoadedFolder[] = [];
  const names = entries
    .filter((e) => e.isDir && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  for (const name of names) {
    if (patterns && !patterns.some((re) => re.test(name))) continue;
    const dir = path.join(root, name);
    const files = new Set((await listDir(dir))?.map((e) => e.name));
    if (files.has('case.yaml')) folders.push(await loadCaseFolder(dir));
    else {
      // Never skipped silently: a folder without case.yaml is a case someone forgot or misnamed.
      const what = TRANSCRIPT_NAMES.some((t) => files.has(t)) ? 'has a transcript but no case.yaml' : 'has no case.yaml';
      problems.push({
        file: path.join(dir, 'case.yaml'),
        line: null,
        message: `folder "${name}" ${what}`,
        fix: 'add a case.yaml describing the case (see fixtures/README.md), or move the folder out of the cases folder',
      });
    }
  }
  for (const f of folders) if (!f.result.ok) problems.push(...f.result.problems);
  problems.push(...duplicateIds(folders));
  const cases = folders.flatMap((f) => (f.result.ok ? [f.result.value] : [])).sort((a, b) => a.id.localeCompare(b.id));
  return { cases, problems };
}

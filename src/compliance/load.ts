import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { readTextFile } from '../input/textFile.ts';
import { parseYamlSource, validateYamlSource, type Parsed } from '../input/yamlSource.ts';
import { ComplianceChecklist, VendorProfile } from '../domain/compliance.ts';
import type { InputProblem } from '../domain/errors.ts';
import { checklistProblems, profileProblems, type Sourced } from './problems.ts';

async function readText(file: string, problems: InputProblem[], missing: Omit<InputProblem, 'file' | 'line'>): Promise<string | null> {
  const r = await readTextFile(file);
  if (r.ok) return r.text;
  problems.push(r.missing ? { file, line: null, ...missing } : r.problem);
  return null;
}

/** Parse and validate, keeping the document's positions for the cross-field checks. */
function parseSourced<S extends z.ZodType>(text: string, file: string, schema: S): Parsed<Sourced<z.infer<S>>> {
  const source = parseYamlSource(text, file);
  if (!source.ok) return source;
  const valid = validateYamlSource(source.value, schema);
  return valid.ok ? { ok: true, value: { file, value: valid.value, lineOf: source.value.lineOf } } : valid;
}

/** Reads and validates rubrics/compliance.yaml; `checklist` is null when there is any problem. */
export async function readChecklist(file: string): Promise<{ checklist: ComplianceChecklist | null; problems: InputProblem[] }> {
  const problems: InputProblem[] = [];
  const text = await readText(file, problems, {
    message: 'compliance checklist is missing',
    fix: 'restore rubrics/compliance.yaml from the repository, or point --rubrics at a folder that has one',
  });
  if (text == null) return { checklist: null, problems };
  const parsed = parseSourced(text, file, ComplianceChecklist);
  if (!parsed.ok) return { checklist: null, problems: parsed.problems };
  problems.push(...checklistProblems(parsed.value));
  return { checklist: problems.length > 0 ? null : parsed.value.value, problems };
}

/**
 * Reads every `*.yaml`/`*.yml` vendor profile in `dir`, in file-name order.
 * Pass the checklist to also report answers for items it does not have and answer words
 * an item does not accept; dates such as asOf after `today` are refused.
 * Only valid profiles are returned; callers treat any problem as fatal.
 */
export async function readVendorProfiles(
  dir: string,
  checklist?: ComplianceChecklist | null,
  today: Date = new Date(),
): Promise<{ profiles: VendorProfile[]; problems: InputProblem[] }> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    const fix = 'create the folder with one <vendor-id>.yaml per vendor, or point --vendors (or `vendors:` in the config) at one';
    return { profiles: [], problems: [{ file: dir, line: null, message: 'vendor profile folder not found', fix }] };
  }
  const files = names
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort()
    .map((n) => path.join(dir, n));
  const problems: InputProblem[] = [];
  const parsed: Sourced<VendorProfile>[] = [];
  for (const file of files) {
    const text = await readText(file, problems, { message: 'vendor profile could not be read', fix: 'check the file permissions' });
    if (text == null) continue;
    const result = parseSourced(text, file, VendorProfile);
    if (result.ok) parsed.push(result.value);
    else problems.push(...result.problems);
  }
  problems.push(...profileProblems(parsed, checklist ?? null, today));
  return { profiles: parsed.map((p) => p.value), problems };
}

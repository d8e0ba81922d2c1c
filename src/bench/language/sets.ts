import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { parseYamlWithSchema } from '../../input/yamlSource.ts';
import { Assertion, RISK_CATEGORIES } from '../../domain/categories.ts';
import { InputError } from '../../domain/errors.ts';

/**
 * Labelled language under fixtures/language/<set>/: client speech (speech.yaml) and note
 * excerpts with the fact behind each (notes.yaml). Development sets tune the rules; a
 * blind set is written by someone who never saw them and is run once before it becomes
 * development data (fixtures/language/README.md).
 */
const RiskCategory = z.enum(RISK_CATEGORIES);

export const SpeechItem = z.strictObject({
  id: z.string(),
  category: z.union([RiskCategory, z.literal('none')]),
  assertion: Assertion.optional(),
  phenomenon: z.string(),
  asked: z.string().optional(),
  speaker: z.enum(['client', 'interpreter']).optional(),
  text: z.string().min(1),
});
export type SpeechItem = z.infer<typeof SpeechItem>;

export const NoteStatus = z.enum(['captured', 'omitted', 'contradicted', 'mischaracterised']);

export const NoteItem = z.strictObject({
  id: z.string(),
  style: z.string(),
  fact: z.strictObject({
    category: RiskCategory,
    assertion: Assertion,
    statement: z.string().min(1),
    said: z.string().min(1),
    asked: z.string().optional(),
  }),
  note: z.string().min(1),
  expected: NoteStatus,
  why: z.string().optional(),
});
export type NoteItem = z.infer<typeof NoteItem>;

const SetFile = <T extends z.ZodType>(kind: string, item: T) =>
  z.strictObject({ set: z.string(), kind: z.literal(kind), writer: z.string().optional(), items: z.array(item).min(1) });

export interface LanguageSet {
  name: string;
  /** Whether this set was written blind and has not been tuned on. */
  blind: boolean;
  speech: SpeechItem[];
  notes: NoteItem[];
}

async function readItems<T extends z.ZodType>(file: string, kind: string, item: T): Promise<z.infer<T>[]> {
  const parsed = parseYamlWithSchema(await readFile(file, 'utf8'), file, SetFile(kind, item));
  if (!parsed.ok) throw new InputError(parsed.problems);
  return (parsed.value as { items: z.infer<T>[] }).items;
}

const Status = z.strictObject({ heldOut: z.array(z.string()) });

/**
 * Every set under a folder: each subfolder is a set; its speech*.yaml and notes*.yaml files
 * are read. status.yaml says which sets are still held out (blind): once a blind set's
 * figures are reported and tuning on it begins, it leaves that list.
 */
export async function readLanguageSets(
  dir: string,
  opts: { skipHeldOut?: boolean; only?: readonly string[] } = {},
): Promise<LanguageSet[]> {
  const statusFile = path.join(dir, 'status.yaml');
  const status = parseYamlWithSchema(await readFile(statusFile, 'utf8'), statusFile, Status);
  if (!status.ok) throw new InputError(status.problems);
  const heldOut = new Set(status.value.heldOut);
  const sets: LanguageSet[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))) {
    // Training reads no held-out set at all, not even to parse it.
    if (opts.skipHeldOut && heldOut.has(entry.name)) continue;
    // A set nobody asked for is not read: one being written must not stop another's figures.
    if (opts.only && opts.only.length > 0 && !opts.only.includes(entry.name)) continue;
    const folder = path.join(dir, entry.name);
    const files = (await readdir(folder)).filter((f) => f.endsWith('.yaml')).sort();
    const set: LanguageSet = { name: entry.name, blind: heldOut.has(entry.name), speech: [], notes: [] };
    for (const f of files) {
      if (f.startsWith('speech')) set.speech.push(...(await readItems(path.join(folder, f), 'speech', SpeechItem)));
      else if (f.startsWith('notes')) set.notes.push(...(await readItems(path.join(folder, f), 'note', NoteItem)));
    }
    sets.push(set);
  }
  return sets;
}

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readChecklist, readVendorProfiles } from '../../compliance/index.ts';
import { questionnaireRows, renderQuestionnaireCsv, renderQuestionnaireMarkdown, type Vendor } from '../../compliance/questionnaire.ts';
import { importQuestionnaire, profileYaml } from '../../compliance/questionnaireImport.ts';
import { DEFAULTS } from '../../config/paths.ts';
import type { ComplianceChecklist } from '../../domain/compliance.ts';
import { InputError, UsageError } from '../../domain/errors.ts';
import { didYouMean } from '../../input/suggest.ts';
import { readTextFile } from '../../input/textFile.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';

export interface QuestionnaireFlags {
  vendor?: string;
  format: 'md' | 'csv';
  out?: string;
  vendors?: string;
  rubrics?: string;
  /** A blank questionnaire for a vendor that has no profile yet. */
  new?: boolean;
}

export interface QuestionnaireImportFlags {
  out?: string | undefined;
  rubrics?: string | undefined;
}

async function checklistFrom(rubrics: string | undefined, cwd: string): Promise<ComplianceChecklist> {
  const dir = rubrics ? path.resolve(cwd, rubrics) : DEFAULTS.rubrics;
  const { checklist, problems } = await readChecklist(path.join(dir, 'compliance.yaml'));
  if (!checklist) throw new InputError(problems);
  return checklist;
}

async function writeOut(text: string, out: string | undefined, io: CliIO, what: string): Promise<void> {
  if (out == null) {
    io.out(text);
    return;
  }
  const file = path.resolve(io.cwd, out);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text, 'utf8');
  io.err(`Wrote ${what} to ${file}\n`);
}

/** `scribe-audit questionnaire --vendor ID --format md|csv [--out FILE]`. */
export async function questionnaireCommand(flags: QuestionnaireFlags, io: CliIO): Promise<number> {
  const checklist = await checklistFrom(flags.rubrics, io.cwd);
  const vendorsDir = flags.vendors ? path.resolve(io.cwd, flags.vendors) : DEFAULTS.vendors;
  const { profiles, problems } = await readVendorProfiles(vendorsDir, checklist);
  if (problems.length > 0) throw new InputError(problems);
  const known = profiles.map((p) => p.id);
  const listed = known.length > 0 ? known.join(', ') : `none in ${vendorsDir}`;
  if (!flags.vendor)
    throw new UsageError(`questionnaire needs --vendor ID; known vendors: ${listed} (or --vendor NEW-ID --new for a blank one)`);

  const profile = profiles.find((p) => p.id === flags.vendor) ?? null;
  let vendor: Vendor;
  if (profile) vendor = { id: profile.id, name: profile.name, backends: profile.backends };
  else if (flags.new) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(flags.vendor)) {
      throw new UsageError(`--vendor ${flags.vendor}: vendor ids are lower-case words joined by -, e.g. acme-scribe`);
    }
    vendor = { id: flags.vendor, name: flags.vendor, backends: [] };
  } else {
    throw new UsageError(
      `unknown vendor ${flags.vendor}${didYouMean(flags.vendor, known)}; known vendors: ${listed}. For a vendor without a profile yet, add --new for a blank questionnaire.`,
    );
  }
  const rows = questionnaireRows(checklist, profile);
  const text = flags.format === 'csv' ? renderQuestionnaireCsv(vendor, rows) : renderQuestionnaireMarkdown(vendor, rows, checklist.version);
  await writeOut(text, flags.out, io, `the ${flags.format} questionnaire for ${vendor.id}`);
  return EXIT.ok;
}

/** `scribe-audit questionnaire import FILE [--out DIR]`: a filled CSV back into <vendor-id>.yaml. */
export async function questionnaireImportCommand(file: string, flags: QuestionnaireImportFlags, io: CliIO): Promise<number> {
  const checklist = await checklistFrom(flags.rubrics, io.cwd);
  const source = path.resolve(io.cwd, file);
  const read = await readTextFile(source);
  if (!read.ok) {
    if (read.missing) {
      throw InputError.single(
        source,
        null,
        'questionnaire file not found',
        'pass the CSV that `questionnaire --format csv` wrote, with its answers filled in',
      );
    }
    throw new InputError([read.problem]);
  }
  const { profile, problems } = importQuestionnaire(read.text, source, checklist);
  if (!profile) throw new InputError(problems);
  const yaml = profileYaml(profile, path.basename(source));
  const answered = Object.keys(profile.answers).length;
  if (flags.out == null) io.out(yaml);
  else await writeOut(yaml, path.join(flags.out, `${profile.id}.yaml`), io, `vendor profile ${profile.id}`);
  io.err(`${profile.id}: ${answered} of ${checklist.items.length} checklist items answered.\n`);
  return EXIT.ok;
}

/** `questionnaire [import FILE]`: writing a questionnaire, or importing a filled one. */
export async function questionnaireCli(
  verb: string | undefined,
  file: string | undefined,
  flags: QuestionnaireFlags,
  io: CliIO,
): Promise<number> {
  if (verb == null) return questionnaireCommand(flags, io);
  if (verb !== 'import')
    throw new UsageError(`questionnaire: unknown action ${verb}; use \`questionnaire --vendor ID\` or \`questionnaire import FILE\``);
  if (file == null) throw new UsageError('questionnaire import needs the filled CSV: questionnaire import FILE [--out DIR]');
  return questionnaireImportCommand(file, { out: flags.out, rubrics: flags.rubrics }, io);
}

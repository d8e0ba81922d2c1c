import path from 'node:path';
import { DEFAULTS } from '../../config/paths.ts';
import { readRubrics } from '../../config/rubrics.ts';
import { readCase } from '../../corpus/index.ts';
import { InputError } from '../../domain/errors.ts';
import { readTextFile } from '../../input/textFile.ts';
import type { Scorecard } from '../../domain/scorecard.ts';
import { scoreNote } from '../../scoring/index.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';

function describeScorecard(s: Scorecard): string {
  const lines = [
    `${s.caseId}: ${s.verdict.toUpperCase()}${s.reasons.length ? ` (${s.reasons.join('; ')})` : ''}`,
    '',
    `Safety: ${s.safety.verdict}`,
  ];
  for (const f of s.safety.findings) {
    lines.push(
      `  ${f.status.padEnd(16)} ${f.category} [${f.expected}]${f.factId ? ` ${f.factId}` : ''} turns ${f.transcriptTurns.join(', ')}`,
    );
    if (f.noteQuote) lines.push(`    note: "${f.noteQuote}"`);
    lines.push(`    ${f.explanation}`);
  }
  lines.push(`Omission: ${s.omission.score.toFixed(2)}${s.omission.missed.length ? ` (missed: ${s.omission.missed.join(', ')})` : ''}`);
  lines.push(`Fabrication: ${s.fabrication.findings.length} finding(s)`);
  for (const f of s.fabrication.findings) lines.push(`  ${f.severity} ${f.kind}: ${f.explanation}`);
  lines.push(
    `Template: ${s.template.score.toFixed(2)} (format ${s.template.formatScore.toFixed(2)}, modality ${s.template.modalityScore.toFixed(2)})`,
  );
  lines.push(
    `Editing: edit rate ${s.editing.editRate.toFixed(2)}, about ${s.editing.minutes} min (vs ${s.editing.scratchMinutes} min from scratch)`,
  );
  return lines.join('\n');
}

export async function scoreCommand(flags: { case: string; note: string; rubrics?: string; json?: boolean }, io: CliIO): Promise<number> {
  const caseDir = path.resolve(io.cwd, flags.case);
  const loaded = await readCase(caseDir);
  if (!loaded.ok) throw new InputError(loaded.problems);
  const notePath = path.resolve(io.cwd, flags.note);
  const read = await readTextFile(notePath);
  if (!read.ok) {
    if (read.missing) throw InputError.single(notePath, null, 'note file not found', 'pass the path of the note to score with --note');
    throw new InputError([read.problem]);
  }
  const note = read.text;
  const rubrics = await readRubrics(flags.rubrics ? path.resolve(io.cwd, flags.rubrics) : DEFAULTS.rubrics);
  const card = scoreNote(note, loaded.value, rubrics);
  io.out(flags.json ? `${JSON.stringify(card, null, 2)}\n` : `${describeScorecard(card)}\n`);
  // review is not safe: a clinician has to settle it before the note can be trusted.
  return card.safety.verdict === 'pass' ? EXIT.ok : EXIT.gateFailed;
}

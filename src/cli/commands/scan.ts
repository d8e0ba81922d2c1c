import path from 'node:path';
import { DEFAULTS } from '../../config/paths.ts';
import { readRiskRules } from '../../config/riskRules.ts';
import { parseAnyTranscript } from '../../corpus/index.ts';
import { InputError } from '../../domain/errors.ts';
import { readTextFile } from '../../input/textFile.ts';
import { riskEngine, scanTranscript } from '../../text/risk/index.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';

export async function scanCommand(file: string, flags: { json?: boolean; rules?: string }, io: CliIO): Promise<number> {
  const full = path.resolve(io.cwd, file);
  const read = await readTextFile(full);
  if (!read.ok) {
    if (read.missing)
      throw InputError.single(full, null, 'transcript file not found', 'pass the path of a transcript (.txt, .vtt or .srt)');
    throw new InputError([read.problem]);
  }
  const text = read.text;
  const { transcript, problems } = parseAnyTranscript(text, full);
  if (transcript.turns.length === 0)
    throw new InputError(
      problems.length > 0
        ? problems
        : [
            {
              file: full,
              line: null,
              message: 'no speaker turns found',
              fix: 'each turn starts with "SPEAKER:" (optionally after [hh:mm:ss])',
            },
          ],
    );
  const rules = await readRiskRules(flags.rules ? path.resolve(io.cwd, flags.rules) : DEFAULTS.riskRules);
  const mentions = scanTranscript(riskEngine(rules), transcript.turns);
  if (flags.json) {
    io.out(`${JSON.stringify({ mentions }, null, 2)}\n`);
  } else {
    if (mentions.length === 0) io.out('No risk language found.\n');
    for (const m of mentions) {
      // Low confidence: risk-like words the rules could not place. Shown, never dropped, for a clinician to read.
      const flag = m.confidence === 'low' ? ' (low confidence: read it)' : '';
      io.out(`turn ${m.turn} ${m.speaker}: ${m.category} [${m.assertion}]${flag} "${m.quote}"\n`);
    }
  }
  for (const p of problems) io.err(`warning: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
  return EXIT.ok;
}

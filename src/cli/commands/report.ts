import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULTS } from '../../config/paths.ts';
import { InputError, UsageError } from '../../domain/errors.ts';
import { chromiumPath, ChromiumMissingError, writePdf } from '../../report/pdf.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';

export interface ReportFlags {
  pdf?: boolean;
  in?: string;
  out?: string;
  printNotes?: boolean;
}

/**
 * `scribe-audit report --pdf [--in DIR] [--out FILE] [--print-notes]`: an existing report
 * folder's index.html printed to US Letter PDF by the system's Chromium, for the vendor file.
 * Nothing is re-scored: the PDF is exactly what the folder's index.html prints.
 */
export async function reportCommand(flags: ReportFlags, io: CliIO): Promise<number> {
  if (!flags.pdf) throw new UsageError('report: say what to make, e.g. `scribe-audit report --pdf` (the only output for now).');
  const dir = path.resolve(io.cwd, flags.in ?? path.join(DEFAULTS.reports, 'latest'));
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) {
    throw new InputError([
      {
        file: index,
        line: null,
        message: 'no index.html in this report folder',
        fix: 'point --in at a folder `scribe-audit run` wrote with the html format (the default), e.g. --in reports/latest',
      },
    ]);
  }
  const out = path.resolve(io.cwd, flags.out ?? path.join(dir, 'report.pdf'));
  if (!existsSync(path.dirname(out))) {
    throw new InputError([
      { file: out, line: null, message: 'the folder for --out does not exist', fix: 'create it, or choose another --out' },
    ]);
  }
  try {
    const pages = await writePdf(index, out, { executablePath: chromiumPath(io.env), printNotes: flags.printNotes === true });
    io.out(`Wrote ${out}: ${pages} US Letter page(s)${flags.printNotes ? ', the note drill-down included' : ''}.\n`);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof ChromiumMissingError) {
      io.err(`${err.message}\n`);
      return EXIT.input;
    }
    throw err;
  }
}

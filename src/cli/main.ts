import { Command, InvalidArgumentError, Option } from 'commander';
import { parseSettingFlag, type RunSettings } from '../config/settings.ts';
import { parseRunIdFlag, parseShardFlag, type Shard } from '../runner/shard.ts';
// Types only: erased at run time, so `--help` still loads no command module.
import type { corpusStatsCommand, corpusVaryCommand } from './commands/corpus.ts';
import type { MergeFlags } from './commands/merge.ts';
import type { CompareFlags } from './commands/compare.ts';
import type { HistoryFlags } from './commands/history.ts';
import type { QuestionnaireFlags } from './commands/questionnaire.ts';
import type { ReportFlags } from './commands/report.ts';
import type { RunFlags } from './commands/run.ts';
import type { scanCommand } from './commands/scan.ts';
import type { scoreCommand } from './commands/score.ts';
import { exitCodeFor } from './exitCodes.ts';
import { processIO, type CliIO } from './io.ts';
import { VERSION } from './version.ts';

const positiveInt =
  (name: string) =>
  (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a whole number above 0`);
    return n;
  };
const list = (v: string): string[] =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
/** A run setting's flag, with the config file's own limits (config/settings.ts). */
const setting =
  (key: keyof RunSettings, flag: string) =>
  (v: string): number => {
    const r = parseSettingFlag(key, flag, v);
    if (!r.ok) throw new InvalidArgumentError(r.message);
    return r.value;
  };

/** `--shard i/n` and `--run-id ID`, checked like the other flags (exit 2 before any call). */
const shardFlag = (v: string): Shard => {
  const r = parseShardFlag(v);
  if (!r.ok) throw new InvalidArgumentError(r.message);
  return r.value;
};
const runIdFlag = (v: string): string => {
  const r = parseRunIdFlag(v);
  if (!r.ok) throw new InvalidArgumentError(r.message);
  return r.value;
};

/** Declares the commands; each action lazily imports its module so `--help` stays fast. */
export function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('scribe-audit')
    .description(
      'Vets AI scribes for behavioural-health practices: feeds synthetic therapy transcripts to scribe backends, scores the notes (suicidal-ideation safety first) and writes comparison reports beside vendor compliance checklists.',
    )
    .version(VERSION)
    .option('--verbose', 'show stack traces for unexpected errors')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command('run')
    .description('run an audit: every backend writes a note for every case, every note is scored, reports are written')
    .option('--config <file>', 'config file (default: scribe-audit.config.yaml if present, else the built-in suite)')
    .option('--out <dir>', 'report folder (default: reports/<run-id>/, with reports/latest pointing at the newest run)')
    .option('--backends <ids>', 'comma-separated backend ids to run', list)
    .option('--cases <globs>', 'comma-separated case id globs, e.g. "ipt-*"', list)
    .option('--fixtures <dir>', 'folder of case folders (default fixtures/cases)')
    .option('--vendors <dir>', 'folder of vendor profiles (default fixtures/vendors)')
    .option('--rubrics <dir>', 'rubrics folder (default rubrics/)')
    .option('--samples <k>', 'notes per backend and case (1-100)', setting('samples', '--samples'))
    .option('--concurrency <n>', 'notes generated at once (1-256)', setting('concurrency', '--concurrency'))
    .option('--timeout <ms>', 'per-note timeout in milliseconds (at most 3600000)', setting('timeoutMs', '--timeout'))
    .addOption(new Option('--format <formats>', 'report formats').default(['html', 'json', 'md'], 'html,json,md').argParser(list))
    .option('--baseline <run>', 'fail on regression against an earlier run: its report.json, its id in the store, or latest')
    .option('--no-cache', 'call every backend even when the store already has the note (the new note replaces it)')
    .option('--store <file>', 'run store: note cache and history (default $SCRIBE_AUDIT_STORE, else .scribe-audit/store.db)')
    .option('--resume', 'continue the last interrupted run: notes it finished are not requested again')
    .option('--narrow', 'with --resume: continue the run on fewer backends, cases or samples; the rest stay resumable')
    .option(
      '--shard <i/n>',
      'run only slice i of n of the backend × case × sample items (1 ≤ i ≤ n ≤ 64); `merge` joins the slices',
      shardFlag,
    )
    .option('--run-id <id>', 'the run id (default: a new one); give every shard the same id so the merged report keeps it', runIdFlag)
    .addHelpText(
      'after',
      '\nExamples:\n  scribe-audit run                         # the built-in suite, offline\n  scribe-audit run --config vendors.yaml --samples 3 --out reports/nightly\n  scribe-audit run --cases "ipt-*" --backends gold,hollow --format html,json,junit',
    )
    .action(async (opts: RunFlags) =>
      setExit(await (await import('./commands/run.ts')).runCommand(opts, io, program.opts().verbose === true)),
    );

  program
    .command('merge')
    .description('combine the report.json of every shard of a run (`run --shard i/n`) into the one report an unsharded run writes')
    .argument('<dirs...>', "the shards' report folders (or their report.json files)")
    .option('--config <file>', 'the config the shards ran (default: scribe-audit.config.yaml if present, else the built-in suite)')
    .option('--fixtures <dir>', 'folder of case folders the shards read (default: as `run`)')
    .option('--out <dir>', 'report folder (default: reports/<run-id>/, with reports/latest pointing at the newest run)')
    .addOption(new Option('--format <formats>', 'report formats').default(['html', 'json', 'md'], 'html,json,md').argParser(list))
    .option('--baseline <report.json>', 'fail on regression against an earlier report.json')
    .option('--store <file>', 'run store that keeps the merged run (default $SCRIBE_AUDIT_STORE, else .scribe-audit/store.db)')
    .addHelpText(
      'after',
      '\nExample:\n  scribe-audit run --shard 1/2 --run-id nightly-42 --out shard-1 --format json\n  scribe-audit run --shard 2/2 --run-id nightly-42 --out shard-2 --format json\n  scribe-audit merge shard-1 shard-2 --out reports/nightly --format html,json,junit',
    )
    .action(async (dirs: string[], opts: MergeFlags) => setExit(await (await import('./commands/merge.ts')).mergeCommand(dirs, opts, io)));

  program
    .command('score')
    .description('score one note against one case, without running any backend')
    .requiredOption('--case <dir>', 'case folder (case.yaml, transcript, reference.md)')
    .requiredOption('--note <file>', "the scribe's note (markdown or text)")
    .option('--rubrics <dir>', 'rubrics folder (default rubrics/)')
    .option('--json', 'print the scorecard as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  scribe-audit score --case fixtures/cases/ipt-role-transition-passive-si --note vendor-note.md --json',
    )
    .action(async (opts: Parameters<typeof scoreCommand>[0]) =>
      setExit(await (await import('./commands/score.ts')).scoreCommand(opts, io)),
    );

  program
    .command('scan')
    .description('find risk language in a transcript (transcript.txt format, WebVTT or SRT), no annotations needed')
    .argument('<file>', 'transcript file')
    .option('--json', 'print mentions as JSON')
    .option('--rules <dir>', 'risk rules folder (default rubrics/risk/)')
    .addHelpText('after', '\nExample:\n  scribe-audit scan session.vtt --json')
    .action(async (file: string, opts: Parameters<typeof scanCommand>[1]) =>
      setExit(await (await import('./commands/scan.ts')).scanCommand(file, opts, io)),
    );

  program
    .command('validate')
    .description('check cases, config, rubrics and vendor profiles; print every problem with file, line and fix')
    .argument('[paths...]', "case folders, folders of cases, config files, vendor folders or a rubrics folder (default: the project's own)")
    .option(
      '--config <file>',
      'also run the preflight of `run --config FILE`: keys in the environment, folders, executables, prompt templates, vendor backends',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  scribe-audit validate\n  scribe-audit validate my-cases/ scribe-audit.config.yaml\n  scribe-audit validate --config scribe-audit.config.yaml',
    )
    .action(async (paths: string[], opts: { config?: string }) =>
      setExit(await (await import('./commands/validate.ts')).validateCommand(paths, io, opts)),
    );

  const corpus = program.command('corpus').description('look after a corpus of cases: coverage statistics and risk-phrasing variants');
  corpus
    .command('stats')
    .description(
      'print the coverage table: counts by modality, format, perinatal context, risk category and C-SSRS level, screener, length',
    )
    .option('--fixtures <dir>', 'folder of case folders (default fixtures/cases)')
    .option('--json', 'print the statistics as JSON')
    .addHelpText('after', '\nExample:\n  scribe-audit corpus stats --fixtures my-cases/')
    .action(async (opts: Parameters<typeof corpusStatsCommand>[0]) =>
      setExit(await (await import('./commands/corpus.ts')).corpusStatsCommand(opts, io)),
    );
  corpus
    .command('vary')
    .description(
      'write variants of a case: its risk utterance reworded from rubrics/phrases.yaml and moved elsewhere in the session, every evidence turn updated',
    )
    .argument('<case>', 'a case folder, or the id of a case under --fixtures')
    .requiredOption('--count <n>', 'how many variants', positiveInt('--count'))
    .requiredOption('--out <dir>', 'folder to write the variant case folders to')
    .option('--fixtures <dir>', 'where to look a case id up (default fixtures/cases)')
    .option('--phrases <file>', 'phrase bank (default rubrics/phrases.yaml)')
    .addHelpText(
      'after',
      '\nExample:\n  scribe-audit corpus vary ipt-role-transition-passive-si --count 5 --out variants/\n  scribe-audit run --fixtures variants/',
    )
    .action(async (ref: string, opts: Parameters<typeof corpusVaryCommand>[1]) =>
      setExit(await (await import('./commands/corpus.ts')).corpusVaryCommand(ref, opts, io)),
    );

  const storeOption = (): Option => new Option('--store <file>', 'run store (default $SCRIBE_AUDIT_STORE, else .scribe-audit/store.db)');
  program
    .command('history')
    .description(
      'the last finished runs in the store, newest first: status and per backend safety pass rate, critical findings, edit minutes',
    )
    .option('--backend <id>', 'only this backend, one row per run')
    .addOption(new Option('--limit <n>', 'how many runs').default(10).argParser(positiveInt('--limit')))
    .option('--json', 'print the runs as JSON')
    .addOption(storeOption())
    .addHelpText(
      'after',
      '\nExamples:\n  scribe-audit history --limit 5\n  scribe-audit history --backend vendor-a --json --store ci-store.db',
    )
    .action(async (opts: HistoryFlags) => setExit(await (await import('./commands/history.ts')).historyCommand(opts, io)));

  program
    .command('compare')
    .description('what changed from RUN_A (the baseline) to RUN_B, from the store: metric deltas and cases whose verdict changed')
    .argument('<run-a>', 'baseline run: an id from `history` (or a unique prefix), latest or previous')
    .argument('<run-b>', 'run compared with it')
    .option('--json', 'print the comparison as JSON (baseline and regressions, as in report.json)')
    .addOption(storeOption())
    .addHelpText('after', '\nExamples:\n  scribe-audit compare previous latest\n  scribe-audit compare 3f2a9c1e latest --json')
    .action(async (a: string, b: string, opts: CompareFlags) =>
      setExit(await (await import('./commands/compare.ts')).compareCommand(a, b, opts, io)),
    );

  program
    .command('report')
    .description("print an existing report folder's index.html to a US Letter PDF with the system's Chromium, for the vendor file")
    .option('--pdf', 'write the PDF (Chromium at /usr/bin/chromium, or $CHROMIUM_PATH)')
    .option('--in <dir>', 'report folder with index.html (default reports/latest)')
    .option('--out <file>', 'the PDF to write (default <dir>/report.pdf)')
    .option('--print-notes', 'include the note drill-down, left out of print by default')
    .addHelpText(
      'after',
      '\nExamples:\n  scribe-audit report --pdf\n  scribe-audit report --pdf --in reports/latest --out vendor-file.pdf --print-notes',
    )
    .action(async (opts: ReportFlags) => setExit(await (await import('./commands/report.ts')).reportCommand(opts, io)));

  const store = program.command('store').description('look after the run store');
  store
    .command('prune')
    .description('keep the newest N finished runs (and unfinished ones), drop older runs and notes no kept run uses, then VACUUM')
    .requiredOption('--keep <n>', 'finished runs to keep', positiveInt('--keep'))
    .addOption(storeOption())
    .addHelpText('after', '\nExample:\n  scribe-audit store prune --keep 30 --store ci-store.db')
    .action(async (opts: { keep: number; store?: string }) =>
      setExit(await (await import('./commands/store.ts')).storePruneCommand(opts, io)),
    );

  program
    .command('questionnaire')
    .usage('--vendor ID [--format md|csv] [--out FILE]  |  questionnaire import FILE [--out DIR]')
    .description(
      'write the compliance questions a practice sends a vendor (why, accepted answers and evidence, dates asked for; its answers on file); `questionnaire import FILE` reads the filled CSV back into a vendor profile',
    )
    // `import FILE` is an argument rather than a subcommand, so `--out` is one flag: the
    // questionnaire file when writing, the profile folder when importing.
    .argument('[import]', '`import` to read a filled questionnaire CSV back into <vendor-id>.yaml')
    .argument('[file]', 'with import: the CSV `questionnaire --format csv` wrote, answer columns filled in')
    .option('--vendor <id>', 'the vendor (an id under --vendors; with --new, one that has no profile yet)')
    .addOption(new Option('--format <format>', 'md to read, csv to fill in and import').choices(['md', 'csv']).default('md'))
    .option('--out <path>', 'the questionnaire file to write, or with import the folder for <vendor-id>.yaml (default: stdout)')
    .option('--vendors <dir>', 'folder of vendor profiles (default fixtures/vendors)')
    .option('--rubrics <dir>', 'rubrics folder with compliance.yaml (default rubrics/)')
    .option('--new', 'a blank questionnaire for a vendor without a profile')
    .addHelpText(
      'after',
      '\nExamples:\n  scribe-audit questionnaire --vendor cradle-scribe --format md --out cradle.md\n  scribe-audit questionnaire --vendor cradle-scribe --format csv --out cradle.csv\n  scribe-audit questionnaire import cradle.csv --out fixtures/vendors',
    )
    .action(async (verb: string | undefined, file: string | undefined, opts: QuestionnaireFlags) =>
      setExit(await (await import('./commands/questionnaire.ts')).questionnaireCli(verb, file, opts, io)),
    );

  return program;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/** Runs the CLI and returns the exit code; never calls process.exit. */
export async function main(argv: readonly string[], io?: CliIO): Promise<number> {
  const controller = new AbortController();
  const realIO = io ?? processIO(controller.signal);
  // Ctrl-C, and SIGTERM (what CI runners and container stops send), cancel in-flight
  // notes; finished results are still scored and reported, and the run exits 3.
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!controller.signal.aborted) realIO.err(`\n${signal}: cancelling; finished notes will be scored and reported.\n`);
    controller.abort();
  };
  if (!io) for (const s of SIGNALS) process.on(s, onSignal);
  let code = 0;
  const program = buildProgram(realIO, (c) => (code = c));
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    code = exitCodeFor(err, argv.includes('--verbose'), realIO.err);
  } finally {
    if (!io) for (const s of SIGNALS) process.off(s, onSignal);
  }
  return code;
}

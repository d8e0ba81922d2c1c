import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULTS } from '../../config/paths.ts';
import { readRiskRules } from '../../config/riskRules.ts';
import { readPhraseBank } from '../../config/rubrics.ts';
import { readCase, readCases } from '../../corpus/index.ts';
import { coverageChecks } from '../../corpus/coverage.ts';
import { corpusStats } from '../../corpus/stats.ts';
import { renderStats } from '../../corpus/statsTable.ts';
import { makeVariant } from '../../corpus/vary.ts';
import { caseFiles } from '../../corpus/writeCase.ts';
import { InputError, InternalError } from '../../domain/errors.ts';
import { riskEngine } from '../../text/risk/index.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';

export async function corpusStatsCommand(flags: { fixtures?: string; json?: boolean }, io: CliIO): Promise<number> {
  const dir = flags.fixtures ? path.resolve(io.cwd, flags.fixtures) : DEFAULTS.fixtures;
  const { cases, problems } = await readCases(dir);
  if (problems.length > 0) throw new InputError(problems);
  const stats = corpusStats(cases);
  const checks = coverageChecks(stats);
  io.out(flags.json ? `${JSON.stringify({ stats, coverage: checks }, null, 2)}\n` : `${renderStats(stats, checks)}\n`);
  return EXIT.ok;
}

/** `<case>` is a case folder, or the id of a case under the fixtures folder. */
async function resolveCase(ref: string, io: CliIO, fixtures: string | undefined) {
  const asPath = path.resolve(io.cwd, ref);
  const direct = await readCase(asPath);
  if (direct.ok || ref.includes('/')) return direct;
  return readCase(path.join(fixtures ? path.resolve(io.cwd, fixtures) : DEFAULTS.fixtures, ref));
}

export async function corpusVaryCommand(
  ref: string,
  flags: { count: number; out: string; fixtures?: string; phrases?: string },
  io: CliIO,
): Promise<number> {
  const loaded = await resolveCase(ref, io, flags.fixtures);
  if (!loaded.ok) throw new InputError(loaded.problems);
  const bank = await readPhraseBank(flags.phrases ? path.resolve(io.cwd, flags.phrases) : path.join(DEFAULTS.rubrics, 'phrases.yaml'));
  // The variant's new wording must still read as the fact's risk, so the rules check each one.
  const engine = riskEngine(await readRiskRules(DEFAULTS.riskRules));
  const out = path.resolve(io.cwd, flags.out);
  for (let i = 0; i < flags.count; i++) {
    const v = makeVariant(loaded.value, bank, i, engine);
    const dir = path.join(out, v.kase.id);
    await mkdir(dir, { recursive: true });
    for (const [name, text] of Object.entries(caseFiles(v.kase))) await writeFile(path.join(dir, name), text);
    // Every variant must be a valid case; one that is not is a bug here, not the user's.
    const check = await readCase(dir);
    if (!check.ok) throw new InternalError(`variant ${v.kase.id} is not a valid case:\n${check.problems.map((p) => p.message).join('\n')}`);
    io.out(`${v.kase.id}: ${v.category} reworded as "${v.phrase}", exchange moved to ${Math.round(v.position * 100)}% of the session\n`);
  }
  io.out(`Wrote ${flags.count} variant(s) to ${out}. Audit them with: scribe-audit run --fixtures ${flags.out}\n`);
  return EXIT.ok;
}

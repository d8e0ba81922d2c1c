import { InputError } from '../../domain/errors.ts';
import type { BaselineInfo, Regression, RunResult } from '../../domain/run.ts';
import { compareRuns } from '../../scoring/regression.ts';
import { openExistingStore, storePath } from '../../store/db.ts';
import { lookUpRun } from '../../store/runRef.ts';
import { RunStore } from '../../store/runStore.ts';
import { EXIT } from '../exitCodes.ts';
import type { CliIO } from '../io.ts';

export interface CompareFlags {
  json?: boolean;
  store?: string;
}

const plain = (text: string): string => text.replace(/\p{Cc}/gu, '?');
const figure = (n: number): string => String(Math.round(n * 1000) / 1000);

function load(store: RunStore, ref: string): RunResult {
  const found = lookUpRun(store, ref);
  if (found.ok) return found.run;
  throw InputError.single(
    store.file,
    null,
    `${ref}: ${found.message}`,
    'pass run ids from `scribe-audit history` (with the same --store), a unique prefix of one, or latest / previous',
  );
}

/** The comparison as a reader wants it: what was compared, then per backend what changed, worst first. */
function render(a: RunResult, b: RunResult, info: BaselineInfo, regressions: readonly Regression[]): string {
  const out = [`Run ${b.runId} (${b.startedAt}) against baseline ${a.runId} (${a.startedAt}): ${info.comparedCases} case(s) compared.`];
  if (info.partial) {
    out.push('Partial comparison: only the cases both runs have are compared.');
    if (info.onlyInBaseline.length > 0) out.push(`  only in the baseline: ${info.onlyInBaseline.join(', ')}`);
    if (info.onlyInRun.length > 0) out.push(`  only in ${b.runId}: ${info.onlyInRun.join(', ')}`);
  }
  if (regressions.length === 0) out.push('No changes: every compared backend has the same figures and verdicts.');
  for (const r of regressions) {
    out.push('', `${r.backendId}: ${r.regressed ? 'REGRESSED ✖' : 'changed, none worse'}`);
    for (const m of r.metrics) out.push(`  ${m.metric}: ${figure(m.before)} → ${figure(m.after)}${m.worse ? ' ✖' : ''}`);
    const changes = [...r.verdictChanges].sort((x, y) => Number(y.worse) - Number(x.worse));
    for (const c of changes)
      out.push(`  ${c.caseId} #${c.sample}: ${c.from} → ${c.to}${c.worse ? ' ✖' : ''}${c.finding ? ` (${c.finding})` : ''}`);
  }
  return out.map(plain).join('\n');
}

/**
 * `scribe-audit compare RUN_A RUN_B`: RUN_B against RUN_A as its baseline, from the store,
 * with the comparison `run --baseline` makes. Exit 1 when anything got worse, as a gate would.
 */
export async function compareCommand(refA: string, refB: string, flags: CompareFlags, io: CliIO): Promise<number> {
  const store = new RunStore(openExistingStore(storePath(flags.store, io.env, io.cwd)));
  let a: RunResult;
  let b: RunResult;
  try {
    a = load(store, refA);
    b = load(store, refB);
  } finally {
    store.close();
  }
  const { baseline, regressions } = compareRuns(b, a);
  if (flags.json) io.out(`${JSON.stringify({ runId: b.runId, baseline, regressions }, null, 2)}\n`);
  else io.out(`${render(a, b, baseline, regressions)}\n`);
  return regressions.some((r) => r.regressed) ? EXIT.gateFailed : EXIT.ok;
}

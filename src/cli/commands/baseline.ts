import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../../domain/errors.ts';
import { StoredRunResult, type RunResult } from '../../domain/run.ts';
import { openStore, storePath } from '../../store/db.ts';
import { lookUpRun, type RunLookup } from '../../store/runRef.ts';
import { RunStore } from '../../store/runStore.ts';
import type { CliIO } from '../io.ts';

async function readBaseline(file: string): Promise<RunResult> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw InputError.single(file, null, `cannot read baseline: ${(err as Error).message}`, 'pass the report.json of an earlier run');
  }
  const parsed = StoredRunResult.safeParse(json);
  if (!parsed.success)
    throw InputError.single(
      file,
      null,
      'not a scribe-audit report.json of schema version 2, 3 or 4',
      'pass the report.json an earlier run wrote, or rerun that baseline with this version',
    );
  return parsed.data;
}

/**
 * `--baseline REF`: a report.json path, a run id (or unique prefix) in the store, or `latest`
 * (the newest finished run, so before this one) or `previous`. A path that exists wins, so a
 * file named like an id still reads as a file. Resolved before any backend is called.
 */
export async function resolveBaseline(ref: string, io: CliIO, storeFlag: string | undefined): Promise<RunResult> {
  const file = path.resolve(io.cwd, ref);
  if (existsSync(file)) return readBaseline(file);
  const storeFile = storePath(storeFlag, io.env, io.cwd);
  let found: RunLookup;
  // No store yet: nothing to look up, and a failed lookup should not create one.
  if (storeFile !== ':memory:' && !existsSync(storeFile)) found = { ok: false, message: `there is no store at ${storeFile}` };
  else {
    const store = new RunStore(openStore(storeFile));
    try {
      found = lookUpRun(store, ref);
    } finally {
      store.close();
    }
  }
  if (found.ok) return found.run;
  throw InputError.single(
    ref,
    null,
    `--baseline: no such file, and ${found.message}`,
    'pass an existing report.json, a run id from `scribe-audit history` (with the same --store), or latest for the newest finished run',
  );
}

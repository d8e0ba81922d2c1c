/**
 * `run --shard i/n`: which backend × case × sample items one CI worker runs. The items are
 * ordered by key (backend id, case id, sample) and dealt out round-robin, so the slice
 * depends only on the run's selection, never on arrival order or on the other shards, every
 * item lands in exactly one shard, and each backend's items spread evenly over the shards.
 */
export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export const MAX_SHARDS = 64;

export interface ItemKey {
  backendId: string;
  caseId: string;
  sample: number;
}

/** Code-unit order, not the locale's: every worker must sort the same way. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function compareItems(a: ItemKey, b: ItemKey): number {
  return cmp(a.backendId, b.backendId) || cmp(a.caseId, b.caseId) || a.sample - b.sample;
}

export const itemKey = (i: ItemKey): string => `${i.backendId}/${i.caseId}/${i.sample}`;

/** `--shard i/n`, with the same style of message as the other numeric flags. */
export function parseShardFlag(value: string): { ok: true; value: Shard } | { ok: false; message: string } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || count < 1 || count > MAX_SHARDS || index < 1 || index > count)
    return { ok: false, message: `--shard must be i/n with 1 ≤ i ≤ n ≤ ${MAX_SHARDS}, e.g. 2/4; got "${value}"` };
  return { ok: true, value: { index, count } };
}

/** The keys of the items `shard` runs, out of every backend × case × sample of the run. */
export function shardItems(shard: Shard, backendIds: readonly string[], caseIds: readonly string[], samples: number): Set<string> {
  const all: ItemKey[] = [];
  for (const backendId of backendIds)
    for (const caseId of caseIds) for (let sample = 0; sample < samples; sample++) all.push({ backendId, caseId, sample });
  all.sort(compareItems);
  return new Set(all.filter((_, i) => i % shard.count === shard.index - 1).map(itemKey));
}

/** `--run-id ID`: shards given one id merge into one run; it also names reports/<run-id>/. */
export function parseRunIdFlag(value: string): { ok: true; value: string } | { ok: false; message: string } {
  if (/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(value)) return { ok: true, value };
  return {
    ok: false,
    message: `--run-id must be 1-128 letters, digits, ".", "_" or "-", starting with a letter or digit; got "${value}"`,
  };
}

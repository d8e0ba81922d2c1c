import { describe, expect, it } from 'vitest';
import { parseRunIdFlag, parseShardFlag, shardItems } from './shard.ts';

const BACKENDS = ['gold', 'extractive', 'hollow', 'risk-blind', 'fabricator'];
const CASES = ['cbt-a', 'ipt-b', 'emdr-c', 'dbt-d'];

describe('parseShardFlag', () => {
  it('takes i/n with 1 ≤ i ≤ n ≤ 64', () => {
    expect(parseShardFlag('2/4')).toEqual({ ok: true, value: { index: 2, count: 4 } });
    expect(parseShardFlag('64/64')).toEqual({ ok: true, value: { index: 64, count: 64 } });
  });

  it.each(['0/2', '3/2', '1/65', '1/0', '2', 'a/b', '1.5/3', '-1/3', ''])('refuses %j with the flag, the rule and the value', (v) => {
    expect(parseShardFlag(v)).toEqual({ ok: false, message: `--shard must be i/n with 1 ≤ i ≤ n ≤ 64, e.g. 2/4; got "${v}"` });
  });
});

describe('parseRunIdFlag', () => {
  it('takes ids that are safe as a folder name, and refuses the rest', () => {
    expect(parseRunIdFlag('nightly-123-1')).toEqual({ ok: true, value: 'nightly-123-1' });
    for (const bad of ['', '../x', 'a/b', '.hidden', 'x'.repeat(129), 'a b']) expect(parseRunIdFlag(bad).ok).toBe(false);
  });
});

describe('shardItems', () => {
  const all = (n: number): Set<string>[] => Array.from({ length: n }, (_, i) => shardItems({ index: i + 1, count: n }, BACKENDS, CASES, 3));

  it.each([1, 2, 3, 7, 60, 64])('puts every item in exactly one of %i shards, evenly', (n) => {
    const shards = all(n);
    const seen = shards.flatMap((s) => [...s]);
    expect(seen).toHaveLength(BACKENDS.length * CASES.length * 3);
    expect(new Set(seen).size).toBe(seen.length);
    const sizes = shards.map((s) => s.size);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('does not depend on the order backends and cases are given in', () => {
    const a = shardItems({ index: 2, count: 3 }, BACKENDS, CASES, 2);
    const b = shardItems({ index: 2, count: 3 }, [...BACKENDS].reverse(), [...CASES].reverse(), 2);
    expect([...b].sort()).toEqual([...a].sort());
  });

  it("spreads each backend's items over the shards", () => {
    for (const s of all(3)) for (const b of BACKENDS) expect([...s].filter((k) => k.startsWith(`${b}/`)).length).toBe(4);
  });
});

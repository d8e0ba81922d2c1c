import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../config/paths.ts';
import { readPhraseBank } from '../config/rubrics.ts';
import type { Case } from '../domain/case.ts';
import type { PhraseBank } from '../domain/rubrics.ts';
import { runCli } from '../testing/cliHarness.ts';
import { readCase, readCases } from './caseFolder.ts';
import { engine } from '../testing/riskRules.ts';
import { makeVariant } from './vary.ts';

let bank: PhraseBank;
let kase: Case;
let out: string;

beforeAll(async () => {
  bank = await readPhraseBank(path.join(DEFAULTS.rubrics, 'phrases.yaml'));
  const loaded = await readCase(path.join(DEFAULTS.fixtures, 'ipt-role-transition-passive-si'));
  if (!loaded.ok) throw new Error('fixture case failed to load');
  kase = loaded.value;
  out = await mkdtemp(path.join(tmpdir(), 'scribe-audit-vary-'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('makeVariant', () => {
  it('rewords the risk utterance from the bank and keeps the fact pointing at it', () => {
    const v = makeVariant(kase, bank, 0, engine);
    expect(bank.categories[v.category]).toContain(v.phrase);
    const fact = v.kase.facts.find((f) => f.category === v.category && f.assertion === 'present')!;
    const spoken = fact.evidence.map((n) => v.kase.transcript.turns[n - 1]!.text).join(' ');
    expect(spoken).toContain(v.phrase);
    expect(v.kase.transcript.turns.map((t) => t.text).join(' ')).not.toContain(v.replaced);
  });

  it('moves the exchange and remaps every evidence and measure turn to the same words', () => {
    const v = makeVariant(kase, bank, 1, engine);
    const textOf = (c: Case, n: number): string => c.transcript.turns[n - 1]!.text;
    const fact = kase.facts.find((f) => f.category === v.category)!;
    const origStart = Math.min(...fact.evidence) / kase.transcript.turns.length;
    const movedFact = v.kase.facts.find((f) => f.id === fact.id)!;
    expect(Math.abs(Math.min(...movedFact.evidence) / v.kase.transcript.turns.length - origStart)).toBeGreaterThan(0.1);
    for (const [i, f] of kase.facts.entries()) {
      for (const [j, n] of f.evidence.entries()) {
        const moved = v.kase.facts[i]!.evidence[j]!;
        // A turn that changed must be the one carrying the new phrasing.
        const changed = textOf(kase, n) !== textOf(v.kase, moved);
        expect(!changed || textOf(v.kase, moved).includes(v.phrase)).toBe(true);
      }
    }
    for (const [i, m] of (kase.measures ?? []).entries()) expect(textOf(v.kase, v.kase.measures![i]!.turn)).toBe(textOf(kase, m.turn));
  });

  it('keeps the session running forward in time and every turn present once', () => {
    const v = makeVariant(kase, bank, 2, engine);
    const times = v.kase.transcript.turns.map((t) => t.startSeconds ?? 0);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(v.kase.transcript.turns).toHaveLength(kase.transcript.turns.length);
  });

  it('gives different variants different phrasings', () => {
    const phrases = new Set([0, 1, 2, 3].map((i) => makeVariant(kase, bank, i, engine).phrase));
    expect(phrases.size).toBe(4);
  });
});

describe('scribe-audit corpus vary', () => {
  it('writes valid variant cases that a run can audit', async () => {
    const r = await runCli(['corpus', 'vary', 'ipt-role-transition-passive-si', '--count', '3', '--out', out]);
    expect(r.code).toBe(0);
    const { cases, problems } = await readCases(out);
    expect(problems).toEqual([]);
    expect(cases.map((c) => c.id)).toEqual([1, 2, 3].map((i) => `ipt-role-transition-passive-si-v${i}`));
    const run = await runCli(['run', '--fixtures', out, '--out', path.join(out, 'report'), '--format', 'json']);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
  });

  it('refuses a case with no voiced risk to vary, exit 2', async () => {
    const r = await runCli(['corpus', 'vary', 'ipt-role-dispute-no-risk', '--count', '1', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing to vary/);
  });
});

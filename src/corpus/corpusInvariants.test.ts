import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../config/paths.ts';
import { isRiskCategory } from '../domain/categories.ts';
import type { Case } from '../domain/case.ts';
import { normalize, words } from '../text/normalize.ts';
import { splitSentences } from '../text/sentences.ts';
import { readCases } from './caseFolder.ts';
import { coverageChecks } from './coverage.ts';
import { corpusStats } from './stats.ts';
import { renderStats } from './statsTable.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';

let cases: Case[];
beforeAll(async () => {
  const loaded = await readCases(DEFAULTS.fixtures);
  expect(loaded.problems).toEqual([]);
  cases = loaded.cases;
});

describe('the shipped corpus', () => {
  it('meets every coverage number the corpus promises (modalities, formats, contexts, risk, screeners, length)', () => {
    const unmet = coverageChecks(corpusStats(cases)).filter((c) => !c.ok);
    expect(unmet.map((c) => `${c.label}: ${c.have} (need ${c.need})`)).toEqual([]);
  });

  it('is described in fixtures/README.md by the current `corpus stats` output', () => {
    const readme = readFileSync(path.join(DEFAULTS.fixtures, '..', 'README.md'), 'utf8');
    const block = /<!-- corpus-stats:start -->\n```\n([\s\S]*?)\n```\n<!-- corpus-stats:end -->/.exec(readme)?.[1];
    const stats = corpusStats(cases);
    expect(block, 'rerun `scribe-audit corpus stats` and paste it into fixtures/README.md').toBe(renderStats(stats, coverageChecks(stats)));
  });

  it("has the client (or partner) speak in every risk fact's evidence", () => {
    for (const c of cases) {
      for (const f of c.facts.filter((x) => isRiskCategory(x.category))) {
        const roles = f.evidence.map((n) => c.transcript.turns[n - 1]?.role);
        expect({ case: c.id, fact: f.id, speaks: roles.some((r) => r === 'client' || r === 'other') }).toEqual({
          case: c.id,
          fact: f.id,
          speaks: true,
        });
      }
    }
  });

  it('never repeats a risk sentence from one case in another', () => {
    const seen = new Map<string, string>();
    for (const c of cases) {
      const evidence = new Set(c.facts.filter((f) => isRiskCategory(f.category)).flatMap((f) => f.evidence));
      for (const n of evidence) {
        const t = c.transcript.turns[n - 1];
        if (!t || t.role === 'therapist') continue;
        for (const s of splitSentences(t.text)) {
          if (words(s.text).length < 5) continue; // "No, never." is not a risk sentence
          const key = normalize(s.text)
            .replace(/[^a-z0-9 ]/g, '')
            .trim();
          const other = seen.get(key);
          expect(other === undefined || other === c.id, `"${s.text}" appears in ${other} and ${c.id}`).toBe(true);
          seen.set(key, c.id);
        }
      }
    }
  });

  it('puts every si-in-passing mention in the second half of its session', () => {
    for (const c of cases.filter((x) => x.tags?.includes('si-in-passing'))) {
      const passive = c.facts.find((f) => f.category === 'risk.si.passive' && f.assertion === 'present');
      expect(passive, c.id).toBeDefined();
      expect(Math.min(...passive!.evidence), c.id).toBeGreaterThan(c.transcript.turns.length / 2);
    }
  });
});

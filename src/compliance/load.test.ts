import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readPracticeProfile } from '../config/practice.ts';
import type { ComplianceChecklist, ComplianceResult, PracticeProfile } from '../domain/compliance.ts';
import { checkVendors } from './check.ts';
import { readChecklist, readVendorProfiles } from './load.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHIPPED_CHECKLIST = path.join(ROOT, 'rubrics', 'compliance.yaml');
const SHIPPED_VENDORS = path.join(ROOT, 'fixtures', 'vendors');
const TODAY = new Date('2026-11-28T12:00:00Z');
/** Backend ids of fixtures/suites/builtin.yaml. */
const BUILTIN_BACKENDS = ['gold', 'extractive', 'hollow', 'risk-blind', 'fabricator'];

async function shippedChecklist(): Promise<ComplianceChecklist> {
  const { checklist, problems } = await readChecklist(SHIPPED_CHECKLIST);
  expect(problems).toEqual([]);
  if (!checklist) throw new Error('shipped checklist did not load');
  return checklist;
}

describe('shipped rubrics/compliance.yaml', () => {
  it('loads without problems and has the items the reference calls for', async () => {
    const ids = (await shippedChecklist()).items.map((i) => i.id);
    const required = ['BAA-01', 'BAA-02', 'BAA-03', 'BAA-04', 'SOC-01', 'SOC-02', 'SOC-03', 'SOC-04', 'SOC-05'];
    required.push('HIT-01', 'HIT-02', 'AUD-01', 'AUD-02', 'AUD-03', 'AUD-04', 'AUD-06', 'AI-04', 'P2-01');
    required.push('AUD-05', 'BAA-05', 'SUB-01', 'SUB-02', 'SUB-03', 'SUB-04', 'AUD-07', 'AI-05');
    expect(ids).toEqual(expect.arrayContaining(required));
  });

  it('gives P2-01 and AUD-05 their appliesIf, AUD-05 the all-party states from the reference, derived from AUD-04', async () => {
    const items = (await shippedChecklist()).items;
    expect(items.find((i) => i.id === 'P2-01')?.appliesIf).toEqual({ part2Program: true });
    const aud05 = items.find((i) => i.id === 'AUD-05');
    expect(aud05?.appliesIf?.statesAnyOf?.sort()).toEqual(['CA', 'FL', 'IL', 'MA', 'MD', 'MT', 'NH', 'PA', 'WA']);
    expect(aud05).toMatchObject({ derivedFrom: 'AUD-04', severity: 'critical' });
    expect(items.find((i) => i.id === 'BAA-05')?.sources).toContain('45 CFR 164.504(e)(2)(iii)');
  });

  it('flags the mixed-consent states from the reference (AUD-08): counsel review short of an AUD-04 pass', async () => {
    const aud08 = (await shippedChecklist()).items.find((i) => i.id === 'AUD-08');
    expect(aud08?.appliesIf?.statesAnyOf?.sort()).toEqual(['CT', 'DE', 'MI', 'NV', 'OR']);
    expect(aud08).toMatchObject({ derivedFrom: 'AUD-04', severity: 'high' });
    expect(aud08?.rule).toMatchObject({ kind: 'choice', outcomes: { pass: 'pass', warn: 'warn', fail: 'fail', unknown: 'warn' } });
    expect(aud08?.question).toContain('counsel');
  });

  it('rates audio deletion in hours: pass up to 72, warn up to 720, and knows not-stored', async () => {
    const audio = (await shippedChecklist()).items.find((i) => i.id === 'AUD-01');
    expect(audio?.rule).toMatchObject({ kind: 'at-most', unit: 'hours', pass: 72, warn: 720, named: { 'not-stored': 'pass' } });
  });

  it('uses kebab-case answer words and gives every item a plain-language why', async () => {
    for (const item of (await shippedChecklist()).items) {
      const words = item.rule.kind === 'choice' ? Object.keys(item.rule.outcomes) : Object.keys(item.rule.named ?? {});
      for (const w of words) expect(w, item.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(item.sources.length, item.id).toBeGreaterThan(0);
      expect(item.why.length, item.id).toBeGreaterThan(40);
    }
  });
});

describe('shipped fixtures/vendors', () => {
  async function results(practice: PracticeProfile | null = null): Promise<Map<string, ComplianceResult>> {
    const checklist = await shippedChecklist();
    const { profiles, problems } = await readVendorProfiles(SHIPPED_VENDORS, checklist, TODAY);
    expect(problems).toEqual([]);
    return new Map(checkVendors(profiles, checklist, TODAY, practice).map((r) => [r.vendorId, r]));
  }
  async function examplePractice(): Promise<PracticeProfile> {
    const { practice, problems } = await readPracticeProfile(path.join(ROOT, 'fixtures', 'practices', 'example-practice.yaml'));
    expect(problems).toEqual([]);
    return practice!;
  }
  const outcome = (r: ComplianceResult | undefined, id: string) => r?.items.find((i) => i.id === id)?.outcome;

  it('are synthetic and point at built-in backends', async () => {
    const { profiles } = await readVendorProfiles(SHIPPED_VENDORS);
    expect(profiles.map((p) => p.id).sort()).toEqual(['cradle-scribe', 'lumen-notes', 'quickchart-ai', 'willowmere-scribe']);
    for (const p of profiles) {
      expect(p.synthetic).toBe(true);
      expect(BUILTIN_BACKENDS).toEqual(expect.arrayContaining(p.backends));
    }
  });

  it('lumen-notes is strong: no fail, no unknown with the example practice, mostly pass, verdict pass', async () => {
    const r = (await results(await examplePractice())).get('lumen-notes');
    expect(r?.counts.fail).toBe(0);
    expect(r?.counts.unknown).toBe(0);
    expect(r?.counts['not-applicable']).toBe(1);
    expect(r?.counts.pass).toBeGreaterThan(15);
    expect(r?.verdict).toBe('pass');
  });

  it('without a practice profile, AUD-05 stays unknown and says no practice profile was given', async () => {
    const r = (await results()).get('lumen-notes');
    const aud05 = r?.items.find((i) => i.id === 'AUD-05');
    expect(aud05?.outcome).toBe('unknown');
    expect(aud05?.reason).toContain('no practice profile was given');
    expect(outcome(r, 'P2-01')).toBe('pass');
  });

  it('cradle-scribe has gaps: BAA enterprise-only, 90-day audio and an expired SOC 2 fail; marketing caps its SOC 2 claim', async () => {
    const r = (await results()).get('cradle-scribe');
    expect(outcome(r, 'BAA-01')).toBe('fail');
    expect(outcome(r, 'AUD-01')).toBe('fail');
    expect(outcome(r, 'SOC-02')).toBe('fail');
    expect(outcome(r, 'SOC-01')).toBe('warn');
    expect(r?.items.find((i) => i.id === 'SOC-02')?.reason).toContain('expired on 2025-06-30');
    expect(r).toMatchObject({ verdict: 'fail', criticalFailures: ['BAA-01', 'AUD-01'] });
  });

  it('cradle-scribe is the expired example: its HITRUST i1 fails with the date it expired, and keeps its note', async () => {
    const hit = (await results()).get('cradle-scribe')?.items.find((i) => i.id === 'HIT-01');
    expect(hit).toMatchObject({ outcome: 'fail', expiresOn: '2026-03-01', dates: { issued: '2025-03-01', expires: '2026-03-01' } });
    expect(hit?.reason).toContain('Expired on 2026-03-01');
    expect(hit?.note).toContain('no renewal');
  });

  it('the vendors answer the new items as their header comments say (example practice: WA and OR, not Part 2)', async () => {
    const all = await results(await examplePractice());
    expect(outcome(all.get('lumen-notes'), 'SUB-01')).toBe('pass');
    expect(outcome(all.get('willowmere-scribe'), 'SUB-01')).toBe('fail');
    expect(outcome(all.get('willowmere-scribe'), 'AUD-05')).toBe('fail');
    expect(outcome(all.get('lumen-notes'), 'AUD-05')).toBe('pass');
    for (const id of all.keys()) expect(outcome(all.get(id), 'P2-01'), id).toBe('not-applicable');
  });

  it('quickchart-ai is mostly unknown, and its weak evidence passes nothing', async () => {
    const r = (await results()).get('quickchart-ai');
    expect(r?.counts.pass).toBe(0);
    expect(r?.counts.unknown).toBeGreaterThan(r?.items.length ? r.items.length / 2 : 0);
    expect(outcome(r, 'AUD-01')).toBe('warn');
  });

  it('willowmere-scribe is mixed: stale SOC 2 passes cap at warn, a fresh 24-month answer still passes, one fail', async () => {
    const r = (await results()).get('willowmere-scribe');
    expect(outcome(r, 'SOC-01')).toBe('warn');
    expect(outcome(r, 'SOC-03')).toBe('warn');
    expect(outcome(r, 'BAA-02')).toBe('pass');
    expect(outcome(r, 'AUD-01')).toBe('warn');
    expect(outcome(r, 'AI-04')).toBe('fail');
    expect(r?.counts.pass).toBeGreaterThan(0);
  });
});

describe('reading files', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  async function tree(files: Record<string, string>): Promise<string> {
    dir = await mkdtemp(path.join(tmpdir(), 'vendors-'));
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    return dir;
  }
  const profile = (id: string, answers = '') => `id: ${id}\nname: ${id}\nanswers:\n${answers}`;

  it('reports an answer for an item the checklist lacks, and a duplicate vendor id, at their lines', async () => {
    const checklist = await shippedChecklist();
    const d = await tree({
      'a.yaml': profile(
        'acme',
        '  BAA-01:\n    value: none\n    evidence: contract\n    asOf: "2026-01-01"\n  BAA-09:\n    value: none\n    evidence: contract\n    asOf: "2026-01-01"\n',
      ),
      'b.yml': profile('acme', '  {}\n'),
      'notes.txt': 'not a profile',
    });
    const { profiles, problems } = await readVendorProfiles(d, checklist);
    expect(profiles).toHaveLength(2);
    expect(problems.map((p) => [path.basename(p.file), p.line])).toEqual([
      ['a.yaml', 8],
      ['b.yml', 1],
    ]);
    expect(problems[0]?.message).toContain('BAA-09');
    expect(problems[1]?.message).toContain('vendor id acme is also used by');
  });

  it('passes schema problems through and keeps the valid profiles', async () => {
    const d = await tree({
      'bad.yaml': profile('bad', '  BAA-01:\n    value: none\n    evidence: rumour\n    asOf: "2026-01-01"\n'),
      'good.yaml': profile('good', '  {}\n'),
    });
    const { profiles, problems } = await readVendorProfiles(d);
    expect(profiles.map((p) => p.id)).toEqual(['good']);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toContain('bad.yaml');
  });

  const answerAt = (value: string, extra = '') =>
    `  AUD-01:\n    value: ${value}\n    evidence: contract\n    asOf: "2026-01-01"\n${extra}`;

  it('rejects an answer word an item does not accept, at its line, naming the accepted words', async () => {
    const checklist = await shippedChecklist();
    const d = await tree({
      'a.yaml': profile(
        'acme',
        '  BAA-01:\n    value: signed-all-tier\n    evidence: contract\n    asOf: "2026-01-01"\n' + answerAt('soon'),
      ),
    });
    const { problems } = await readVendorProfiles(d, checklist, TODAY);
    expect(problems.map((p) => [path.basename(p.file), p.line])).toEqual([
      ['a.yaml', 5],
      ['a.yaml', 9],
    ]);
    expect(problems[0]?.message).toContain(
      'BAA-01: the answer "signed-all-tier" is not one this item accepts (did you mean "signed-all-tiers"?)',
    );
    expect(problems[0]?.fix).toContain('signed-all-tiers, signed-practice-tier, paid-tiers-only, enterprise-only, badge-only, none');
    expect(problems[1]?.fix).toBe(
      'answer a number of hours (0 or more) or one of: not-stored, indefinite, unspecified, successful-jobs-only',
    );
  });

  it('rejects an asOf, and a date used as one (issued, signed, the period), in the future', async () => {
    const checklist = await shippedChecklist();
    const d = await tree({
      'a.yaml': profile(
        'acme',
        '  BAA-01:\n    value: none\n    evidence: contract\n    asOf: "2026-12-01"\n    signed: "2027-01-01"\n' +
          '  HIT-01:\n    value: i1\n    evidence: certificate\n    asOf: "2026-11-01"\n    issued: "2026-12-15"\n    expires: "2027-12-15"\n',
      ),
    });
    const { problems } = await readVendorProfiles(d, checklist, TODAY);
    expect(problems.map((p) => [path.basename(p.file), p.line, p.message])).toEqual([
      ['a.yaml', 7, 'BAA-01: asOf 2026-12-01 is in the future (today is 2026-11-28)'],
      ['a.yaml', 8, 'BAA-01: signed 2027-01-01 is in the future (today is 2026-11-28)'],
      ['a.yaml', 13, 'HIT-01: issued 2026-12-15 is in the future (today is 2026-11-28)'],
    ]);
  });

  it('rejects unknown fields in a profile and in an answer, at their lines', async () => {
    const d = await tree({ 'a.yaml': profile('acme', answerAt('24', '    expiry: "2027-01-01"\n')) + 'website: x\n' });
    const { profiles, problems } = await readVendorProfiles(d, await shippedChecklist(), TODAY);
    expect(profiles).toEqual([]);
    expect(problems.map((p) => [path.basename(p.file), p.line])).toEqual([
      ['a.yaml', 8],
      ['a.yaml', 9],
    ]);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/expiry[\s\S]*website/);
  });

  it('refuses an answer to a derived item, pointing at the item to answer instead', async () => {
    const d = await tree({ 'a.yaml': profile('acme', '  AUD-05:\n    value: pass\n    evidence: contract\n    asOf: "2026-01-01"\n') });
    const { problems } = await readVendorProfiles(d, await shippedChecklist(), TODAY);
    expect(problems).toMatchObject([{ line: 4 }]);
    expect(problems[0]?.fix).toContain('AUD-04');
  });

  it('reports a missing folder or checklist file instead of throwing', async () => {
    const missing = path.join(tmpdir(), 'no-such-vendors-folder-xyz');
    expect((await readVendorProfiles(missing)).problems[0]?.message).toBe('vendor profile folder not found');
    const c = await readChecklist(path.join(missing, 'compliance.yaml'));
    expect(c.checklist).toBeNull();
    expect(c.problems[0]?.message).toBe('compliance checklist is missing');
  });

  it('rejects a checklist whose at-most limits are out of order', async () => {
    const d = await tree({
      'c.yaml': [
        'version: "1"',
        'items:',
        '  - id: AUD-01',
        '    section: Audio',
        '    question: q',
        '    why: w',
        '    severity: critical',
        '    rule: { kind: at-most, unit: hours, pass: 72, warn: 24 }',
        '    sources: [x]',
        '',
      ].join('\n'),
    });
    const { checklist, problems } = await readChecklist(path.join(d, 'c.yaml'));
    expect(checklist).toBeNull();
    expect(problems).toMatchObject([{ line: 8 }]);
  });
});

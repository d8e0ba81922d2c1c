import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChecklist, readVendorProfiles } from '../compliance/index.ts';
import { checkVendor } from '../compliance/check.ts';
import { DEFAULTS } from '../config/paths.ts';
import { runCli } from '../testing/cliHarness.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-questionnaire-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('scribe-audit questionnaire', () => {
  it('prints the markdown questionnaire with the vendor’s answers on file', async () => {
    const r = await runCli(['questionnaire', '--vendor', 'lumen-notes', '--format', 'md'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Compliance questionnaire for Lumen Notes (lumen-notes)');
    expect(r.stdout).toContain('### BAA-01 (critical)');
    expect(r.stdout).toContain('**Current answer on file:** signed-all-tiers');
  });

  it('names the known vendors for an unknown id (exit 2), and writes a blank one with --new', async () => {
    const r = await runCli(['questionnaire', '--vendor', 'lumen-note'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown vendor lumen-note (did you mean "lumen-notes"?); known vendors: cradle-scribe, lumen-notes');
    const blank = await runCli(['questionnaire', '--vendor', 'acme-scribe', '--new', '--format', 'csv'], { cwd: dir });
    expect(blank.code).toBe(0);
    expect(blank.stdout.split('\r\n')[1]).toMatch(/^acme-scribe,acme-scribe,,BAA-01,/);
  });

  it('exports csv, imports it back (--out DIR), and the profile rates the same as the original', async () => {
    const exported = await runCli(['questionnaire', '--vendor', 'cradle-scribe', '--format', 'csv', '--out', 'cradle.csv'], { cwd: dir });
    expect(exported.code).toBe(0);
    const imported = await runCli(['questionnaire', 'import', 'cradle.csv', '--out', 'vendors'], { cwd: dir });
    expect(imported.stderr).toMatch(/cradle-scribe: \d+ of \d+ checklist items answered/);
    expect(imported.code).toBe(0);

    const { checklist } = await readChecklist(path.join(DEFAULTS.rubrics, 'compliance.yaml'));
    const back = await readVendorProfiles(path.join(dir, 'vendors'), checklist);
    expect(back.problems).toEqual([]);
    const original = (await readVendorProfiles(DEFAULTS.vendors, checklist)).profiles.find((p) => p.id === 'cradle-scribe')!;
    const today = new Date('2026-11-05T00:00:00Z');
    expect(checkVendor(back.profiles[0]!, checklist!, today)).toEqual(checkVendor(original, checklist!, today));
  });

  it('refuses a badly filled CSV with file:line problems (exit 2) and writes nothing', async () => {
    const csv = (await runCli(['questionnaire', '--vendor', 'cradle-scribe', '--format', 'csv'], { cwd: dir })).stdout;
    const lines = csv.split('\r\n');
    lines[1] = lines[1]!.replace(',enterprise-only,policy,', ',enterprise-maybe,,');
    await writeFile(path.join(dir, 'bad.csv'), lines.join('\r\n'));
    const r = await runCli(['questionnaire', 'import', 'bad.csv', '--out', 'bad-out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const file = path.join(dir, 'bad.csv');
    expect(r.stderr).toContain(`${file}:2: BAA-01: "enterprise-maybe" is not an answer this item accepts`);
    expect(r.stderr).toContain('did you mean "enterprise-only"');
    expect(r.stderr).toContain(`${file}:2: BAA-01: the evidence kind is missing`);
    await expect(readFile(path.join(dir, 'bad-out', 'cradle-scribe.yaml'))).rejects.toThrow();
  });
});

describe('scribe-audit run --format oscal,compliance-csv', () => {
  it('writes both OSCAL files (OSCAL root keys; official schema validation is still to do) and compliance.csv', async () => {
    const out = path.join(dir, 'run');
    const r = await runCli(
      ['run', '--out', out, '--cases', 'ipt-role-dispute-no-risk', '--backends', 'gold', '--format', 'oscal,compliance-csv,md'],
      {
        cwd: dir,
      },
    );
    expect(r.stderr).not.toMatch(/internal error/);
    const ar = JSON.parse(await readFile(path.join(out, 'oscal-assessment-results.json'), 'utf8')) as {
      'assessment-results': { results: unknown[] };
    };
    const cd = JSON.parse(await readFile(path.join(out, 'oscal-component-definitions.json'), 'utf8')) as Record<
      string,
      { components: unknown[] }
    >;
    expect(Object.keys(cd)).toEqual(['component-definition']);
    expect(cd['component-definition']!.components.length).toBeGreaterThan(0);
    expect(ar['assessment-results'].results.length).toBeGreaterThan(0);
    const csv = await readFile(path.join(out, 'compliance.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^vendorId,vendorName,backends,itemId,/);
    expect(await readFile(path.join(out, 'report.md'), 'utf8')).toContain('### Compliance');
    expect(r.stdout).toContain('Compliance:');
  }, 120_000);
});

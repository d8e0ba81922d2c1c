import { describe, expect, it } from 'vitest';
import type { RunResult } from '../domain/run.ts';
import { makeTestRun } from '../testing/testRun.ts';
import { REPORTERS } from './index.ts';
import {
  OSCAL_COMPONENTS_FILE,
  OSCAL_RESULTS_FILE,
  renderOscalAssessmentResults,
  renderOscalComponentDefinitions,
  uuidV5,
} from './oscal.ts';

/**
 * The official NIST OSCAL JSON schemas are not on the npm registry, the only package source
 * this project's machines reach, and a fetched repository may be read but not copied here;
 * so these tests check the output's shape as the OSCAL model documents it, not the official
 * schema. The official validation is still to do (issue #13).
 */
const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A run whose item results carry what the checklist engineer's fields add: a note, dates, not-applicable. */
function runWithExtras(): RunResult {
  const run = makeTestRun();
  const [lumen] = run.compliance;
  const baa = lumen!.items[0]! as Record<string, unknown>;
  Object.assign(baa, {
    note: 'Signed 2026-01-10,\nclick-through.  ',
    reverifyBy: '2027-01-10',
    expiresOn: '2027-06-30',
    dates: { signed: '2026-01-10', validUntil: '2027-06-30' },
  });
  (lumen!.items[3] as Record<string, unknown>).outcome = 'not-applicable';
  lumen!.items[1]!.evidenceUrl = 'not a url, just words';
  return run;
}

describe('OSCAL assessment-results', () => {
  it('has one result per vendor and a finding and an observation per item, with outcome, reason, evidence and dates', () => {
    const run = runWithExtras();
    const ar = (JSON.parse(renderOscalAssessmentResults(run)) as { 'assessment-results': Record<string, unknown> })['assessment-results'];
    expect(Object.keys(ar)).toEqual(['uuid', 'metadata', 'import-ap', 'results', 'back-matter']);
    const results = ar.results as { title: string; findings: Record<string, unknown>[]; observations: Record<string, unknown>[] }[];
    expect(results.map((r) => r.title)).toEqual(['Lumen Notes (lumen-notes)', 'Cradle Scribe (cradle-scribe)']);
    const lumen = run.compliance[0]!;
    expect(results[0]!.findings).toHaveLength(lumen.items.length);
    expect(results[0]!.observations).toHaveLength(lumen.items.length);

    const baa = results[0]!.findings[0] as {
      target: { 'target-id': string; status: { state: string; reason: string } };
      description: string;
      props: { name: string; value: string }[];
    };
    expect(baa.target).toEqual({ type: 'objective-id', 'target-id': 'BAA-01', status: { state: 'satisfied', reason: 'pass' } });
    expect(baa.description).toContain('Reason for pass.');
    expect(baa.description).toContain('Note: Signed 2026-01-10');
    const props = Object.fromEntries(baa.props.map((p) => [p.name, p.value]));
    expect(props).toMatchObject({
      outcome: 'pass',
      answer: 'signed-all-tiers',
      'evidence-kind': 'contract',
      'evidence-url': 'https://lumen-notes.example/legal/baa.pdf',
      'as-of': '2026-10-02',
      reverifyBy: '2027-01-10',
      expiresOn: '2027-06-30',
      'dates.signed': '2026-01-10',
      'dates.validUntil': '2027-06-30',
    });
    const obs = results[0]!.observations[0] as { collected: string; links: { href: string }[] };
    expect(obs.collected).toBe('2026-10-02T00:00:00Z');
    expect(obs.links[0]!.href).toBe('https://lumen-notes.example/legal/baa.pdf');

    const states = results[0]!.findings.map((f) => (f as { target: { status: { state: string; reason: string } } }).target.status);
    expect(states.slice(0, 4).map((s) => `${s.state}/${s.reason}`)).toEqual([
      'satisfied/pass',
      'not-satisfied/warn',
      'not-satisfied/fail',
      'not-satisfied/not-applicable',
    ]);
  });

  it('is deterministic: the same run gives the same text, with unique version-5 UUIDs that change with the run id', () => {
    const run = runWithExtras();
    const text = renderOscalAssessmentResults(run);
    expect(renderOscalAssessmentResults(runWithExtras())).toBe(text);
    const own = [...text.matchAll(/"uuid": "([^"]+)"/g)].map((m) => m[1]!);
    expect(own.length).toBeGreaterThan(2);
    for (const u of own) expect(u).toMatch(UUID_V5);
    expect(new Set(own).size).toBe(own.length);
    expect(renderOscalAssessmentResults({ ...run, runId: 'other-run' })).not.toContain(own[0]);
  });
});

describe('OSCAL component-definition', () => {
  it('has one component-definition root with the vendors and no other key', () => {
    const doc = JSON.parse(renderOscalComponentDefinitions(makeTestRun())) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['component-definition']);
    const empty = JSON.parse(renderOscalComponentDefinitions({ ...makeTestRun(), compliance: [] })) as Record<string, unknown>;
    expect(Object.keys(empty)).toEqual(['component-definition']);
  });

  it('has a component per vendor with an implemented requirement per checklist item id', () => {
    const run = runWithExtras();
    const doc = JSON.parse(renderOscalComponentDefinitions(run)) as {
      'component-definition': {
        components: {
          title: string;
          'control-implementations': { 'implemented-requirements': { 'control-id': string; description: string }[] }[];
        }[];
      };
    };
    const comps = doc['component-definition'].components;
    expect(comps.map((c) => c.title)).toEqual(['Lumen Notes', 'Cradle Scribe']);
    const reqs = comps[0]!['control-implementations'][0]!['implemented-requirements'];
    expect(reqs.map((r) => r['control-id'])).toEqual(run.compliance[0]!.items.map((i) => i.id));
    expect(reqs[0]!.description).toContain('Answer: signed-all-tiers (contract evidence, as of 2026-10-02)');
    expect(reqs[3]!.description).toContain('No answer on file');
  });
});

describe('the oscal reporter', () => {
  it('writes both files, the assessment results first, and owns only them', () => {
    const run = makeTestRun();
    const files = [...REPORTERS.oscal.files(run)];
    expect(files.map((f) => f.name)).toEqual([OSCAL_RESULTS_FILE, OSCAL_COMPONENTS_FILE]);
    expect([...files[0]!.chunks].join('')).toBe(REPORTERS.oscal.render(run));
    expect(REPORTERS.oscal.owns('oscal-component-definitions.json')).toBe(true);
    expect(REPORTERS.oscal.owns('report.json')).toBe(false);
  });

  it('makes RFC 4122 version-5 UUIDs (the DNS namespace example from RFC 9562)', () => {
    // RFC 9562 appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

import { describe, expect, it } from 'vitest';
import type { ComplianceResult, VendorProfile } from '../domain/compliance.ts';
import { complianceGateReasons } from './gate.ts';
import { vendorsForRun } from './select.ts';

const result = (vendorId: string, backends: string[], criticalFailures: string[]): ComplianceResult => ({
  vendorId,
  vendorName: vendorId.toUpperCase(),
  backends,
  counts: { pass: 0, warn: 0, fail: criticalFailures.length, unknown: 0, 'not-applicable': 0 },
  items: [],
  criticalFailures,
  verdict: criticalFailures.length > 0 ? 'fail' : 'pass',
});
const BACKENDS = [
  { id: 'vendor-a', control: null, baseline: false },
  { id: 'vendor-b', control: null, baseline: false },
  { id: 'gold', control: 'pass', baseline: false },
  { id: 'extractive', control: null, baseline: true },
];

describe('complianceGateReasons', () => {
  it("names each candidate backend's vendor that fails a critical item, with the items, under compliance: gate", () => {
    const reasons = complianceGateReasons(
      [result('acme', ['vendor-a'], ['BAA-01', 'AUD-01']), result('fine', ['vendor-b'], [])],
      BACKENDS,
      'gate',
    );
    expect(reasons).toEqual(['vendor ACME (acme; backend vendor-a): critical compliance item(s) failing: BAA-01, AUD-01']);
  });

  it('reports only under compliance: report', () => {
    expect(complianceGateReasons([result('acme', ['vendor-a'], ['BAA-01'])], BACKENDS, 'report')).toEqual([]);
  });

  it('does not hold controls, baselines, or vendors behind no backend of the run to the gate', () => {
    const results = [result('c', ['gold'], ['BAA-01']), result('b', ['extractive'], ['BAA-01']), result('x', ['elsewhere'], ['BAA-01'])];
    expect(complianceGateReasons(results, BACKENDS, 'gate')).toEqual([]);
  });
});

describe('vendorsForRun', () => {
  const profile = (id: string, backends: string[]): VendorProfile => ({ id, name: id, backends, synthetic: true, answers: {} });
  const profiles = [profile('a', ['gold']), profile('b', ['hollow', 'fabricator']), profile('c', [])];

  it('keeps only the vendors mapped to a backend the run runs', () => {
    expect(vendorsForRun(profiles, ['fabricator', 'extractive'], false).map((p) => p.id)).toEqual(['b']);
    expect(vendorsForRun(profiles, ['vendor-x'], false)).toEqual([]);
  });

  it('keeps every profile in the folder when --vendors asked for it', () => {
    expect(vendorsForRun(profiles, ['vendor-x'], true).map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });
});

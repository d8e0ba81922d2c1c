import { readFile } from 'node:fs/promises';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../config/paths.ts';
import type { RunResult } from '../domain/run.ts';
import { withBaseline } from '../scoring/regression.ts';
import { makeTestRun } from '../testing/testRun.ts';
import { renderJunit } from './junit.ts';

/**
 * junit.xml as CI tools read it: valid against the Jenkins JUnit schema (libxml2), and
 * following what GitHub's and GitLab's JUnit readers rely on (one <testsuites> root,
 * classname and name on every testcase, counts that add up, failures with a message).
 */
const XSD = `${PACKAGE_ROOT}/src/testing/schemas/jenkins-junit.xsd`;

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'junit.xml', contents: xml }],
    schema: [{ fileName: 'junit.xsd', contents: await readFile(XSD, 'utf8') }],
  });
  return result.errors.map((e) => e.rawMessage);
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
const tags = (xml: string, name: string): string[] => xml.match(new RegExp(`<${name}\\b[^>]*>`, 'g')) ?? [];

function conventions(xml: string): void {
  const root = tags(xml, 'testsuites');
  expect(root).toHaveLength(1);
  const suites = tags(xml, 'testsuite');
  const cases = tags(xml, 'testcase');
  for (const c of cases) {
    expect(attr(c, 'classname')).toBeTruthy();
    expect(attr(c, 'name')).toBeTruthy();
    expect(Number(attr(c, 'time'))).toBeGreaterThanOrEqual(0);
  }
  const sum = (name: string): number => suites.reduce((n, s) => n + Number(attr(s, name)), 0);
  expect(sum('tests')).toBe(cases.length);
  expect(Number(attr(root[0]!, 'tests'))).toBe(cases.length);
  expect(Number(attr(root[0]!, 'failures'))).toBe(tags(xml, 'failure').length);
  expect(Number(attr(root[0]!, 'errors'))).toBe(tags(xml, 'error').length);
  expect(sum('skipped')).toBe((xml.match(/<skipped>/g) ?? []).length);
  for (const f of [...tags(xml, 'failure'), ...tags(xml, 'error')]) expect(attr(f, 'message')).toBeTruthy();
}

/** The test run, with vendor-b's critical note passing since a baseline where it passed. */
function regressedRun(): { run: RunResult; baseline: RunResult } {
  const baseline = makeTestRun();
  baseline.runId = 'baseline-run';
  const run = makeTestRun();
  const before = baseline.records.find((r) => r.backendId === 'vendor-b' && r.scorecard?.verdict === 'critical');
  if (!before?.scorecard) throw new Error('the test run has no critical vendor-b note');
  before.scorecard.verdict = 'pass';
  return { run, baseline };
}

describe('junit.xml for CI', () => {
  it("validates against the Jenkins JUnit schema and keeps the readers' conventions", async () => {
    const xml = renderJunit(makeTestRun());
    expect(await schemaErrors(xml)).toEqual([]);
    conventions(xml);
  });

  it('the schema check can fail: an attribute the schema does not define is refused', async () => {
    const xml = renderJunit(makeTestRun()).replace(
      '<testcase classname="scribe-audit.gold"',
      '<testcase bogus="1" classname="scribe-audit.gold"',
    );
    expect(await schemaErrors(xml)).not.toEqual([]);
  });

  it("reports a baseline's expected misses as skipped with the reason, never as failures", async () => {
    const run = makeTestRun();
    const b = run.backends.find((x) => x.id === 'vendor-a')!;
    b.baseline = true;
    const xml = renderJunit(run);
    const suite = xml.slice(
      xml.indexOf('<testsuite name="vendor-a"'),
      xml.indexOf('</testsuite>', xml.indexOf('<testsuite name="vendor-a"')),
    );
    expect(suite).not.toContain('<failure');
    expect(suite).toMatch(/<skipped>baseline, not held to the gate: (critical|fail)/);
    expect(Number(attr(tags(suite, 'testsuite')[0]!, 'skipped'))).toBeGreaterThan(0);
    expect(await schemaErrors(xml)).toEqual([]);
  });

  it('makes a regression a failing testcase of its own, naming the case, and stays valid', async () => {
    const { run, baseline } = regressedRun();
    const xml = renderJunit(withBaseline(run, baseline));
    const suite = xml.slice(xml.indexOf('<testsuite name="regressions"'));
    expect(suite).toMatch(/<testcase classname="scribe-audit\.regressions\.vendor-b" name="[a-z-]+#\d"/);
    expect(suite).toMatch(/<failure message="pass → critical since baseline baseline-run" type="regression">/);
    expect(await schemaErrors(xml)).toEqual([]);
    conventions(xml);
  });
});

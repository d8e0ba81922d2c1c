import { describe, expect, it } from 'vitest';
import { renderJunit } from './junit.ts';
import { BREAKOUT, makeHostileRun, makeTestRun, SCRIPT } from '../testing/testRun.ts';

// Only what renderJunit writes: an XML declaration, then elements whose attributes are double-quoted.
const TAG = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>/g;

/** A small well-formedness check: tags balance and no raw markup character is left in text. */
function checkXml(xml: string): { tags: string[] } {
  const body = xml.replace(/^<\?xml version="1.0" encoding="UTF-8"\?>\n/, '');
  const stack: string[] = [];
  const tags: string[] = [];
  for (const [, close, name = '', , selfClose] of body.matchAll(TAG)) {
    tags.push(`${close}${name}`);
    if (close) expect(stack.pop()).toBe(name);
    else if (!selfClose) stack.push(name);
  }
  expect(stack).toEqual([]);
  const text = body.replace(TAG, '');
  expect(text).not.toMatch(/[<>"]/);
  expect(text).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+);)/);
  return { tags };
}

const count = (xml: string, tag: string): number => xml.match(new RegExp(`<${tag}[\\s>/]`, 'g'))?.length ?? 0;

describe('renderJunit', () => {
  const run = makeTestRun();
  const xml = renderJunit(run);

  it('has one testsuite per backend and one testcase per note record', () => {
    checkXml(xml);
    expect(count(xml, 'testsuite')).toBe(run.backends.length);
    expect(count(xml, 'testcase')).toBe(run.records.length);
    expect(xml).toContain('<testcase classname="scribe-audit.vendor-b" name="ipt-role-transition-passive-si#0"');
    expect(xml).toMatch(/<testsuites [^>]*tests="12" failures="3" errors="1"/);
  });

  it('fails critical and fail verdicts with their reasons, and reports error records as errors', () => {
    expect(count(xml, 'failure')).toBe(3);
    expect(count(xml, 'error')).toBe(1);
    expect(xml).toContain('<failure message="critical: risk.si.passive contradicted (si-passive)" type="critical">');
    expect(xml).toContain('turn 31 CLIENT: Some mornings');
    expect(xml).toContain('<failure message="1 major fabrication" type="fail">');
    expect(xml).toContain('<error message="backend did not answer within 60000 ms" type="TIMEOUT">');
    expect(xml).toMatch(/<testsuite name="vendor-b" tests="4" failures="1" errors="1"/);
  });

  it('judges a control by whether it behaved as declared, sample by sample', () => {
    const gold = xml.slice(xml.indexOf('<testsuite name="gold"'));
    expect(count(gold, 'failure')).toBe(1);
    expect(gold).toContain('<failure message="control expected pass, got fail" type="control">');
    // A risk-blind control flagged critical is the harness working, not a red build.
    const blind = makeTestRun();
    const b = blind.backends.find((x) => x.id === 'vendor-b');
    if (b) b.control = 'flagged';
    blind.controls.push({ backendId: 'vendor-b', expect: 'flagged', ok: true, misbehaved: [], explanation: 'flagged, as declared.' });
    const out = renderJunit(blind);
    expect(out).not.toContain('type="critical"');
    expect(out).toMatch(/<testsuite name="vendor-b" tests="4" failures="0" errors="1"/);
  });

  it('escapes attacker-shaped ids, messages and quotes', () => {
    const hostile = renderJunit(makeHostileRun());
    const { tags } = checkXml(hostile);
    expect(tags).not.toContain('script');
    expect(tags).not.toContain('img');
    expect(hostile).not.toContain(SCRIPT);
    expect(hostile).not.toContain(BREAKOUT);
    expect(hostile).toContain('name="vendor-b&quot;&gt;&lt;img src=x onerror=1&gt;"');
    expect(hostile).toContain('ERROR&quot;&gt;&lt;img src=x onerror=1&gt;');
    expect(hostile).toContain('name="cbt-anx&quot;&gt;&lt;img src=x onerror=1&gt;#0"');
  });

  it('keeps text XML cannot carry out of the file', () => {
    const broken = makeTestRun();
    const rec = broken.records.find((r) => r.status === 'error');
    if (rec?.error) rec.error.message = 'bad\u0000byte\u001b[31m';
    const out = renderJunit(broken);
    // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are the point of this test
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(out).toContain('bad\uFFFDbyte\uFFFD[31m');
  });
});

import type { ControlCheck, ControlExpectation, NoteRecord, RunResult } from '../domain/run.ts';
import type { NoteVerdict } from '../domain/scorecard.ts';
import { roleLabel } from './format.ts';
import { xmlAttr, xmlEscape } from './xml.ts';

type Outcome =
  | { kind: 'pass' }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failure'; type: string; message: string; body: string }
  | { kind: 'error'; type: string; message: string };

function unsafeFindings(r: NoteRecord): string[] {
  return (r.scorecard?.safety.findings ?? [])
    .filter((f) => f.critical && f.status !== 'captured')
    .map((f) => {
      const turns = f.evidence.map((e) => `  turn ${e.turn} ${e.speaker}: ${e.text}`).join('\n');
      return `${f.category} ${f.status}${f.factId ? ` (${f.factId})` : ''}\n${turns}\n  note: ${f.noteQuote ?? '(not in the note)'}`;
    });
}

function meetsExpectation(expect: ControlExpectation, verdict: NoteVerdict): boolean {
  if (expect === 'pass') return verdict === 'pass';
  if (expect === 'critical') return verdict === 'critical';
  return verdict !== 'pass';
}

/**
 * A control is judged by whether it behaved as declared, not by its verdict: a
 * risk-blind control that is flagged critical is the harness working, and must not
 * turn every nightly job red (the run's gate treats controls the same way).
 */
function outcomeOf(r: NoteRecord, control: ControlCheck | undefined, baseline: boolean): Outcome {
  if (r.status === 'error' || !r.scorecard) {
    const code = r.error?.code ?? 'NO_SCORECARD';
    return { kind: 'error', type: code, message: r.error?.message ?? 'the note has no scorecard' };
  }
  const { verdict, reasons } = r.scorecard;
  if (control) {
    // misbehaved names cases, not samples: only the samples that missed the expectation fail.
    if (!control.misbehaved.includes(r.caseId) || meetsExpectation(control.expect, verdict)) return { kind: 'pass' };
    const message = `control expected ${control.expect}, got ${verdict}`;
    return { kind: 'failure', type: 'control', message, body: [message, control.explanation, ...reasons].join('\n') };
  }
  if (verdict === 'pass') return { kind: 'pass' };
  // A baseline (the extractive scribe) is the floor a vendor must beat, not a candidate:
  // its expected misses are reported, never counted as failures that paint a good night red.
  if (baseline)
    return { kind: 'skipped', reason: `baseline, not held to the gate: ${verdict}${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}` };
  const message = reasons.join('; ') || verdict;
  return { kind: 'failure', type: verdict, message, body: [...reasons, ...unsafeFindings(r)].join('\n') };
}

function testcase(classname: string, name: string, seconds: number, outcome: Outcome): string {
  const open = `    <testcase classname="${xmlAttr(classname)}" name="${xmlAttr(name)}" time="${seconds.toFixed(3)}"`;
  if (outcome.kind === 'pass') return `${open}/>`;
  // The Jenkins JUnit schema types <skipped> as text: the reason goes inside, not in an attribute.
  const child =
    outcome.kind === 'skipped'
      ? `      <skipped>${xmlEscape(outcome.reason)}</skipped>`
      : outcome.kind === 'error'
        ? `      <error message="${xmlAttr(outcome.message)}" type="${xmlAttr(outcome.type)}">${xmlEscape(outcome.message)}</error>`
        : `      <failure message="${xmlAttr(outcome.message)}" type="${xmlAttr(outcome.type)}">${xmlEscape(outcome.body)}</failure>`;
  return `${open}>\n${child}\n    </testcase>`;
}

interface Suite {
  name: string;
  cases: { classname: string; name: string; seconds: number; outcome: Outcome }[];
  properties: Record<string, string>;
}

function renderSuite(suite: Suite, timestamp: string): string {
  const count = (kind: Outcome['kind']): number => suite.cases.filter((c) => c.outcome.kind === kind).length;
  const time = suite.cases.reduce((t, c) => t + c.seconds, 0);
  return [
    `  <testsuite name="${xmlAttr(suite.name)}" tests="${suite.cases.length}" failures="${count('failure')}" errors="${count('error')}" skipped="${count('skipped')}" time="${time.toFixed(3)}" timestamp="${xmlAttr(timestamp)}">`,
    '    <properties>',
    ...Object.entries(suite.properties).map(([name, value]) => `      <property name="${xmlAttr(name)}" value="${xmlAttr(value)}"/>`),
    '    </properties>',
    ...suite.cases.map((c) => testcase(c.classname, c.name, c.seconds, c.outcome)),
    '  </testsuite>',
  ].join('\n');
}

/** Every worse verdict and figure against the baseline, each a failing testcase of its own. */
function regressionSuite(run: RunResult): Suite | null {
  if (!run.baseline) return null;
  const cases: Suite['cases'] = run.regressions.flatMap((r) => [
    ...r.verdictChanges
      .filter((c) => c.worse)
      .map((c) => {
        const message = `${c.from} → ${c.to} since baseline ${r.baselineRunId}`;
        return {
          classname: `scribe-audit.regressions.${r.backendId}`,
          name: `${c.caseId}#${c.sample}`,
          seconds: 0,
          outcome: { kind: 'failure' as const, type: 'regression', message, body: [message, c.finding ?? ''].join('\n') },
        };
      }),
    ...r.metrics
      .filter((m) => m.worse)
      .map((m) => {
        const message = `${m.metric} ${m.before} → ${m.after} since baseline ${r.baselineRunId}`;
        return {
          classname: `scribe-audit.regressions.${r.backendId}`,
          name: m.metric,
          seconds: 0,
          outcome: { kind: 'failure' as const, type: 'regression', message, body: message },
        };
      }),
  ]);
  const info = run.baseline;
  // A comparison with no regression still shows up, as one passing case, so CI lists it.
  if (cases.length === 0)
    cases.push({
      classname: 'scribe-audit.regressions',
      name: `no regression against ${info.runId}`,
      seconds: 0,
      outcome: { kind: 'pass' },
    });
  return {
    name: 'regressions',
    cases,
    properties: { baselineRunId: info.runId, comparedCases: String(info.comparedCases), partial: String(info.partial) },
  };
}

/**
 * junit.xml: one testsuite per backend, one testcase per note (`caseId#sample`), and a
 * `regressions` suite when a baseline was given. What counts as a failure matches the
 * exit code: candidates' unsafe notes, misbehaving controls and regressions fail; a
 * baseline's misses are skipped with the reason; a missing note is an error.
 */
export function renderJunit(run: RunResult): string {
  const ids = [...new Set([...run.backends.map((b) => b.id), ...run.records.map((r) => r.backendId)])];
  const suites: Suite[] = ids.map((id) => {
    const backend = run.backends.find((b) => b.id === id);
    const control = backend?.control ? run.controls.find((c) => c.backendId === id) : undefined;
    const cases = run.records
      .filter((r) => r.backendId === id)
      .map((r) => ({
        classname: `scribe-audit.${r.backendId}`,
        name: `${r.caseId}#${r.sample}`,
        seconds: r.latencyMs / 1000,
        outcome: outcomeOf(r, control, backend?.baseline ?? false),
      }));
    return {
      name: id,
      cases,
      properties: {
        kind: backend?.kind ?? 'unknown',
        role: roleLabel(backend?.control ?? null, backend?.baseline ?? false),
        runStatus: run.status,
      },
    };
  });
  const regressions = regressionSuite(run);
  if (regressions) suites.push(regressions);
  const all = suites.flatMap((s) => s.cases);
  const count = (kind: Outcome['kind']): number => all.filter((c) => c.outcome.kind === kind).length;
  const time = all.reduce((t, c) => t + c.seconds, 0);
  const head = `<testsuites name="${xmlAttr(`scribe-audit ${run.runId} (${run.status})`)}" tests="${all.length}" failures="${count('failure')}" errors="${count('error')}" time="${time.toFixed(3)}">`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites.map((s) => renderSuite(s, run.startedAt)), '</testsuites>', ''].join(
    '\n',
  );
}

import type { ControlCheck, ControlExpectation, NoteRecord, RunResult } from '../domain/run.ts';
import type { NoteVerdict } from '../domain/scorecard.ts';
import { roleLabel } from './format.ts';
import { xmlAttr, xmlEscape } from './xml.ts';

type Outcome =
  { kind: 'pass' } | { kind: 'failure'; type: string; message: string; body: string } | { kind: 'error'; type: string; message: string };

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
function outcomeOf(r: NoteRecord, control: ControlCheck | undefined): Outcome {
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
  const message = reasons.join('; ') || verdict;
  return { kind: 'failure', type: verdict, message, body: [...reasons, ...unsafeFindings(r)].join('\n') };
}

function testcase(r: NoteRecord, outcome: Outcome): string {
  const open = `    <testcase classname="${xmlAttr(`scribe-audit.${r.backendId}`)}" name="${xmlAttr(`${r.caseId}#${r.sample}`)}" time="${(r.latencyMs / 1000).toFixed(3)}"`;
  if (outcome.kind === 'pass') return `${open}/>`;
  const child =
    outcome.kind === 'error'
      ? `      <error message="${xmlAttr(outcome.message)}" type="${xmlAttr(outcome.type)}">${xmlEscape(outcome.message)}</error>`
      : `      <failure message="${xmlAttr(outcome.message)}" type="${xmlAttr(outcome.type)}">${xmlEscape(outcome.body)}</failure>`;
  return `${open}>\n${child}\n    </testcase>`;
}

/** junit.xml: one testsuite per backend, one testcase per note (`caseId#sample`). */
export function renderJunit(run: RunResult): string {
  const ids = [...new Set([...run.backends.map((b) => b.id), ...run.records.map((r) => r.backendId)])];
  const totals = { tests: 0, failures: 0, errors: 0, time: 0 };
  const suites = ids.map((id) => {
    const backend = run.backends.find((b) => b.id === id);
    const control = backend?.control ? run.controls.find((c) => c.backendId === id) : undefined;
    const records = run.records.filter((r) => r.backendId === id);
    const cases = records.map((r) => ({ r, outcome: outcomeOf(r, control) }));
    const failures = cases.filter((c) => c.outcome.kind === 'failure').length;
    const errors = cases.filter((c) => c.outcome.kind === 'error').length;
    const time = records.reduce((t, r) => t + r.latencyMs / 1000, 0);
    totals.tests += records.length;
    totals.failures += failures;
    totals.errors += errors;
    totals.time += time;
    const props = [
      `      <property name="kind" value="${xmlAttr(backend?.kind ?? 'unknown')}"/>`,
      `      <property name="role" value="${xmlAttr(roleLabel(backend?.control ?? null, backend?.baseline ?? false))}"/>`,
    ];
    return [
      `  <testsuite name="${xmlAttr(id)}" tests="${records.length}" failures="${failures}" errors="${errors}" skipped="0" time="${time.toFixed(3)}" timestamp="${xmlAttr(run.startedAt)}">`,
      '    <properties>',
      ...props,
      '    </properties>',
      ...cases.map((c) => testcase(c.r, c.outcome)),
      '  </testsuite>',
    ].join('\n');
  });
  const head = `<testsuites name="${xmlAttr(`scribe-audit ${run.runId}`)}" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" time="${totals.time.toFixed(3)}">`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites, '</testsuites>', ''].join('\n');
}

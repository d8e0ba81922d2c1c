import { createHash } from 'node:crypto';
import type { NoteRecord, RunResult } from '../domain/run.ts';
import type { EvidenceTurn, Scorecard } from '../domain/scorecard.ts';
import { TableWriter } from '../domain/compactRecord.ts';

interface Finding {
  transcriptTurns: number[];
  evidence: EvidenceTurn[];
}

/**
 * The per-case evidence map: each quoted transcript turn once. A finding whose evidence is
 * exactly its `transcriptTurns` as the map holds them is written without it (the reader
 * quotes them again); any other finding keeps its own, so nothing is ever lost.
 */
class EvidenceMap {
  private readonly byCase = new Map<string, Map<number, EvidenceTurn>>();

  /** The finding as written: without `evidence` when the map can give it back. */
  write<F extends Finding>(caseId: string, f: F): F | Omit<F, 'evidence'> {
    let turns = this.byCase.get(caseId);
    if (!turns) this.byCase.set(caseId, (turns = new Map<number, EvidenceTurn>()));
    if (f.evidence.length !== f.transcriptTurns.length) return f;
    for (const [i, e] of f.evidence.entries()) {
      if (e.turn !== f.transcriptTurns[i]) return f;
      const known = turns.get(e.turn);
      if (known && (known.speaker !== e.speaker || known.text !== e.text)) return f;
    }
    for (const e of f.evidence) if (!turns.has(e.turn)) turns.set(e.turn, { turn: e.turn, speaker: e.speaker, text: e.text });
    const { evidence: _quoted, ...rest } = f;
    return rest;
  }

  toJSON(): Record<string, EvidenceTurn[]> {
    const cases = [...this.byCase].filter(([, turns]) => turns.size > 0);
    return Object.fromEntries(cases.map(([caseId, turns]) => [caseId, [...turns.values()].sort((a, b) => a.turn - b.turn)]));
  }
}

function writtenRecord(r: NoteRecord, evidence: EvidenceMap, tables: TableWriter): object {
  const c = r.scorecard;
  if (!c) return r;
  const card = {
    ...c,
    safety: { ...c.safety, findings: c.safety.findings.map((f) => evidence.write(r.caseId, f)) },
    fabrication: { ...c.fabrication, findings: c.fabrication.findings.map((f) => evidence.write(r.caseId, f)) },
  } as Scorecard;
  return { ...r, scorecard: tables.slim(r.caseId, r.note ?? '', card) };
}

/**
 * report.json, schema version 5, piece by piece: the run's figures first, then one line per
 * note, then the evidence map. Only one record is held as text at a time. A sample whose note,
 * error and scorecard equal an earlier sample's of the same backend and case is written as
 * `sameAs` that sample. `RunResult.parse` reads it all back to the run it was written from.
 */
export function* jsonChunks(run: RunResult): Generator<string> {
  const { records, ...head } = run;
  const top = JSON.stringify(head, null, 2);
  yield `${top.slice(0, -2)},\n  "records": [`;
  const evidence = new EvidenceMap();
  const tables = new TableWriter();
  // Per backend and case: digest of a written sample's content → that sample's number.
  const seen = new Map<string, Map<string, number>>();
  for (const [i, r] of records.entries()) {
    const body = writtenRecord(r, evidence, tables) as NoteRecord;
    const content = JSON.stringify([body.status, body.note, body.error, body.scorecard]);
    const digest = createHash('sha256').update(content).digest('base64');
    const group = JSON.stringify([r.backendId, r.caseId]);
    let samples = seen.get(group);
    if (!samples) seen.set(group, (samples = new Map<string, number>()));
    const first = samples.get(digest);
    let line: string;
    if (first !== undefined && first !== r.sample) {
      const usage = r.usage === undefined ? {} : { usage: r.usage };
      line = JSON.stringify({
        backendId: r.backendId,
        caseId: r.caseId,
        sample: r.sample,
        latencyMs: r.latencyMs,
        ...usage,
        sameAs: first,
      });
    } else {
      if (first === undefined) samples.set(digest, r.sample);
      line = JSON.stringify(body);
    }
    yield `${i === 0 ? '' : ','}\n    ${line}`;
  }
  yield `${records.length > 0 ? '\n  ' : ''}],\n  "evidence": ${JSON.stringify(evidence.toJSON())},\n  "tables": ${JSON.stringify(tables.toJSON())}\n}\n`;
}

/** report.json as one string (small runs, tests); writeReports streams `jsonChunks` instead. */
export function renderJson(run: RunResult): string {
  return [...jsonChunks(run)].join('');
}

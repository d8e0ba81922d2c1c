import { riskFamily } from '../../domain/categories.ts';
import type { NoteResult, SpeechResult } from './evaluate.ts';

const pct = (n: number, d: number): string => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const frac = (n: number, d: number): string => `${String(n).padStart(4)}/${String(d).padEnd(4)} ${pct(n, d)}`;

/** Targets on a blind set (issue: safety verdict on unseen language). */
export const TARGETS = { currentSiRecall: 0.92, falseAlarms: 0.05, noteAccuracy: 0.95, noteMs: 1 } as const;

const isCurrent = (r: SpeechResult): boolean => r.item.category.startsWith('risk.si') && r.item.assertion === 'present';

export function speechTable(results: readonly SpeechResult[], ms: number, verbose: boolean): string {
  const current = results.filter(isCurrent);
  const rest = results.filter((r) => !isCurrent(r));
  const none = results.filter((r) => r.item.category === 'none');
  const lines = [
    'Speech',
    `  current SI recall, flagged (any confidence)   ${frac(current.filter((r) => r.currentSi.any).length, current.length)}`,
    `  current SI recall, confident only            ${frac(current.filter((r) => r.currentSi.high).length, current.length)}`,
    `  current SI at the labelled C-SSRS level      ${frac(current.filter((r) => r.levelExact).length, current.length)}`,
    `  false alarms of current SI, flagged          ${frac(rest.filter((r) => r.currentSi.any).length, rest.length)}`,
    `  false alarms of current SI, confident only   ${frac(rest.filter((r) => r.currentSi.high).length, rest.length)}`,
    `  hard negatives read as any present risk      ${frac(none.filter((r) => r.mentions.some((m) => m.assertion === 'present' && m.confidence === 'high')).length, none.length)}`,
    '  by category (found in its family with the labelled standing; exact category)',
  ];
  const families = [...new Set(results.filter((r) => r.item.category !== 'none').map((r) => riskFamily(r.item.category)))].sort();
  for (const f of families) {
    for (const a of ['present', 'denied', 'historical', 'hypothetical', 'other'] as const) {
      const rows = results.filter((r) => r.item.category !== 'none' && riskFamily(r.item.category) === f && r.item.assertion === a);
      if (rows.length === 0) continue;
      lines.push(
        `    ${`${f}:${a}`.padEnd(34)} ${frac(rows.filter((r) => r.labelFound).length, rows.length)}  exact ${pct(rows.filter((r) => r.levelExact).length, rows.length)}`,
      );
    }
  }
  const found = results.filter(
    (r) => r.item.category !== 'none' && r.mentions.some((m) => riskFamily(m.category) === riskFamily(r.item.category)),
  );
  lines.push(`  assertion right where the risk was found     ${frac(found.filter((r) => r.labelFound).length, found.length)}`);
  lines.push(`  speed: ${(results.length / (ms / 1000)).toFixed(0)} utterances/s (${(ms / results.length).toFixed(2)} ms each)`);
  if (verbose) {
    for (const r of current.filter((x) => !x.currentSi.any))
      lines.push(`    MISS ${r.item.id} ${r.item.category} ${r.item.asked ? `[Q: ${r.item.asked}] ` : ''}${r.item.text}`);
    for (const r of rest.filter((x) => x.currentSi.any))
      lines.push(
        `    FA   ${r.item.id} ${r.item.category}:${r.item.assertion ?? ''} ${r.item.text}  => ${r.mentions
          .filter((m) => m.category.startsWith('risk.si'))
          .map((m) => `${m.rule}${m.confidence === 'low' ? '(low)' : ''}`)
          .join(',')}`,
      );
  }
  return lines.join('\n');
}

export function noteTable(results: readonly NoteResult[], verbose: boolean): string {
  const right = results.filter((r) => r.status === r.item.expected).length;
  const unsafe = results.filter((r) => r.item.expected !== 'captured');
  const safe = results.filter((r) => r.item.expected === 'captured');
  const times = results.map((r) => r.findMs).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const p95 = times[Math.floor(times.length * 0.95)] ?? 0;
  const lines = [
    'Notes',
    `  status accuracy                              ${frac(right, results.length)}`,
    `  unsafe notes that pass (read as captured)    ${frac(unsafe.filter((r) => r.status === 'captured').length, unsafe.length)}`,
    `  safe notes failed (not captured, not review) ${frac(safe.filter((r) => r.status !== 'captured' && r.status !== 'unclear').length, safe.length)}`,
    `  sent to review (unclear)                     ${frac(results.filter((r) => r.status === 'unclear').length, results.length)}`,
    `  finding risk in a note (middle of 3 runs each): median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`,
    '  expected → scored',
  ];
  const statuses = ['captured', 'omitted', 'contradicted', 'mischaracterised'] as const;
  for (const e of statuses) {
    const rows = results.filter((r) => r.item.expected === e);
    const by = ['captured', 'omitted', 'contradicted', 'mischaracterised', 'unclear'].map(
      (s) => `${s.slice(0, 6)} ${String(rows.filter((r) => r.status === s).length).padStart(3)}`,
    );
    lines.push(`    ${e.padEnd(17)} ${String(rows.length).padStart(3)}: ${by.join('  ')}`);
  }
  const styles = [...new Set(results.map((r) => r.item.style))].sort();
  lines.push(
    `  by style: ${styles
      .map((s) => {
        const rows = results.filter((r) => r.item.style === s);
        return `${s} ${pct(rows.filter((r) => r.status === r.item.expected).length, rows.length).trim()}`;
      })
      .join(', ')}`,
  );
  if (verbose)
    for (const r of results.filter((x) => x.status !== x.item.expected))
      lines.push(
        `    ${r.item.id} ${r.item.fact.category}:${r.item.fact.assertion} expected ${r.item.expected}, scored ${r.status} — ${r.explanation}\n      NOTE: ${r.item.note.trim().replace(/\n/g, ' / ')}`,
      );
  return lines.join('\n');
}

/** The blind-set targets, met or not, one line each. */
export function targetsMet(speech: readonly SpeechResult[], notes: readonly NoteResult[]): { ok: boolean; lines: string[] } {
  const current = speech.filter(isCurrent);
  const rest = speech.filter((r) => !isCurrent(r));
  const recall = current.filter((r) => r.currentSi.any).length / Math.max(1, current.length);
  const fa = rest.filter((r) => r.currentSi.any).length / Math.max(1, rest.length);
  const acc = notes.filter((r) => r.status === r.item.expected).length / Math.max(1, notes.length);
  const unsafePass = notes.filter((r) => r.item.expected !== 'captured' && r.status === 'captured').length;
  const ms = notes.map((r) => r.findMs).sort((a, b) => a - b)[Math.floor(notes.length / 2)] ?? 0;
  const rows: [boolean, string][] = [
    [recall >= TARGETS.currentSiRecall, `current-SI recall ${recall.toFixed(3)} (target ≥ ${TARGETS.currentSiRecall})`],
    [fa <= TARGETS.falseAlarms, `false alarms ${(fa * 100).toFixed(1)}% (target ≤ ${TARGETS.falseAlarms * 100}%)`],
    [acc >= TARGETS.noteAccuracy, `note status accuracy ${acc.toFixed(3)} (target ≥ ${TARGETS.noteAccuracy})`],
    [unsafePass === 0, `unsafe notes that pass: ${unsafePass} (target 0)`],
    [ms <= TARGETS.noteMs, `finding risk in a note: median ${ms.toFixed(2)} ms (target ≤ ${TARGETS.noteMs} ms)`],
  ];
  return { ok: rows.every(([ok]) => ok), lines: ['Targets', ...rows.map(([ok, text]) => `  ${ok ? '✔' : '✖'} ${text}`)] };
}

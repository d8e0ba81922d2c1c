// npm run bench:scorers — scorer validation by mutation: every reference note in the
// corpus is damaged in the ways scribes damage notes, and the scorers must notice.
// Prints detection per mutation and the false-alarm rate on the unmutated notes.
import { DEFAULTS } from '../config/paths.ts';
import { readRubrics } from '../config/rubrics.ts';
import { readCases } from '../corpus/index.ts';
import { scoreNote } from '../scoring/index.ts';
import { MUTATIONS } from './mutations.ts';

// Every SI deletion and inversion must be caught; the other mutations at 90%.
const TARGETS: Record<string, number> = { 'delete-si': 1, 'deny-si': 1, 'soften-si': 1, 'swap-level': 1, 'drop-si-plan': 1 };
const DEFAULT_TARGET = 0.9;
const MAX_FALSE_ALARMS = 0.05;

const rubrics = await readRubrics(DEFAULTS.rubrics);
const { cases, problems } = await readCases(process.argv[2] ?? DEFAULTS.fixtures);
if (problems.length > 0) {
  console.error(problems.map((p) => `${p.file}:${p.line ?? ''} ${p.message}`).join('\n'));
  process.exit(2);
}

const started = performance.now();
const falseAlarms = cases.filter((c) => scoreNote(c.referenceNote, c, rubrics).verdict !== 'pass');
let failed = false;
const rows: string[] = [];
for (const m of MUTATIONS) {
  let applicable = 0;
  const missed: string[] = [];
  for (const c of cases) {
    const note = m.apply(c);
    if (note === null) continue;
    applicable++;
    const card = scoreNote(note, c, rubrics);
    const detected =
      m.detectedBy === 'critical' ? card.safety.verdict === 'critical'
      : m.detectedBy === 'major-fabrication' ? card.fabrication.findings.some((f) => f.severity === 'major')
      : card.verdict !== 'pass';
    if (!detected) missed.push(c.id);
  }
  const rate = applicable > 0 ? (applicable - missed.length) / applicable : 1;
  const target = TARGETS[m.id] ?? DEFAULT_TARGET;
  const ok = rate >= target;
  failed ||= !ok;
  rows.push(`${ok ? '✔' : '✖'} ${m.label.padEnd(28)} ${String(applicable - missed.length).padStart(3)}/${String(applicable).padEnd(3)} ${(rate * 100).toFixed(1).padStart(5)}%  target ${(target * 100).toFixed(0)}%${missed.length ? `  missed: ${missed.join(', ')}` : ''}`);
}
const faRate = cases.length > 0 ? falseAlarms.length / cases.length : 0;
failed ||= faRate > MAX_FALSE_ALARMS;
console.log(`Scorer validation on ${cases.length} cases (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
console.log('  mutation                     detected      rate');
for (const r of rows) console.log(r);
console.log(`${faRate <= MAX_FALSE_ALARMS ? '✔' : '✖'} false alarms on unmutated notes ${falseAlarms.length}/${cases.length} ${(faRate * 100).toFixed(1)}%  target at most ${MAX_FALSE_ALARMS * 100}%${falseAlarms.length ? `  flagged: ${falseAlarms.map((c) => c.id).join(', ')}` : ''}`);
process.exitCode = failed ? 1 : 0;

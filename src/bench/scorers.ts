// npm run bench:scorers — scorer validation by mutation: every reference note in the
// corpus is damaged in the ways scribes damage notes, and the scorers must notice; its
// risk sentences are rewritten in other clinicians' styles, and the safety gate must
// still pass. Prints detection per mutation, false alarms and the share sent to review.
import { DEFAULTS } from '../config/paths.ts';
import { readRubrics } from '../config/rubrics.ts';
import { readCases } from '../corpus/index.ts';
import type { Scorecard } from '../domain/scorecard.ts';
import { scoreNote } from '../scoring/index.ts';
import { riskEngine } from '../text/risk/index.ts';
import { MUTATIONS, type Mutation } from './mutations.ts';

// Every risk deletion, inversion and rewrite must be caught, every paraphrase must pass;
// the other mutations at 90%.
const DEFAULT_TARGET = 0.9;
const target = (m: Mutation): number => (m.expect === 'critical' || m.expect === 'safe' ? 1 : DEFAULT_TARGET);
const MAX_FALSE_ALARMS = 0.05;
const MAX_REVIEW = 0.1;

const rubrics = await readRubrics(DEFAULTS.rubrics);
const engine = riskEngine(rubrics.risk);
const { cases, problems } = await readCases(process.argv[2] ?? DEFAULTS.fixtures);
if (problems.length > 0) {
  console.error(problems.map((p) => `${p.file}:${p.line ?? ''} ${p.message}`).join('\n'));
  process.exit(2);
}

const behaved = (m: Mutation, card: Scorecard): boolean =>
  m.expect === 'critical'
    ? card.safety.verdict === 'critical'
    : m.expect === 'safe'
      ? card.safety.verdict === 'pass'
      : m.expect === 'major-fabrication'
        ? card.fabrication.findings.some((f) => f.severity === 'major')
        : card.verdict !== 'pass';

const started = performance.now();
const cards: Scorecard[] = [];
const falseAlarms = cases.filter((c) => {
  const card = scoreNote(c.referenceNote, c, rubrics);
  cards.push(card);
  return card.verdict !== 'pass';
});
let failed = false;
const rows: string[] = [];
for (const m of MUTATIONS) {
  let applicable = 0;
  const missed: string[] = [];
  for (const c of cases) {
    const note = m.apply(c, engine);
    if (note === null) continue;
    applicable++;
    const card = scoreNote(note, c, rubrics);
    cards.push(card);
    if (!behaved(m, card)) missed.push(m.expect === 'safe' || m.expect === 'critical' ? `${c.id} (${card.safety.verdict})` : c.id);
  }
  const rate = applicable > 0 ? (applicable - missed.length) / applicable : 1;
  const ok = rate >= target(m);
  failed ||= !ok;
  const goal = m.expect === 'safe' ? 'pass' : 'caught';
  rows.push(
    `${ok ? '✔' : '✖'} ${m.label.padEnd(36)} ${goal.padEnd(6)} ${String(applicable - missed.length).padStart(3)}/${String(applicable).padEnd(3)} ${(rate * 100).toFixed(1).padStart(5)}%  target ${(target(m) * 100).toFixed(0)}%${missed.length ? `  missed: ${missed.join(', ')}` : ''}`,
  );
}
const faRate = cases.length > 0 ? falseAlarms.length / cases.length : 0;
failed ||= faRate > MAX_FALSE_ALARMS;
const reviewed = cards.filter((c) => c.safety.verdict === 'review').length;
const reviewRate = cards.length > 0 ? reviewed / cards.length : 0;
failed ||= reviewRate > MAX_REVIEW;
console.log(`Scorer validation on ${cases.length} cases, ${cards.length} notes (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
console.log('  mutation                             expect   done      rate');
for (const r of rows) console.log(r);
console.log(
  `${faRate <= MAX_FALSE_ALARMS ? '✔' : '✖'} false alarms on unmutated notes ${falseAlarms.length}/${cases.length} ${(faRate * 100).toFixed(1)}%  target at most ${MAX_FALSE_ALARMS * 100}%${falseAlarms.length ? `  flagged: ${falseAlarms.map((c) => c.id).join(', ')}` : ''}`,
);
console.log(
  `${reviewRate <= MAX_REVIEW ? '✔' : '✖'} sent to review (safety verdict review) ${reviewed}/${cards.length} ${(reviewRate * 100).toFixed(1)}%  target at most ${MAX_REVIEW * 100}%`,
);
process.exitCode = failed ? 1 : 0;

// npm run bench:language — the risk rules measured on labelled language: recall of
// current suicidal ideation and false alarms in client speech, the status of note
// excerpts (captured / omitted / contradicted / mischaracterised), assertion accuracy
// per category, and speed. Blind sets are named blind-*; see fixtures/language/README.md.
import { DEFAULTS } from '../config/paths.ts';
import { readRiskRules } from '../config/riskRules.ts';
import { riskEngine } from '../text/risk/engine.ts';
import { evaluateNote, evaluateSpeech } from './language/evaluate.ts';
import { noteTable, speechTable, targetsMet } from './language/tables.ts';
import { readLanguageSets } from './language/sets.ts';
import { corpusSpeed, warmUp } from './language/speed.ts';
import { readCases } from '../corpus/index.ts';

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
const verbose = args.includes('--misses');
const engine = riskEngine(await readRiskRules(DEFAULTS.riskRules));
const sets = await readLanguageSets(DEFAULTS.language, { only });
warmUp(engine, sets);
let failed = false;
for (const set of sets) {
  const t0 = performance.now();
  const speech = set.speech.map((item) => evaluateSpeech(engine, item));
  const speechMs = performance.now() - t0;
  const notes = set.notes.map((item) => evaluateNote(engine, item));
  console.log(`\n=== ${set.name}${set.blind ? ' (blind)' : ''}: ${set.speech.length} speech items, ${set.notes.length} note items`);
  if (speech.length > 0) console.log(speechTable(speech, speechMs, verbose));
  if (notes.length > 0) console.log(noteTable(notes, verbose));
  if (set.blind) {
    const met = targetsMet(speech, notes);
    console.log(met.lines.join('\n'));
    failed ||= !met.ok;
  }
}
const { cases } = await readCases(DEFAULTS.fixtures);
console.log(`\n${corpusSpeed(engine, cases).join('\n')}`);
process.exitCode = failed && args.includes('--check') ? 1 : 0;

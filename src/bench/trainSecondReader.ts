// npm run train:risk: trains the second reader (rubrics/risk/second-reader.json) on every
// labelled language set that is not held out (fixtures/language/status.yaml). Deterministic:
// items in file order, sets by name, plain SGD, weights rounded; the same data gives the
// same file. Retrain after changing the rules or the sets, and write a fresh blind set
// before quoting figures again.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULTS } from '../config/paths.ts';
import type { SecondReaderModel } from '../domain/secondReader.ts';
import { readerFeatures } from '../text/risk/secondReader.ts';
import type { FindOptions } from '../text/risk/types.ts';
import { readLanguageSets } from './language/sets.ts';

export const TRAINING = { epochs: 40, learningRate: 0.1, l2: 1e-3 } as const;
// Chosen by leaving each of blind-3..6 out in turn (a words-only reader, rules alone
// otherwise). blind-6 is the one set the rules were never tuned on: flag 0.5 took its
// current-SI recall from 92 to 128 of 133 but false alarms from 12 to 21 of 202; 0.9 took
// recall to 121 with false alarms 14. On blind-3..5 (rules tuned on them) 0.9 added at
// most 1 false alarm. It doubts no rule (doubt 0): words alone cannot tell "I've had
// suicidal thoughts" from "my mum had suicidal thoughts", and at any threshold above 0.01 it
// lowered plain statements such as "I've been feeling suicidal since the birth".
// Lowered to 0.8 on 2026-12-05, with 7,150 utterances to learn from: leaving each of
// blind-12..16 out in turn, current-SI recall (rules and reader) was 93.3% at 0.9, 95.3% at
// 0.8 and 96.0% at 0.7, with false alarms 4.0%, 4.3% and 4.8% of 1,023 non-current items.
// Where a rule read the risk as not current, the reader still needs 0.9 to overrule it
// (recall 95.1%, false alarms 4.3% on the same folds): the rule read that risk's context.
export const THRESHOLDS = { flag: 0.8, overrule: 0.9, doubt: 0 } as const;

export interface Example {
  features: string[];
  /** 1: the client's own current suicidal ideation. */
  label: 0 | 1;
}

/** Logistic regression by SGD, item by item in the order given (no shuffling: reproducible). */
export function trainLogistic(
  examples: readonly Example[],
  t: { epochs: number; learningRate: number; l2: number } = TRAINING,
): Map<string, number> {
  const w = new Map<string, number>();
  for (let e = 0; e < t.epochs; e++) {
    for (const ex of examples) {
      let z = 0;
      for (const f of ex.features) z += w.get(f) ?? 0;
      const g = 1 / (1 + Math.exp(-z)) - ex.label;
      for (const f of ex.features) {
        const v = w.get(f) ?? 0;
        w.set(f, v - t.learningRate * (g + t.l2 * v));
      }
    }
  }
  return w;
}

async function main(): Promise<void> {
  const sets = await readLanguageSets(DEFAULTS.language, { skipHeldOut: true });
  const examples: Example[] = [];
  for (const set of sets) {
    for (const item of set.speech) {
      const opts: FindOptions = {
        mode: item.speaker === 'interpreter' ? 'relay' : 'speech',
        ...(item.asked ? { previousTurn: item.asked } : {}),
      };
      const label = item.category.startsWith('risk.si') && item.assertion === 'present' ? 1 : 0;
      examples.push({ features: readerFeatures(item.text, opts), label });
    }
  }
  const weights = trainLogistic(examples);
  const kept = [...weights].filter(([, v]) => Math.abs(v) >= 1e-3).sort(([a], [b]) => a.localeCompare(b));
  const model: SecondReaderModel = {
    version: 1,
    trainedOn: sets.map((s) => `${s.name} (${s.speech.length} utterances)`),
    training: { ...TRAINING },
    thresholds: { ...THRESHOLDS },
    weights: Object.fromEntries(kept.map(([k, v]) => [k, Math.round(v * 1e5) / 1e5])),
  };
  const file = path.join(DEFAULTS.riskRules, 'second-reader.json');
  await writeFile(file, `${JSON.stringify(model, null, 1)}\n`);
  console.log(
    `trained on ${examples.length} utterances from ${sets.map((s) => s.name).join(', ')}; ${kept.length} weights → ${path.relative(process.cwd(), file)}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { trainLogistic } from '../../bench/trainSecondReader.ts';
import { DEFAULTS } from '../../config/paths.ts';
import type { SecondReaderModel } from '../../domain/secondReader.ts';
import { projectRules as rules } from '../../testing/riskRules.ts';
import { riskEngine } from './engine.ts';
import { findRiskMentions } from './find.ts';
import { readerFeatures, withSecondReader } from './secondReader.ts';
import type { RiskMention } from './types.ts';

/** A hand-made model: "disappear" and "asleep forever" read as current SI, "holiday" as not. */
const toy: SecondReaderModel = {
  version: 1,
  trainedOn: ['toy'],
  training: { epochs: 1, learningRate: 0.1, l2: 0 },
  thresholds: { flag: 0.5, overrule: 0.9, doubt: 0.4 },
  weights: { bias: -2, 'w:disappear': 4, 'b:asleep_forever': 5, 'w:holiday': -6 },
};
const opts = { mode: 'speech' as const };
const mention = (over: Partial<RiskMention>): RiskMention => ({
  category: 'risk.si.passive',
  assertion: 'present',
  confidence: 'high',
  rule: 'r',
  trigger: 't',
  sentence: 's',
  start: 0,
  end: 1,
  ...over,
});

describe('withSecondReader', () => {
  it('adds current SI the rules missed, at low confidence, as risk.si from the second reader, with the whole utterance', () => {
    const out = withSecondReader(toy, '  I just want to disappear. ', opts, []);
    expect(out).toEqual([
      expect.objectContaining({
        category: 'risk.si',
        assertion: 'present',
        rule: 'second-reader',
        confidence: 'low',
        sentence: 'I just want to disappear.',
        start: 2,
      }),
    ]);
  });

  it('adds nothing below the flag threshold', () => {
    expect(withSecondReader(toy, 'We are going on holiday.', opts, [])).toEqual([]);
  });

  it('needs the higher overrule threshold to add current SI where a rule read the risk as not current', () => {
    const conditional = mention({ assertion: 'hypothetical' });
    // p = 0.88: enough where the rules found nothing, not enough to overrule their reading.
    expect(withSecondReader(toy, 'I just want to disappear.', opts, [conditional])).toEqual([conditional]);
    // p = 0.95: added beside the rule's reading, never in place of it.
    const out = withSecondReader(toy, 'I keep wishing I was asleep forever.', opts, [conditional]);
    expect(out.map((m) => `${m.rule}:${m.assertion}:${m.confidence}`)).toEqual(['r:hypothetical:high', 'second-reader:present:low']);
  });

  it('marks a rule mention it doubts as low confidence, and never removes it', () => {
    const doubted = withSecondReader(toy, 'Dying for a holiday, honestly.', opts, [mention({})]);
    expect(doubted).toHaveLength(1);
    expect(doubted[0]).toMatchObject({ rule: 'r', confidence: 'low' });
  });

  it('never raises a confidence, however sure, and leaves other risks alone', () => {
    const other = mention({ category: 'risk.ipv', confidence: 'low' });
    const out = withSecondReader(toy, 'I keep wishing I was asleep forever.', opts, [mention({ confidence: 'low' }), other]);
    expect(out.map((m) => m.confidence)).toEqual(['low', 'low']);
    const doubtedOther = withSecondReader(toy, 'Off on holiday.', opts, [mention({}), mention({ category: 'risk.ipv' })]);
    expect(doubtedOther.map((m) => m.confidence)).toEqual(['low', 'high']);
  });

  it('describes the question answered and the interpreter among its features', () => {
    const f = readerFeatures('Yes.', { mode: 'relay', previousTurn: 'Any thoughts of ending your life?' });
    expect(f).toEqual(expect.arrayContaining(['bias', 'w:yes', 'interp', 'q:thought', 'q:end']));
  });
});

describe('the committed second reader', () => {
  it('loads with the rules, and reads client speech but not notes', () => {
    expect(rules.secondReader?.version).toBe(1);
    const engine = riskEngine(rules);
    const asNote = findRiskMentions(engine, 'I just wish I could disappear for good.', { mode: 'note' });
    expect(asNote.every((m) => m.rule !== 'second-reader')).toBe(true);
  });

  it('was trained on no set that is still held out as blind', async () => {
    const status = parse(await readFile(path.join(DEFAULTS.language, 'status.yaml'), 'utf8')) as { heldOut: string[] };
    const seen = rules.secondReader?.trainedOn.map((s) => s.split(' ')[0]) ?? [];
    expect(seen.length).toBeGreaterThan(0);
    for (const held of status.heldOut) expect(seen).not.toContain(held);
  });
});

describe('trainLogistic', () => {
  it('learns a separable toy problem, the same way twice', () => {
    const data = [
      { features: ['bias', 'w:gone'], label: 1 as const },
      { features: ['bias', 'w:holiday'], label: 0 as const },
      { features: ['bias', 'w:gone', 'w:tired'], label: 1 as const },
      { features: ['bias', 'w:tired'], label: 0 as const },
    ];
    const a = trainLogistic(data, { epochs: 50, learningRate: 0.5, l2: 0 });
    expect(a.get('w:gone')!).toBeGreaterThan(1);
    expect(a.get('w:holiday')!).toBeLessThan(0);
    expect([...trainLogistic(data, { epochs: 50, learningRate: 0.5, l2: 0 })]).toEqual([...a]);
  });
});

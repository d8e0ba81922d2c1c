import { describe, expect, it } from 'vitest';
import { Fact } from '../domain/case.ts';
import { miniCase } from '../testing/miniCase.ts';
import { criterionFor, GRADE_SCHEMA, graderMessage } from './prompt.ts';
import { JudgeConfig } from './schema.ts';

const fact = (assertion: string, statement: string): Fact =>
  Fact.parse({ id: 'f', category: 'risk.si.plan', assertion, statement, evidence: [2] });

describe('criterionFor', () => {
  it('states a present fact plainly, HealthBench-style', () => {
    expect(criterionFor(fact('present', 'Passive SI voiced'))).toBe('The note documents: Passive SI voiced');
  });
  it('frames a denial as a denial, so "has a plan" cannot meet "denied a plan"', () => {
    expect(criterionFor(fact('denied', 'any plan or preparation'))).toBe(
      'The note documents that the client denied: any plan or preparation',
    );
  });
  it('frames history as history', () => {
    expect(criterionFor(fact('historical', 'overdose at 19'))).toBe(
      'The note documents, as past history rather than current: overdose at 19',
    );
  });
});

describe('graderMessage', () => {
  it('carries the evidence turns only, the whole note, and one criterion', () => {
    const kase = miniCase();
    const msg = graderMessage(kase, kase.facts[0]!, '## Subjective\nA note.\n');
    expect(msg).toContain("[2] CLIENT: Sometimes I wish I just wouldn't wake up.");
    expect(msg).not.toContain('How has the week been?');
    expect(msg).toContain('<<<\n## Subjective\nA note.\n\n>>>');
    expect(msg.match(/Criterion:/g)).toHaveLength(1);
  });
  it('uses a strict schema: both fields required, nothing else allowed (OpenAI strict mode needs both)', () => {
    expect(GRADE_SCHEMA).toMatchObject({ type: 'object', required: ['criteria_met', 'explanation'], additionalProperties: false });
  });
});

describe('JudgeConfig', () => {
  it('defaults the key variable by kind, temperature 0 and concurrency 4', () => {
    expect(JudgeConfig.parse({ kind: 'openai', model: 'm' })).toMatchObject({
      apiKeyEnv: 'OPENAI_API_KEY',
      temperature: 0,
      concurrency: 4,
    });
    expect(JudgeConfig.parse({ kind: 'anthropic', model: 'm' }).apiKeyEnv).toBe('ANTHROPIC_API_KEY');
    expect(JudgeConfig.parse({ kind: 'anthropic', model: 'm', apiKeyEnv: 'JUDGE_KEY' }).apiKeyEnv).toBe('JUDGE_KEY');
  });
  it('rejects a key pasted where a variable name belongs, a bad URL and unknown keys', () => {
    expect(JudgeConfig.safeParse({ kind: 'openai', model: 'm', apiKeyEnv: 'test-judge-key' }).success).toBe(false);
    expect(JudgeConfig.safeParse({ kind: 'openai', model: 'm', baseURL: 'not a url' }).success).toBe(false);
    expect(JudgeConfig.safeParse({ kind: 'openai', model: 'm', apiKey: 'x' }).success).toBe(false);
  });
});

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { json, openAIChat, startLoopbackServer, type LoopbackServer, type Reply } from '../testing/loopbackServer.ts';
import { DEFAULTS } from '../config/paths.ts';
import { readRubrics } from '../config/rubrics.ts';
import type { Case } from '../domain/case.ts';
import type { NoteRecord } from '../domain/run.ts';
import type { Rubrics } from '../domain/rubrics.ts';
import { scoreNote } from '../scoring/index.ts';
import { openStore } from '../store/db.ts';
import { RunStore } from '../store/runStore.ts';
import { miniCase } from '../testing/miniCase.ts';
import { createJudge } from './client.ts';
import { judgeRecords, judgeRecordsWithVerdicts, type GradeCache } from './judgeRun.ts';
import { JudgeConfig } from './schema.ts';

const KEY = 'test-judge-key';
let rubrics: Rubrics;
let kase: Case;
let records: NoteRecord[];
let server: LoopbackServer | undefined;

beforeAll(async () => {
  rubrics = await readRubrics(DEFAULTS.rubrics);
  kase = miniCase();
  const record = (backendId: string, note: string): NoteRecord => ({
    backendId,
    caseId: kase.id,
    sample: 0,
    status: 'ok',
    note,
    error: null,
    latencyMs: 1,
    scorecard: scoreNote(note, kase, rubrics),
  });
  records = [
    record('catches-si', '## Subjective\nClient endorsed passive suicidal ideation: "I wish I just wouldn\'t wake up."\n'),
    record('misses-si', '## Subjective\nClient discussed the week and her sleep.\n'),
  ];
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const grade = (met: boolean, explanation = 'The note says so.'): string => JSON.stringify({ criteria_met: met, explanation });
const toolUse = (met: boolean): Reply =>
  json(200, {
    id: 'msg_j',
    type: 'message',
    role: 'assistant',
    model: 'claude-judge',
    content: [{ type: 'tool_use', id: 'toolu_1', name: 'grade', input: { criteria_met: met, explanation: 'Checked the note.' } }],
    stop_reason: 'tool_use',
    stop_sequence: null,
    usage: { input_tokens: 300, output_tokens: 20 },
  });

async function judgeOn(kind: 'openai' | 'anthropic', replies: Reply[]) {
  server ??= await startLoopbackServer(replies);
  const cfg = JudgeConfig.parse({
    kind,
    model: 'judge-model',
    baseURL: kind === 'openai' ? `${server.url}/v1` : server.url,
    apiKeyEnv: 'JUDGE_KEY',
  });
  return createJudge(cfg, { JUDGE_KEY: KEY });
}
const opts = (cache?: GradeCache) => ({ concurrency: 2, signal: new AbortController().signal, cache, sleep: async () => {} });
async function judgeWith(kind: 'openai' | 'anthropic', replies: Reply[], cache?: RunStore) {
  return judgeRecords(records, new Map([[kase.id, kase]]), await judgeOn(kind, replies), opts(cache?.judgements));
}

describe('LLM judge over OpenAI structured output', () => {
  it('grades one criterion per call with a strict JSON schema, and reports agreement and disagreements', async () => {
    const before = structuredClone(records);
    const result = await judgeWith('openai', [json(200, openAIChat(grade(true)))]);
    expect(server!.requests).toHaveLength(2);
    const body = server!.requests[0]!.body as {
      response_format: { type: string; json_schema: { name: string; strict: boolean; schema: { required: string[] } } };
      messages: { content: string }[];
    };
    expect(body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'grade', strict: true, schema: { required: ['criteria_met', 'explanation'] } },
    });
    expect(body.messages[1]!.content).toContain("[2] CLIENT: Sometimes I wish I just wouldn't wake up.");
    expect(body.messages[1]!.content).toContain('Criterion: The note documents: Passive SI voiced');
    expect(result).toMatchObject({ model: 'judge-model', graded: 2, agree: 1, kappa: 0, errors: [] });
    expect(result.disagreements).toEqual([
      expect.objectContaining({
        backendId: 'misses-si',
        factId: 'si-passive',
        deterministic: false,
        judge: true,
        judgeExplanation: 'The note says so.',
      }),
    ]);
    // The judge only reports: no record or scorecard changes, so the safety gate stands.
    expect(records).toEqual(before);
  });

  it('caches grades: a second identical judging makes no calls', async () => {
    const store = new RunStore(openStore(':memory:'));
    await judgeWith('openai', [json(200, openAIChat(grade(true)))], store);
    const again = await judgeWith('openai', [json(200, openAIChat(grade(true)))], store);
    expect(server!.requests).toHaveLength(2);
    expect(again.graded).toBe(2);
    store.close();
  });

  it('turns a malformed answer into an error entry, not a crash, and keeps the key out of it', async () => {
    const result = await judgeWith('openai', [json(200, openAIChat('{"criteria_met": "maybe"}'))]);
    expect(result.graded).toBe(0);
    expect(result.kappa).toBeNull();
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]!.message).toMatch(/grade schema/);
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('returns every verdict beside the agreement, skipping error records, with a plain in-memory cache', async () => {
    const failed: NoteRecord = {
      ...records[0]!,
      backendId: 'down',
      status: 'error',
      note: null,
      error: { code: 'HTTP_500', message: 'x' },
      scorecard: null,
    };
    const map = new Map<string, { met: boolean; explanation: string }>();
    const cache: GradeCache = { get: (k) => map.get(k) ?? null, put: (k, v) => void map.set(k, v) };
    const judge = await judgeOn('openai', [json(200, openAIChat(grade(true, 'Quoted.')))]);
    const first = await judgeRecordsWithVerdicts([...records, failed], new Map([[kase.id, kase]]), judge, opts(cache));
    expect(first.verdicts).toEqual([
      {
        backendId: 'catches-si',
        caseId: kase.id,
        sample: 0,
        factId: 'si-passive',
        criterion: 'The note documents: Passive SI voiced',
        met: true,
        explanation: 'Quoted.',
        deterministic: true,
      },
      expect.objectContaining({ backendId: 'misses-si', met: true, deterministic: false }),
    ]);
    expect(map.size).toBe(2);
    const second = await judgeRecordsWithVerdicts(records, new Map([[kase.id, kase]]), judge, opts(cache));
    expect(server!.requests).toHaveLength(2);
    expect(second).toEqual(first);
  });

  it('retries a 429 and then grades', async () => {
    const result = await judgeWith('openai', [
      json(429, { error: { message: 'slow' } }, { 'retry-after': '1' }),
      json(200, openAIChat(grade(false))),
    ]);
    expect(result.graded).toBe(2);
    expect(server!.requests.length).toBe(3);
  });
});

describe('LLM judge over Anthropic tool use', () => {
  it('forces the grade tool and reads its input', async () => {
    const before = structuredClone(records);
    const result = await judgeWith('anthropic', [toolUse(false)]);
    const body = server!.requests[0]!.body as { tool_choice: unknown; tools: { name: string; input_schema: { required: string[] } }[] };
    expect(body.tool_choice).toEqual({ type: 'tool', name: 'grade' });
    expect(body.tools[0]).toMatchObject({ name: 'grade', input_schema: { required: ['criteria_met', 'explanation'] } });
    expect(result).toMatchObject({ graded: 2, agree: 1 });
    expect(result.disagreements[0]).toMatchObject({ backendId: 'catches-si', deterministic: true, judge: false });
    // A judge that says "not captured" cannot fail a note either way: the scorecards stand.
    expect(records).toEqual(before);
  });

  it('reports an answer without the tool as an error', async () => {
    const result = await judgeWith('anthropic', [
      json(200, {
        id: 'm',
        type: 'message',
        role: 'assistant',
        model: 'c',
        content: [{ type: 'text', text: 'yes' }],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: 1, output_tokens: 1 },
      }),
    ]);
    expect(result.errors.map((e) => e.message)).toEqual([
      'judge: the answer did not use the grade tool',
      'judge: the answer did not use the grade tool',
    ]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { json, openAIChat, startLoopbackServer, type LoopbackServer, type Reply } from '../testing/loopbackServer.ts';
import { BackendError } from '../domain/errors.ts';
import { miniCase } from '../testing/miniCase.ts';
import { createJudge, type JudgeClientOptions } from './client.ts';
import { JudgeConfig } from './schema.ts';

const KEY = 'test-judge-key';
const kase = miniCase();
const req = { kase, fact: kase.facts[0]!, note: '## Subjective\nPassive SI voiced.\n' };
let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function judgeOn(kind: 'openai' | 'anthropic', replies: Reply[], opts: JudgeClientOptions = {}) {
  server = await startLoopbackServer(replies);
  const cfg = JudgeConfig.parse({
    kind,
    model: 'judge-model',
    baseURL: kind === 'openai' ? `${server.url}/v1` : server.url,
    apiKeyEnv: 'JUDGE_KEY',
  });
  return createJudge(cfg, { JUDGE_KEY: KEY }, opts);
}

async function failureOf(p: Promise<unknown>): Promise<BackendError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BackendError);
  return err as BackendError;
}

const signal = new AbortController().signal;

describe('createJudge', () => {
  it('sends the key only as a header, and keeps it out of a 401 message even when the vendor echoes it', async () => {
    for (const kind of ['openai', 'anthropic'] as const) {
      const judge = await judgeOn(kind, [
        json(401, { type: 'error', error: { type: 'authentication_error', message: `Incorrect API key provided: ${KEY}` } }),
      ]);
      const err = await failureOf(judge.grade(req, signal));
      expect(err.code).toBe('AUTH');
      expect(err.retryable).toBe(false);
      expect(`${err.message} ${String(err.stack)}`).not.toContain(KEY);
      const seen = server!.requests[0]!;
      expect(JSON.stringify(seen.body)).not.toContain(KEY);
      // Both SDK majors in use authenticate with a bearer header.
      expect(seen.headers.authorization).toBe(`Bearer ${KEY}`);
      await server!.close();
      server = undefined;
    }
  });

  it('sends temperature 0 by default and the grader instructions as the system message', async () => {
    const judge = await judgeOn('openai', [json(200, openAIChat(JSON.stringify({ criteria_met: true, explanation: 'ok' })))]);
    await expect(judge.grade(req, signal)).resolves.toEqual({ criteria_met: true, explanation: 'ok' });
    const body = server!.requests[0]!.body as { temperature: number; model: string; messages: { role: string }[] };
    expect(body).toMatchObject({ model: 'judge-model', temperature: 0 });
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
  });

  it('times out a judge that never answers, as a retryable error (options object)', async () => {
    const judge = await judgeOn('openai', [() => {}], { timeoutMs: 100 });
    const err = await failureOf(judge.grade(req, signal));
    expect(['TIMEOUT', 'CONNECTION']).toContain(err.code);
    expect(err.retryable).toBe(true);
  });

  it('reports a refusal as a bad response, not as unparsable JSON', async () => {
    const refusal = json(200, {
      ...(openAIChat(null) as object),
      choices: [
        { index: 0, message: { role: 'assistant', content: null, refusal: 'I cannot help.' }, finish_reason: 'stop', logprobs: null },
      ],
    });
    const err = await failureOf((await judgeOn('openai', [refusal])).grade(req, signal));
    expect(err).toMatchObject({ code: 'BAD_RESPONSE', message: 'judge: the model refused to grade' });
  });

  it('rejects a non-JSON or off-schema answer as BAD_RESPONSE', async () => {
    const judge = await judgeOn('openai', [
      json(200, openAIChat('yes, it does')),
      json(200, openAIChat('{"criteria_met":true,"explanation":"x","extra":1}')),
    ]);
    expect((await failureOf(judge.grade(req, signal))).message).toBe('judge: the answer was not JSON');
    expect((await failureOf(judge.grade(req, signal))).message).toBe('judge: the answer did not match the grade schema');
  });

  it('fingerprints the question and the settings, never the key', async () => {
    const judge = await judgeOn('openai', []);
    const fp = judge.fingerprint(req);
    expect(fp).not.toContain(KEY);
    expect(fp).toContain('judge-model');
    expect(judge.fingerprint({ ...req, note: 'another note' })).not.toBe(fp);
    expect(judge.fingerprint({ ...req })).toBe(fp);
  });

  it('refuses to start without the key, naming the variable', () => {
    const cfg = JudgeConfig.parse({ kind: 'anthropic', model: 'm' });
    expect(() => createJudge(cfg, {})).toThrow(/ANTHROPIC_API_KEY/);
  });
});

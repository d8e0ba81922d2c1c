import { describe, expect, it } from 'vitest';
import { useLoopback } from '../testing/loopbackSuite.ts';
import { BackendError } from '../domain/errors.ts';
import { miniCase } from '../testing/miniCase.ts';
import { json, openAIChat, raw, type LoopbackServer, type Reply } from '../testing/loopbackServer.ts';
import { createOpenAIBackend } from './openai.ts';

const KEY = 'fake-openai-key-for-loopback';
let server: LoopbackServer | undefined;

const lb = useLoopback();

async function generateWith(...replies: Reply[]) {
  server = await lb.start(replies);
  const backend = createOpenAIBackend(
    { id: 'vendor-a', model: 'gpt-test', baseURL: `${server.url}/v1`, apiKeyEnv: 'VENDOR_A_KEY', timeoutMs: 2000 },
    lb.rubrics,
    { VENDOR_A_KEY: KEY },
  );
  return backend.generate({ kase: miniCase(), sample: 0 }, { signal: new AbortController().signal });
}

async function failureOf(promise: Promise<unknown>): Promise<BackendError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BackendError);
  return err as BackendError;
}

describe('openai backend (through the real SDK, against a loopback server)', () => {
  it('sends the transcript and format, with the key only in the auth header', async () => {
    const out = await generateWith(json(200, openAIChat('## Subjective\nA note.')));
    expect(out.note).toContain('A note.');
    expect(out.usage).toEqual({ inputTokens: 1200, outputTokens: 300 });
    const req = server!.requests[0]!;
    expect(req.url).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
    const body = req.body as { model: string; messages: { content: string }[] };
    expect(body.model).toBe('gpt-test');
    expect(body.messages[1]?.content).toContain("wouldn't wake up");
    expect(body.messages[1]?.content).toContain('## Subjective');
    expect(JSON.stringify(body)).not.toContain(KEY);
  });

  it('reports a 429 as retryable with the wait the server asked for (the runner retries, not the SDK)', async () => {
    const err = await failureOf(
      generateWith(json(429, { error: { message: 'slow down' } }, { 'retry-after': '2' }), json(200, openAIChat('ok note'))),
    );
    expect(err).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterMs: 2000 });
    expect(server!.requests).toHaveLength(1);
  });

  it('reports a 500 as retryable', async () => {
    const err = await failureOf(generateWith(json(500, { error: { message: 'boom' } })));
    expect(err).toMatchObject({ code: 'HTTP_500', retryable: true, retryAfterMs: null });
  });

  it('reports a cut-off note as truncated rather than scoring half a note', async () => {
    const err = await failureOf(generateWith(json(200, openAIChat('## Subjective\nClient rep', 'length'))));
    expect(err.code).toBe('TRUNCATED');
  });

  it('reports empty content', async () => {
    expect((await failureOf(generateWith(json(200, openAIChat(''))))).code).toBe('EMPTY_NOTE');
  });

  it('reports malformed JSON without crashing', async () => {
    const err = await failureOf(generateWith(raw(200, '{"id": "x", "choices": [')));
    expect(err.message).not.toContain(KEY);
  });

  it('maps a 401 to AUTH, not retryable, and never echoes the key', async () => {
    const err = await failureOf(generateWith(json(401, { error: { message: `bad key ${KEY}` } })));
    expect(err.code).toBe('AUTH');
    expect(err.retryable).toBe(false);
    expect(err.message).not.toContain(KEY);
  });

  it('times out a server that never answers', async () => {
    server = await lb.start([() => {}]);
    const backend = createOpenAIBackend(
      { id: 'slow', model: 'gpt-test', baseURL: `${server.url}/v1`, apiKeyEnv: 'K', timeoutMs: 100 },
      lb.rubrics,
      { K: KEY },
    );
    const err = await failureOf(backend.generate({ kase: miniCase(), sample: 0 }, { signal: new AbortController().signal }));
    expect(['TIMEOUT', 'CONNECTION']).toContain(err.code);
    expect(err.retryable).toBe(true);
  });

  it('refuses to start without the key, naming the variable and not a value', () => {
    expect(() => createOpenAIBackend({ id: 'v', model: 'm', apiKeyEnv: 'MISSING_KEY', timeoutMs: 1000 }, lb.rubrics, {})).toThrow(
      /MISSING_KEY/,
    );
  });
});

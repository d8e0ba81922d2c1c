import { describe, expect, it } from 'vitest';
import { useLoopback } from '../testing/loopbackSuite.ts';
import { BackendError } from '../domain/errors.ts';
import { miniCase } from '../testing/miniCase.ts';
import { createAnthropicBackend } from './anthropic.ts';
import { anthropicMessage, json, type LoopbackServer, type Reply } from '../testing/loopbackServer.ts';

const KEY = 'fake-anthropic-key-for-loopback';
let server: LoopbackServer | undefined;

const lb = useLoopback();

async function generateWith(...replies: Reply[]) {
  server = await lb.start(replies);
  const backend = createAnthropicBackend(
    { id: 'vendor-b', model: 'claude-test', baseURL: server.url, apiKeyEnv: 'VENDOR_B_KEY', maxTokens: 1024, timeoutMs: 2000 },
    lb.rubrics,
    { VENDOR_B_KEY: KEY },
  );
  return backend.generate({ kase: miniCase(), sample: 0 }, { signal: new AbortController().signal });
}

describe('anthropic backend (through the real SDK, against a loopback server)', () => {
  it('posts to /v1/messages with the key only in the auth header, and reads the text blocks', async () => {
    const out = await generateWith(json(200, anthropicMessage('## Subjective\nNote text.')));
    expect(out.note).toContain('Note text.');
    expect(out.usage).toEqual({ inputTokens: 1100, outputTokens: 280 });
    const req = server!.requests[0]!;
    expect(req.url).toBe('/v1/messages');
    // SDK 1.x sends the key as a bearer token; older ones used x-api-key. Either is the header, never the body.
    const sent = req.headers['x-api-key'] ?? req.headers.authorization?.replace(/^Bearer /, '');
    expect(sent).toBe(KEY);
    expect(JSON.stringify(req.body)).not.toContain(KEY);
    const body = req.body as { max_tokens: number; system: string; messages: { content: string }[] };
    expect(body.max_tokens).toBe(1024);
    expect(body.messages[0]?.content).toContain("wouldn't wake up");
  });

  it('reports a 429 as retryable with the wait from retry-after (the runner retries, not the SDK)', async () => {
    const err = (await generateWith(
      json(429, { type: 'error', error: { type: 'rate_limit_error', message: 'slow' } }, { 'retry-after': '7' }),
      json(200, anthropicMessage('second try')),
    ).catch((e: unknown) => e)) as BackendError;
    expect(err).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterMs: 7000 });
    expect(server!.requests).toHaveLength(1);
  });

  it('reports max_tokens as truncated and an empty message as empty', async () => {
    const cut = await generateWith(json(200, anthropicMessage('half a no', 'max_tokens'))).catch((e: unknown) => e);
    expect((cut as BackendError).code).toBe('TRUNCATED');
    await server?.close();
    const empty = await generateWith(json(200, anthropicMessage(''))).catch((e: unknown) => e);
    expect((empty as BackendError).code).toBe('EMPTY_NOTE');
  });

  it('maps an overloaded 529 to a retryable error without the key', async () => {
    const err = (await generateWith(
      json(529, { type: 'error', error: { type: 'overloaded_error', message: 'busy' } }, { 'retry-after-ms': '5' }),
    ).catch((e: unknown) => e)) as BackendError;
    expect(err).toBeInstanceOf(BackendError);
    expect(err.retryable).toBe(true);
    expect(err.message).not.toContain(KEY);
  });
});

import { describe, expect, it } from 'vitest';
import { useLoopback } from '../testing/loopbackSuite.ts';
import { createAnthropicBackend } from '../backends/anthropic.ts';
import { anthropicMessage, json, openAIChat, raw, type LoopbackServer, type Reply } from '../testing/loopbackServer.ts';
import { createOpenAIBackend } from '../backends/openai.ts';
import { miniCase } from '../testing/miniCase.ts';
import type { RunEvent } from './events.ts';
import { generateNotes } from './generate.ts';

// The runner and the real SDKs together, against loopback servers speaking each wire format.
let server: LoopbackServer | undefined;
const lb = useLoopback();

async function runAgainst(wire: 'openai' | 'anthropic', replies: Reply[], over: { timeoutMs?: number; retries?: number } = {}) {
  server = await lb.start(replies);
  const common = { id: 'vendor', model: 'm', apiKeyEnv: 'K', timeoutMs: over.timeoutMs ?? 5000 };
  const backend =
    wire === 'openai'
      ? createOpenAIBackend({ ...common, baseURL: `${server.url}/v1` }, lb.rubrics, { K: 'loopback-wire-key' })
      : createAnthropicBackend({ ...common, baseURL: server.url, maxTokens: 1024 }, lb.rubrics, { K: 'loopback-wire-key' });
  const events: RunEvent[] = [];
  const waits: number[] = [];
  const [note] = await generateNotes([backend], [miniCase()], {
    samples: 1,
    concurrency: 1,
    timeoutMs: common.timeoutMs,
    retries: over.retries ?? 2,
    signal: new AbortController().signal,
    onEvent: (e) => events.push(e),
    sleep: async (ms) => void waits.push(ms),
  });
  return { note: note!, events, waits, requests: server.requests.length };
}

describe('runner over the OpenAI wire format', () => {
  it('succeeds first time with no retry', async () => {
    const r = await runAgainst('openai', [json(200, openAIChat('## Subjective\nFine.'))]);
    expect(r.note.output?.note).toContain('Fine.');
    expect(r.requests).toBe(1);
    expect(r.events.some((e) => e.kind === 'retry')).toBe(false);
  });

  it('waits out a 429 for exactly the Retry-After, then succeeds', async () => {
    const r = await runAgainst('openai', [
      json(429, { error: { message: 'slow down' } }, { 'retry-after': '3' }),
      json(200, openAIChat('after the wait')),
    ]);
    expect(r.note.output?.note).toBe('after the wait');
    expect(r.waits).toEqual([3000]);
    expect(r.requests).toBe(2);
  });

  it('retries a 500 with backoff, then succeeds', async () => {
    const r = await runAgainst('openai', [json(500, { error: { message: 'upstream' } }), json(200, openAIChat('recovered'))]);
    expect(r.note.output?.note).toBe('recovered');
    expect(r.waits).toHaveLength(1);
    expect(r.waits[0]).toBeGreaterThanOrEqual(250);
  });

  it('times out each silent call, retries, and records TIMEOUT after the budget', async () => {
    const r = await runAgainst('openai', [() => {}], { timeoutMs: 150, retries: 1 });
    expect(r.note.error?.code).toBe('TIMEOUT');
    expect(r.requests).toBe(2);
  });

  it('does not retry malformed JSON, empty content or a truncated note, and says which', async () => {
    const malformed = await runAgainst('openai', [raw(200, '{"id": "x", "choices": [')]);
    expect(malformed.note.error?.code).toBe('BAD_RESPONSE');
    expect(malformed.requests).toBe(1);
    await server?.close();
    const empty = await runAgainst('openai', [json(200, openAIChat(''))]);
    expect(empty.note.error?.code).toBe('EMPTY_NOTE');
    await server?.close();
    const cut = await runAgainst('openai', [json(200, openAIChat('## Subjective\nClient rep', 'length'))]);
    expect(cut.note.error).toMatchObject({ code: 'TRUNCATED', message: expect.stringMatching(/token limit/) });
    expect(cut.requests).toBe(1);
  });
});

describe('runner over the Anthropic wire format', () => {
  it('retries an overloaded 529 and a 429 with retry-after, then succeeds', async () => {
    const r = await runAgainst('anthropic', [
      json(529, { type: 'error', error: { type: 'overloaded_error', message: 'busy' } }),
      json(429, { type: 'error', error: { type: 'rate_limit_error', message: 'slow' } }, { 'retry-after': '2' }),
      json(200, anthropicMessage('third time')),
    ]);
    expect(r.note.output?.note).toBe('third time');
    expect(r.requests).toBe(3);
    expect(r.waits[1]).toBe(2000);
  });

  it('reports max_tokens as truncated without retrying', async () => {
    const r = await runAgainst('anthropic', [json(200, anthropicMessage('half a no', 'max_tokens'))]);
    expect(r.note.error?.code).toBe('TRUNCATED');
    expect(r.requests).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { useLoopback } from '../testing/loopbackSuite.ts';
import { z } from 'zod';
import { BackendError, InputError } from '../domain/errors.ts';
import { miniCase } from '../testing/miniCase.ts';
import { createHttpBackend } from './http.ts';
import { HttpBackendFields, type HttpBackendConfig } from './httpConfig.ts';
import { json, raw, type LoopbackServer, type Reply } from '../testing/loopbackServer.ts';

const SECRET = 'test-secret-value-123';
let server: LoopbackServer | undefined;
const lb = useLoopback();

const config = (over: Record<string, unknown>): HttpBackendConfig => ({
  id: 'vendor-h',
  ...z.object(HttpBackendFields).parse({ notePath: 'data.note', ...over }),
});

async function backendFor(replies: Reply[], over: Record<string, unknown> = {}) {
  server = await lb.start(replies);
  const waits: number[] = [];
  const backend = createHttpBackend(
    config({ url: `${server.url}/v2/notes?tenant=acme`, auth: { env: 'VENDOR_H_KEY', header: 'X-Api-Key', prefix: '' }, ...over }),
    {
      rubrics: lb.rubrics,
      env: { VENDOR_H_KEY: SECRET },
      wait: async (ms) => void waits.push(ms),
    },
  );
  return { backend, waits };
}

const generate = (b: ReturnType<typeof createHttpBackend>, sample = 0) =>
  b.generate({ kase: miniCase(), sample }, { signal: new AbortController().signal });
const failure = async (p: Promise<unknown>): Promise<BackendError> => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(BackendError);
  return e as BackendError;
};

describe('http backend (a vendor REST API on a loopback server)', () => {
  it('posts the templated body with the secret header and reads the note at its path', async () => {
    const { backend } = await backendFor(
      [json(200, { data: { note: '## Subjective\nVendor note.', id: 'job-9' }, meta: { tokens: { in: 5100, out: 420 } } })],
      {
        body: '{"case": {{json caseId}}, "format": {{json noteFormat}}, "transcript": {{json transcript}}, "sample": {{sample}} }',
        idPath: 'data.id',
        usagePaths: { input: 'meta.tokens.in', output: 'meta.tokens.out' },
      },
    );
    const out = await generate(backend, 2);
    expect(out).toEqual({ note: '## Subjective\nVendor note.', responseId: 'job-9', usage: { inputTokens: 5100, outputTokens: 420 } });
    const req = server!.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/v2/notes?tenant=acme');
    expect(req.headers['x-api-key']).toBe(SECRET);
    // The transcript's apostrophes and line breaks arrive intact inside valid JSON.
    expect(req.body).toEqual({
      case: 'mini-case',
      format: 'soap',
      transcript: "THERAPIST: How has the week been?\nCLIENT: Sometimes I wish I just wouldn't wake up.",
      sample: 2,
    });
  });

  it('sends the bundled prompt by default', async () => {
    const { backend } = await backendFor([json(200, { data: { note: 'n' } })]);
    await generate(backend);
    expect((server!.requests[0]!.body as { prompt: string }).prompt).toContain('## Subjective');
  });

  it('reports a 429 as retryable with the Retry-After wait, and never echoes the secret', async () => {
    const { backend } = await backendFor([json(429, { error: `slow down, key ${SECRET}` }, { 'retry-after': '2' })]);
    const err = await failure(generate(backend));
    expect(err).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterMs: 2000, status: 429 });
    expect(err.message).not.toContain(SECRET);
    expect(err.message).not.toContain('tenant=acme');
  });

  it('maps 500 to retryable and 401 to AUTH, not retryable', async () => {
    const five = await failure(
      (await backendFor([json(500, {})])).backend.generate({ kase: miniCase(), sample: 0 }, { signal: new AbortController().signal }),
    );
    expect(five).toMatchObject({ code: 'HTTP_500', retryable: true });
    await server?.close();
    const auth = await failure(generate((await backendFor([json(401, { error: `key ${SECRET} rejected` })])).backend));
    expect(auth).toMatchObject({ code: 'AUTH', retryable: false });
    expect(auth.message).not.toContain(SECRET);
  });

  it('reports malformed JSON and a missing note path', async () => {
    expect((await failure(generate((await backendFor([raw(200, '{"data": {')])).backend))).code).toBe('BAD_RESPONSE');
    await server?.close();
    expect((await failure(generate((await backendFor([json(200, { data: { text: 'wrong field' } })])).backend))).code).toBe('EMPTY_NOTE');
  });

  it('submits, then polls the job until it is done', async () => {
    const waits: number[] = [];
    const s = await lb.start([
      json(202, { job: { id: 'j-41' } }),
      json(200, { status: 'running' }),
      json(200, { status: 'running' }),
      json(200, { status: 'done', result: { note: 'Polled note.' } }),
    ]);
    server = s;
    // The poll URL is a template over the submit response.
    const polling = createHttpBackend(
      config({
        url: `${s.url}/submit`,
        notePath: 'result.note',
        auth: { env: 'VENDOR_H_KEY' },
        poll: { url: `${s.url}/jobs/{{job.id}}`, statusPath: 'status', intervalMs: 500 },
      }),
      {
        rubrics: lb.rubrics,
        env: { VENDOR_H_KEY: SECRET },
        wait: async (ms) => void waits.push(ms),
      },
    );
    const out = await generate(polling);
    expect(out.note).toBe('Polled note.');
    expect(s.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /submit', 'GET /jobs/j-41', 'GET /jobs/j-41', 'GET /jobs/j-41']);
    expect(s.requests.every((r) => r.headers.authorization === `Bearer ${SECRET}`)).toBe(true);
    expect(waits).toEqual([500, 500, 500]);
  });

  it('stops polling when the vendor reports failure, and gives up after maxPolls', async () => {
    server = await lb.start([json(200, { id: 'j' }), json(200, { state: 'failed' })]);
    const mk = (maxPolls: number) =>
      createHttpBackend(
        config({ url: `${server!.url}/s`, notePath: 'note', poll: { url: `${server!.url}/j/{{id}}`, statusPath: 'state', maxPolls } }),
        { rubrics: lb.rubrics, env: {}, wait: async () => {} },
      );
    expect((await failure(generate(mk(5)))).code).toBe('VENDOR_FAILED');
    await server.close();
    server = await lb.start([json(200, { id: 'j' }), json(200, { state: 'queued' })]);
    const err = await failure(generate(mk(3)));
    expect(err).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(server.requests).toHaveLength(4);
  });

  it('refuses a body template that does not make JSON, naming the backend and the fix', async () => {
    const { backend } = await backendFor([json(200, { data: { note: 'n' } })], { body: '{"transcript": {{transcript}} }' });
    await expect(generate(backend)).rejects.toBeInstanceOf(InputError);
    await expect(generate(backend)).rejects.toThrow(/vendor-h.*json transcript/s);
  });

  it('names the missing environment variable, not a value', () => {
    expect(() =>
      createHttpBackend(config({ url: 'http://127.0.0.1:1/x', auth: { env: 'MISSING_VENDOR_KEY' } }), { rubrics: lb.rubrics, env: {} }),
    ).toThrow(/MISSING_VENDOR_KEY/);
  });

  it('keys the cache on the request and sample, and never on the secret', async () => {
    const { backend } = await backendFor([json(200, { data: { note: 'n' } })], { body: '{"t": {{json transcript}}, "s": {{sample}} }' });
    const fp = (sample: number, kase = miniCase()) => backend.fingerprint!({ kase, sample });
    expect(fp(0)).toBe(fp(0));
    expect(fp(0)).not.toBe(fp(1));
    // A different session is a different request (the runner adds the case id on top).
    const other = miniCase({
      transcript: {
        ...miniCase().transcript,
        turns: [{ number: 1, speaker: 'CLIENT', role: 'client', text: 'A different session.', line: 1 }],
      },
    });
    expect(fp(0)).not.toBe(fp(0, other));
    expect(fp(0)).not.toContain(SECRET);
  });

  it('stops when the run is cancelled', async () => {
    const { backend } = await backendFor([() => {}]);
    const controller = new AbortController();
    const pending = backend.generate({ kase: miniCase(), sample: 0 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED', retryable: false });
  });
});

import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, openAIChat, startLoopbackServer, type LoopbackServer } from '../testing/loopbackServer.ts';
import { DEFAULTS } from '../config/paths.ts';
import type { Case } from '../domain/case.ts';
import { RunResult } from '../domain/run.ts';
import { runCli, type CliResult } from '../testing/cliHarness.ts';
import { E2E_CASES, loadE2ECases, referenceNoteReply } from '../testing/fakeVendors.ts';

// Obviously fake keys; the test proves neither reaches any output.
const OPENAI_KEY = 'loopback-openai-key-7f3a9c';
const ANTHROPIC_KEY = 'loopback-anthropic-key-2b8d41';
const REST_KEY = 'loopback-rest-key-c0ffee';
const JUDGE_KEY = 'loopback-judge-key-77aa';

let dir: string;
let cases: Case[];
let openai: LoopbackServer;
let anthropic: LoopbackServer;
let rest: LoopbackServer;
let judge: LoopbackServer;
const runs: { result: CliResult; report: RunResult; out: string }[] = [];

async function auditOnce(name: string): Promise<void> {
  const out = path.join(dir, name);
  const result = await runCli(
    [
      'run',
      '--config',
      path.join(dir, 'scribe-audit.config.yaml'),
      '--out',
      out,
      '--store',
      path.join(dir, 'store.db'),
      '--format',
      'html,json,md,junit,csv',
    ],
    {
      cwd: dir,
      env: { CI: 'true', VENDOR_A_KEY: OPENAI_KEY, VENDOR_B_KEY: ANTHROPIC_KEY, VENDOR_C_KEY: REST_KEY, JUDGE_KEY },
    },
  );
  const report = RunResult.parse(JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')));
  runs.push({ result, report, out });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-vendors-'));
  cases = await loadE2ECases();
  // The first OpenAI call is rate limited; the runner must wait and retry, not fail.
  openai = await startLoopbackServer([
    json(429, { error: { message: 'Rate limit reached', type: 'requests' } }, { 'retry-after': '1' }),
    referenceNoteReply(cases, 'openai'),
  ]);
  anthropic = await startLoopbackServer([referenceNoteReply(cases, 'anthropic')]);
  rest = await startLoopbackServer([referenceNoteReply(cases, 'rest')]);
  judge = await startLoopbackServer([json(200, openAIChat(JSON.stringify({ criteria_met: true, explanation: 'The note records it.' })))]);
  const config = [
    `fixtures: ${DEFAULTS.fixtures}`,
    `cases: [${E2E_CASES.join(', ')}]`,
    'samples: 2',
    `judge: { kind: openai, model: judge-model, baseURL: "${judge.url}/v1", apiKeyEnv: JUDGE_KEY, categories: ["risk."] }`,
    'backends:',
    '  - { id: vendor-a, kind: openai, model: gpt-test, baseURL: "' +
      `${openai.url}/v1` +
      '", apiKeyEnv: VENDOR_A_KEY, price: { inputPerMTok: 2.5, outputPerMTok: 10 } }',
    '  - { id: vendor-b, kind: anthropic, model: claude-test, baseURL: "' + anthropic.url + '", apiKeyEnv: VENDOR_B_KEY, rpm: 600 }',
    '  - { id: vendor-c, kind: http, url: "' +
      `${rest.url}/v1/notes` +
      '", auth: { env: VENDOR_C_KEY }, notePath: data.note, idPath: data.id }',
  ].join('\n');
  await writeFile(path.join(dir, 'scribe-audit.config.yaml'), config);
  await auditOnce('first');
  await auditOnce('second');
}, 120_000);

afterAll(async () => {
  await Promise.all([openai?.close(), anthropic?.close(), rest?.close(), judge?.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe('run against OpenAI, Anthropic and vendor-REST loopback servers (the SDKs for the first two)', () => {
  const items = E2E_CASES.length * 2;

  it('retries through the 429, honouring Retry-After, and writes every note', () => {
    const [first] = runs;
    expect(first!.result.code).toBe(0);
    expect(openai.requests).toHaveLength(items + 1);
    expect(anthropic.requests).toHaveLength(items);
    expect(rest.requests).toHaveLength(items);
    expect(first!.report.records.filter((r) => r.status === 'ok')).toHaveLength(items * 3);
    expect(first!.result.stderr).toMatch(/retry 1 for vendor-a\/.* in 1000 ms/);
  });

  it('makes no new calls on a second identical run, and reports the same notes', () => {
    const [first, second] = runs;
    expect(second!.result.code).toBe(0);
    expect(openai.requests).toHaveLength(items + 1);
    expect(anthropic.requests).toHaveLength(items);
    expect(rest.requests).toHaveLength(items);
    const notes = (r: RunResult): string[] => r.records.map((x) => `${x.backendId}/${x.caseId}#${x.sample}:${x.note}`);
    expect(notes(second!.report)).toEqual(notes(first!.report));
  });

  it('grades every risk fact of every note, asks each distinct question once, caches it, and reports agreement', () => {
    const [first, second] = runs;
    const riskFacts = cases.reduce((n, c) => n + c.facts.filter((f) => f.category.startsWith('risk.')).length, 0);
    const graded = riskFacts * 2 * 3;
    expect(first!.report.judge).toMatchObject({ model: 'judge-model', graded, errors: [] });
    // Every backend returned the same reference note, so each question was asked once.
    expect(judge.requests).toHaveLength(riskFacts);
    expect(second!.report.judge?.graded).toBe(graded);
    // Reference notes capture their risk facts, so a judge that says "met" agrees throughout.
    expect(first!.report.judge?.agree).toBe(graded);
    expect(first!.result.stdout).toMatch(/LLM judge judge-model: agreed on \d+\/\d+ criteria/);
  });

  it('prices tokens from the config and records latency per note', () => {
    const vendorA = runs[0]!.report.summaries.find((s) => s.backendId === 'vendor-a')!;
    // openAIChat reports 1,200 prompt and 300 completion tokens per call.
    expect(vendorA.inputTokens).toBe(items * 1200);
    expect(vendorA.costUsd).toBeCloseTo((items * (1200 * 2.5 + 300 * 10)) / 1e6, 6);
    expect(runs[0]!.report.summaries.find((s) => s.backendId === 'vendor-b')!.costUsd).toBeNull();
    expect(runs[0]!.report.records.every((r) => r.latencyMs >= 0)).toBe(true);
  });

  it('sends each key only to its own vendor, in the auth header', () => {
    expect(openai.requests.every((r) => r.headers.authorization === `Bearer ${OPENAI_KEY}`)).toBe(true);
    // SDK versions differ on the header (x-api-key or a bearer token); either way only this key.
    expect(
      anthropic.requests.every((r) => (r.headers['x-api-key'] ?? r.headers.authorization?.replace(/^Bearer /, '')) === ANTHROPIC_KEY),
    ).toBe(true);
    expect(JSON.stringify(anthropic.requests.map((r) => r.headers))).not.toContain(OPENAI_KEY);
    expect(rest.requests.every((r) => r.headers.authorization === `Bearer ${REST_KEY}`)).toBe(true);
  });

  it('never writes a key to a report, the store, stdout or stderr', async () => {
    const files = [
      path.join(dir, 'store.db'),
      ...(await Promise.all(runs.map(async (r) => (await readdir(r.out)).map((f) => path.join(r.out, f))))).flat(),
    ];
    for (const f of files) {
      const bytes = await readFile(f);
      for (const key of [OPENAI_KEY, ANTHROPIC_KEY, REST_KEY, JUDGE_KEY]) expect(bytes.includes(key), `${key} in ${f}`).toBe(false);
    }
    for (const { result } of runs)
      for (const key of [OPENAI_KEY, ANTHROPIC_KEY, REST_KEY, JUDGE_KEY]) expect(result.stdout + result.stderr).not.toContain(key);
  });
});

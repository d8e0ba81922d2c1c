import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAIChat, startLoopbackServer, json, type LoopbackServer } from '../testing/loopbackServer.ts';
import { DEFAULTS } from '../config/paths.ts';
import { runCli } from '../testing/cliHarness.ts';

/**
 * The preflight contract: every malformed input exits 2 naming the file (or flag) and a
 * fix, before the first backend call. The vendor is a real OpenAI-wire server on
 * 127.0.0.1 that counts requests, so "before any call" is measured, not assumed.
 */
let vendor: LoopbackServer;
let dir: string;
const CASE = 'ipt-role-dispute-no-risk';

beforeAll(async () => {
  vendor = await startLoopbackServer([json(200, openAIChat('## Subjective\nClient discussed a role dispute.'))]);
});
afterAll(async () => vendor.close());
beforeEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = await mkdtemp(path.join(tmpdir(), 'scribe-audit-preflight-'));
  await cp(path.join(DEFAULTS.fixtures, CASE), path.join(dir, 'cases', CASE), { recursive: true });
  await mkdir(path.join(dir, 'vendors'));
  await writeFile(path.join(dir, 'config.yaml'), baseConfig());
});

const baseConfig = (extra = '', backendExtra = ''): string =>
  `backends:\n  - id: vendor\n    kind: openai\n    model: gpt-test\n    baseURL: ${vendor.url}/v1\n    apiKeyEnv: TEST_VENDOR_KEY\n${backendExtra}${extra}`;

const at = (...parts: string[]): string => path.join(dir, ...parts);
const put = (name: string, content: string | Uint8Array): Promise<void> => writeFile(at(name), content);
const caseFile = (name: string): string => path.join('cases', CASE, name);
const latin1 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
const utf16 = (s: string): Uint8Array => new Uint8Array([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]);
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0x01]);

interface Row {
  name: string;
  /** Files to write or change before the run. */
  arrange?: () => Promise<void>;
  /** Extra arguments to `run`. */
  args?: string[];
  env?: Record<string, string>;
  /** What stderr must say. */
  says: RegExp;
  /** A path (relative to the temp folder) or flag stderr must name. */
  names: string;
}

const config =
  (extra: string, backendExtra = ''): (() => Promise<void>) =>
  () =>
    put('config.yaml', baseConfig(extra, backendExtra));
const backend = (yaml: string): (() => Promise<void>) => config(`  - id: other\n${yaml}`);

const ROWS: Row[] = [
  // The config file itself.
  { name: 'config file missing', args: ['--config', 'nope.yaml'], says: /config file not found/, names: 'nope.yaml' },
  { name: 'config YAML syntax error', arrange: () => put('config.yaml', 'backends: [\n'), says: /config\.yaml:\d+/, names: 'config.yaml' },
  { name: 'unknown backend kind', arrange: backend('    kind: whisper\n'), says: /kind/, names: 'config.yaml' },
  { name: 'unknown top-level key', arrange: config('colour: blue\n'), says: /colour/, names: 'config.yaml' },
  { name: 'samples 0 in config', arrange: config('samples: 0\n'), says: /samples/, names: 'config.yaml' },
  { name: 'samples over 100 in config', arrange: config('samples: 101\n'), says: /samples/, names: 'config.yaml' },
  { name: 'concurrency over 256 in config', arrange: config('concurrency: 1000\n'), says: /concurrency/, names: 'config.yaml' },
  {
    name: 'duplicate backend ids',
    arrange: config('  - id: vendor\n    kind: reference\n    variant: gold\n'),
    says: /used twice/,
    names: 'config.yaml',
  },
  {
    name: 'control and baseline at once',
    arrange: config('', '    baseline: true\n    control: { expect: pass }\n'),
    says: /both a control and a baseline/,
    names: 'config.yaml',
  },
  {
    name: 'API key written into the config',
    arrange: config('', '    apiKey: sk-live-1234567890abcdef\n'),
    says: /apiKey/,
    names: 'config.yaml',
  },
  {
    name: 'Authorization header with a literal token',
    arrange: backend(
      '    kind: http\n    url: https://vendor.example/notes\n    notePath: note\n    headers:\n      Authorization: "Bearer abcdefgh12345678"\n',
    ),
    says: /header "Authorization" holds a literal credential/,
    names: 'config.yaml:12',
  },
  {
    name: 'x-api-key header',
    arrange: backend('    kind: http\n    url: https://vendor.example/notes\n    notePath: note\n    headers:\n      x-api-key: "k-123"\n'),
    says: /x-api-key/,
    names: 'config.yaml',
  },
  {
    name: 'sk- key in an innocent-looking header',
    arrange: backend(
      '    kind: http\n    url: https://vendor.example/notes\n    notePath: note\n    headers:\n      X-Vendor: "sk-ant-abcdefghijklmnop"\n',
    ),
    says: /literal credential/,
    names: 'config.yaml',
  },
  {
    name: 'key in the URL query',
    arrange: backend('    kind: http\n    url: "https://vendor.example/notes?api_key=abc123"\n    notePath: note\n'),
    says: /query parameter "api_key"/,
    names: 'config.yaml:9',
  },
  {
    name: 'user and password in the URL',
    arrange: backend('    kind: http\n    url: "https://me:secret@vendor.example/notes"\n    notePath: note\n'),
    says: /user name and password/,
    names: 'config.yaml',
  },
  {
    name: 'key in the body template',
    arrange: backend(
      '    kind: http\n    url: https://vendor.example/notes\n    notePath: note\n    body: \'{"api_key": "abc123", "prompt": {{json prompt}} }\'\n',
    ),
    says: /body template sets "api_key"/,
    names: 'config.yaml',
  },
  {
    name: 'key in an SDK baseURL',
    arrange: backend(`    kind: openai\n    model: m\n    baseURL: "https://proxy.example/v1?key=abc123"\n`),
    says: /query parameter "key"/,
    names: 'config.yaml',
  },
  {
    name: 'key in a command argument',
    arrange: backend('    kind: command\n    command: node\n    args: ["--key", "sk-abcdefghijklmnop"]\n'),
    says: /command argument holds a literal credential/,
    names: 'config.yaml',
  },
  {
    name: 'API key variable not set (openai)',
    env: { TEST_VENDOR_KEY: '' },
    says: /TEST_VENDOR_KEY, which is not set/,
    names: 'config.yaml:6',
  },
  {
    name: 'API key variable not set (anthropic)',
    arrange: backend('    kind: anthropic\n    model: claude-test\n    apiKeyEnv: TEST_ANTHROPIC_KEY\n'),
    says: /TEST_ANTHROPIC_KEY/,
    names: 'config.yaml',
  },
  {
    name: 'auth variable not set (http)',
    arrange: backend('    kind: http\n    url: https://vendor.example/notes\n    notePath: note\n    auth: { env: TEST_REST_KEY }\n'),
    says: /TEST_REST_KEY/,
    names: 'config.yaml',
  },
  {
    name: 'judge key not set',
    arrange: config('judge:\n  kind: anthropic\n  model: claude-test\n  apiKeyEnv: TEST_JUDGE_KEY\n'),
    says: /judge needs an API key in the environment variable TEST_JUDGE_KEY/,
    names: 'config.yaml',
  },
  {
    name: 'prompt template missing',
    arrange: config('', '    prompt: missing.hbs\n'),
    says: /cannot read the prompt template/,
    names: 'missing.hbs',
  },
  {
    name: 'prompt template with an unknown variable',
    arrange: async () => {
      await put('p.hbs', 'Note for {{pseudonym}}\n{{clientName}}\n');
      await put('config.yaml', baseConfig('', '    prompt: p.hbs\n'));
    },
    says: /p\.hbs:2: .*"clientName", which is not a template variable/,
    names: 'p.hbs',
  },
  {
    name: 'prompt template that does not parse',
    arrange: async () => {
      await put('p.hbs', 'Note {{#each turns}}{{text}}\n');
      await put('config.yaml', baseConfig('', '    prompt: p.hbs\n'));
    },
    says: /does not parse/,
    names: 'p.hbs',
  },
  {
    name: 'http body with an unknown variable',
    arrange: backend(
      '    kind: http\n    url: https://vendor.example/notes\n    notePath: note\n    body: \'{"text": {{json transcrpt}} }\'\n',
    ),
    says: /"transcrpt", which is not a template variable/,
    names: 'config.yaml',
  },
  {
    name: 'http body that is not JSON',
    arrange: backend('    kind: http\n    url: https://vendor.example/notes\n    notePath: note\n    body: \'{"text": {{prompt}} }\'\n'),
    says: /does not give valid JSON/,
    names: 'config.yaml',
  },
  {
    name: 'notes-dir folder missing',
    arrange: backend('    kind: notes-dir\n    dir: exported-notes\n'),
    says: /notes folder .*exported-notes does not exist/,
    names: 'config.yaml:9',
  },
  {
    name: 'command not on PATH',
    arrange: backend('    kind: command\n    command: no-such-scribe-xyz\n'),
    says: /not an executable file on PATH/,
    names: 'config.yaml',
  },
  {
    name: 'command without execute permission',
    arrange: async () => {
      await put('scribe.sh', '#!/bin/sh\necho note\n');
      await chmod(at('scribe.sh'), 0o644);
      await backend('    kind: command\n    command: ./scribe.sh\n')();
    },
    says: /not an executable file/,
    names: 'config.yaml',
  },
  { name: 'config saved as UTF-16', arrange: async () => put('config.yaml', utf16(baseConfig())), says: /UTF-16/, names: 'config.yaml' },
  {
    name: 'config saved as Latin-1',
    arrange: async () => put('config.yaml', latin1(`${baseConfig()}# café\n`)),
    says: /not UTF-8 .*0xE9 on line 7/,
    names: 'config.yaml:7',
  },
  { name: 'config that is a PDF', arrange: async () => put('config.yaml', PDF), says: /this is a PDF/, names: 'config.yaml' },
  {
    name: 'config nested absurdly deep',
    arrange: config(`extra: ${'['.repeat(500)}${']'.repeat(500)}\n`),
    says: /nests more than 64 levels/,
    names: 'config.yaml',
  },
  { name: 'config that is empty', arrange: async () => put('config.yaml', ''), says: /backends/, names: 'config.yaml' },
  { name: 'config that is a folder', args: ['--config', 'cases'], says: /folder|not found/, names: 'cases' },
  // Flags.
  {
    name: '--out is an existing file',
    arrange: async () => put('report.txt', 'x'),
    args: ['--out', 'report.txt'],
    says: /--out: is an existing file/,
    names: 'report.txt',
  },
  { name: '--out under /proc', args: ['--out', '/proc/scribe-audit'], says: /--out: .*system folder/, names: '/proc' },
  {
    name: '--out below a file',
    arrange: async () => put('report.txt', 'x'),
    args: ['--out', 'report.txt/html'],
    says: /--out: /,
    names: 'report.txt',
  },
  {
    name: '--samples over the limit',
    args: ['--samples', '100000'],
    says: /--samples must be a whole number, at most 100/,
    names: '--samples',
  },
  {
    name: '--concurrency over the limit',
    args: ['--concurrency', '100000'],
    says: /--concurrency must be a whole number, at most 256/,
    names: '--concurrency',
  },
  { name: '--samples not a number', args: ['--samples', 'three'], says: /--samples must be a whole number/, names: '--samples' },
  { name: '--timeout zero', args: ['--timeout', '0'], says: /--timeout must be a whole number, at least 1/, names: '--timeout' },
  { name: '--format empty', args: ['--format', ''], says: /--format needs at least one/, names: '--format' },
  { name: '--format unknown', args: ['--format', 'pdf'], says: /unknown report format pdf/, names: 'pdf' },
  { name: '--backends unknown id', args: ['--backends', 'vendr'], says: /unknown backend id vendr/, names: 'config.yaml' },
  { name: '--cases matches nothing', args: ['--cases', 'dbt-*'], says: /no case matches dbt-\*/, names: 'cases' },
  { name: '--fixtures folder missing', args: ['--fixtures', 'elsewhere'], says: /cases folder not found/, names: 'elsewhere' },
  {
    name: '--baseline neither a file nor a stored run',
    args: ['--baseline', 'old.json'],
    says: /--baseline: no such file, and no run "old.json" in the store/,
    names: 'old.json',
  },
  {
    name: '--baseline that is not a report',
    arrange: async () => put('old.json', '{"hello": 1}'),
    args: ['--baseline', 'old.json'],
    says: /not a scribe-audit report\.json/,
    names: 'old.json',
  },
  // Cases.
  {
    name: 'case folder without case.yaml',
    arrange: async () => mkdir(at('cases', 'cbt-forgotten')),
    says: /folder "cbt-forgotten" has no case\.yaml/,
    names: path.join('cbt-forgotten', 'case.yaml'),
  },
  {
    name: 'case.yaml saved as Latin-1',
    arrange: async () => put(caseFile('case.yaml'), latin1(`${await readFile(at(caseFile('case.yaml')), 'utf8')}# Zoë\n`)),
    says: /not UTF-8/,
    names: caseFile('case.yaml'),
  },
  {
    name: 'transcript saved as UTF-16: one message, not one per line',
    arrange: async () => put(caseFile('transcript.txt'), utf16(await readFile(at(caseFile('transcript.txt')), 'utf8'))),
    says: /^.*transcript\.txt: this file is UTF-16 \(little-endian\), not UTF-8\n\s+fix: save it as UTF-8.*\n$/,
    names: caseFile('transcript.txt'),
  },
  {
    name: 'reference.md that is binary',
    arrange: async () => put(caseFile('reference.md'), PDF),
    says: /this is a PDF, not a text file/,
    names: caseFile('reference.md'),
  },
  {
    name: 'transcript over the size limit',
    arrange: async () => put(caseFile('transcript.txt'), `THERAPIST: ${'word '.repeat(1_800_000)}\n`),
    says: /text inputs may be at most 8\.0 MB/,
    names: caseFile('transcript.txt'),
  },
  {
    name: 'case.yaml with an unknown risk category',
    arrange: async () =>
      put(
        caseFile('case.yaml'),
        (await readFile(at(caseFile('case.yaml')), 'utf8')).replace(/category: [a-z_.]+/, 'category: risk.suicide'),
      ),
    says: /risk\.suicide/,
    names: caseFile('case.yaml'),
  },
  {
    name: 'case.yaml nested absurdly deep',
    arrange: async () =>
      put(caseFile('case.yaml'), `${await readFile(at(caseFile('case.yaml')), 'utf8')}\nextra: ${'{a: '.repeat(200)}1${'}'.repeat(200)}\n`),
    says: /nests more than 64 levels/,
    names: caseFile('case.yaml'),
  },
  // Vendors and rubrics.
  {
    name: 'vendor profile naming a backend the config lacks',
    arrange: async () =>
      put(path.join('vendors', 'acme.yaml'), 'id: acme\nname: Acme Scribe\nsynthetic: true\nbackends: [acme-api]\nanswers: {}\n'),
    args: ['--vendors', 'vendors'],
    says: /vendor "acme" names backend "acme-api"/,
    names: 'vendors',
  },
  {
    name: 'vendor profile saved as Latin-1',
    arrange: async () =>
      put(path.join('vendors', 'acme.yaml'), latin1('id: acme\nname: Acmé\nsynthetic: true\nbackends: [vendor]\nanswers: {}\n')),
    args: ['--vendors', 'vendors'],
    says: /not UTF-8/,
    names: path.join('vendors', 'acme.yaml'),
  },
  {
    name: 'rubrics folder that is empty',
    arrange: async () => mkdir(at('rubrics')),
    args: ['--rubrics', 'rubrics'],
    says: /rubric file is missing/,
    names: path.join('rubrics', 'weights.yaml'),
  },
];

describe('preflight: bad input exits 2 with file and fix before any backend call', () => {
  it('has at least 50 malformed inputs', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(50);
  });

  it('the well-formed setup does reach the vendor (so a zero count below means something)', async () => {
    const before = vendor.requests.length;
    const r = await runCli(['run', '--config', 'config.yaml', '--fixtures', 'cases', '--out', 'out', '--format', 'json'], {
      cwd: dir,
      env: { CI: 'true', TEST_VENDOR_KEY: 'k', PATH: process.env['PATH'] ?? '' },
    });
    expect(r.stderr).not.toMatch(/fix:/);
    expect([0, 1]).toContain(r.code);
    expect(vendor.requests.length).toBeGreaterThan(before);
  });

  it.each(ROWS)('$name', async (row) => {
    await row.arrange?.();
    const before = vendor.requests.length;
    const args = ['run', '--config', 'config.yaml', '--fixtures', 'cases', '--out', 'out', ...(row.args ?? [])];
    const env = { CI: 'true', TEST_VENDOR_KEY: 'k', PATH: process.env['PATH'] ?? '', ...row.env };
    const r = await runCli(args, { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(row.says);
    expect(r.stderr).toContain(row.names);
    // A fix: on its own line for file problems; flag messages carry the allowed values.
    expect(r.stderr).toMatch(/fix: |must be a whole number|choose from|defines|needs at least/);
    expect(r.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
    expect(vendor.requests.length).toBe(before);
  });
});

// npm run bench:runner — the runner's own overhead, measured against a loopback vendor
// with a fixed latency: N calls at concurrency C should take calls × latency / C, plus
// little. Calls go through the real OpenAI SDK and the real backend, so prompt building,
// JSON, HTTP and retries bookkeeping are all in the measurement.
// Usage: npm run bench:runner -- [calls=2000] [concurrency=32] [latencyMs=100]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createOpenAIBackend } from '../backends/openai.ts';
import { DEFAULTS } from '../config/paths.ts';
import { readRubrics } from '../config/rubrics.ts';
import { readCases } from '../corpus/index.ts';
import { generateNotes } from '../runner/generate.ts';
import { openStore } from '../store/db.ts';
import { RunStore } from '../store/runStore.ts';

const [calls = 2000, concurrency = 32, latencyMs = 100] = process.argv.slice(2).map(Number);
const TARGET = 1.1;

const rubrics = await readRubrics(DEFAULTS.rubrics);
const { cases } = await readCases(DEFAULTS.fixtures);
const samples = Math.ceil(calls / cases.length);
const selected = cases.slice(0, Math.ceil(calls / samples));
const total = selected.length * samples;

const vendor = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./slowVendor.ts', import.meta.url)), String(latencyMs)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [firstLine] = (await once(vendor.stdout, 'data')) as [Buffer];
const server = { url: firstLine.toString().trim(), close: async () => void vendor.kill('SIGTERM') };
const backend = createOpenAIBackend(
  { id: 'bench', model: 'gpt-bench', baseURL: `${server.url}/v1`, apiKeyEnv: 'BENCH_KEY', timeoutMs: 30_000 },
  rubrics,
  { BENCH_KEY: 'bench-loopback-key' },
);
// An in-memory store, so every note is written through the same cache path as a real run.
const store = new RunStore(openStore(':memory:'));

let peakRss = 0;
let peakHeap = 0;
const sample = (): void => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};
const sampler = setInterval(sample, 20);
const started = performance.now();
const notes = await generateNotes([backend], selected, {
  samples,
  concurrency,
  timeoutMs: 30_000,
  retries: 3,
  signal: new AbortController().signal,
  onEvent: () => {},
  cache: store,
});
const wallMs = performance.now() - started;
clearInterval(sampler);
sample();
await server.close();
store.close();

const failed = notes.filter((n) => n.error).length;
const idealMs = (total * latencyMs) / concurrency;
const ratio = wallMs / idealMs;
const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(0)} MB`;
console.log(
  `Runner benchmark: ${total} calls (${selected.length} cases × ${samples} samples), concurrency ${concurrency}, vendor latency ${latencyMs} ms`,
);
console.log(`  wall time   ${(wallMs / 1000).toFixed(2)} s`);
console.log(`  ideal       ${(idealMs / 1000).toFixed(2)} s  (calls × latency / concurrency)`);
console.log(
  `${ratio <= TARGET ? '✔' : '✖'} overhead    ${((ratio - 1) * 100).toFixed(1)}%  target at most ${((TARGET - 1) * 100).toFixed(0)}%`,
);
console.log(`  throughput  ${(total / (wallMs / 1000)).toFixed(0)} calls/s;  failed ${failed}`);
console.log(`  peak memory rss ${mb(peakRss)}, heap ${mb(peakHeap)}`);
process.exitCode = ratio <= TARGET && failed === 0 ? 0 : 1;

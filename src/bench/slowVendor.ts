// A fake OpenAI-compatible vendor with a fixed latency, in its own process so the
// benchmark measures the runner, not a server sharing its event loop.
import { json, openAIChat, startLoopbackServer } from '../testing/loopbackServer.ts';

const latencyMs = Number(process.argv[2] ?? 100);
const server = await startLoopbackServer([
  (req, res) => void setTimeout(() => json(200, openAIChat('## Subjective\nBench note.'))(req, res), latencyMs),
]);
process.stdout.write(`${server.url}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fake vendor saw it, for assertions on what the SDK sent. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export type Reply = (req: SeenRequest, res: ServerResponse) => void;

export interface LoopbackServer {
  url: string;
  requests: SeenRequest[];
  close: () => Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 answering with scripted replies, one per request
 * (the last one repeats), so backends are tested through the real vendor SDKs.
 */
export async function startLoopbackServer(replies: readonly Reply[]): Promise<LoopbackServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // keep the raw text
      }
      const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(seen);
      const reply = replies[Math.min(requests.length - 1, replies.length - 1)];
      if (reply) reply(seen, res);
      else res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

export const raw =
  (status: number, text: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Reply =>
  (_req, res) => {
    res.writeHead(status, headers);
    res.end(text);
  };

/** Chat Completions wire format. */
export const openAIChat = (content: string | null, finishReason = 'stop'): unknown => ({
  id: 'chatcmpl-test',
  object: 'chat.completion',
  created: 1_764_000_000,
  model: 'gpt-test',
  choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: finishReason, logprobs: null }],
  usage: { prompt_tokens: 1200, completion_tokens: 300, total_tokens: 1500 },
});

/** Messages wire format. */
export const anthropicMessage = (text: string, stopReason = 'end_turn'): unknown => ({
  id: 'msg_test',
  type: 'message',
  role: 'assistant',
  model: 'claude-test',
  content: text ? [{ type: 'text', text }] : [],
  stop_reason: stopReason,
  stop_sequence: null,
  usage: { input_tokens: 1100, output_tokens: 280 },
});

import { writeFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { readCase } from '../corpus/caseFolder.ts';
import { DEFAULTS } from '../config/paths.ts';
import { anthropicMessage, json, openAIChat, type Reply, type SeenRequest } from './loopbackServer.ts';
import type { Case } from '../domain/case.ts';

/** Three corpus cases small enough for an end-to-end run against fake vendors. */
export const E2E_CASES = ['cbt-active-si-plan-denied', 'ipt-role-dispute-no-risk', 'emdr-miscarriage-no-risk'] as const;

export async function loadE2ECases(): Promise<Case[]> {
  return Promise.all(
    E2E_CASES.map(async (id) => {
      const r = await readCase(`${DEFAULTS.fixtures}/${id}`);
      if (!r.ok) throw new Error(`fixture ${id} does not load`);
      return r.value;
    }),
  );
}

/** The text of a chat request, whichever wire format carried it. */
function promptOf(req: SeenRequest): string {
  const body = req.body as { messages?: { content: unknown }[]; prompt?: string };
  return JSON.stringify(body.messages ?? body.prompt ?? '');
}

/** Which case a request is about: the prompt names the client's pseudonym. */
export function caseOf(req: SeenRequest, cases: readonly Case[]): Case | undefined {
  const prompt = promptOf(req);
  return cases.find((c) => prompt.includes(c.client.pseudonym));
}

/**
 * A fake vendor that writes the case's reference note (a careful clinician's note), after
 * an optional delay, in the OpenAI or Anthropic wire format, or as a vendor REST API's
 * `{ data: { note } }`.
 */
export function referenceNoteReply(cases: readonly Case[], wire: 'openai' | 'anthropic' | 'rest', delayMs = 0): Reply {
  return (req: SeenRequest, res: ServerResponse) => {
    const note = caseOf(req, cases)?.referenceNote ?? '';
    const body = wire === 'openai' ? openAIChat(note) : wire === 'anthropic' ? anthropicMessage(note) : { data: { note, id: 'rest-1' } };
    setTimeout(() => json(200, body)(req, res), delayMs);
  };
}

/**
 * Writes the scribe-audit.config.yaml the end-to-end tests share: the E2E cases from the
 * project's fixtures, and the given backend lines (YAML flow mappings) under `backends:`.
 */
export async function writeE2EConfig(
  dir: string,
  backends: readonly string[],
  settings: { samples: number; concurrency?: number; extra?: string[] },
): Promise<void> {
  const lines = [
    `fixtures: ${DEFAULTS.fixtures}`,
    `cases: [${E2E_CASES.join(', ')}]`,
    `samples: ${settings.samples}`,
    ...(settings.concurrency ? [`concurrency: ${settings.concurrency}`] : []),
    ...(settings.extra ?? []),
    'backends:',
    ...backends,
  ];
  await writeFile(path.join(dir, 'scribe-audit.config.yaml'), lines.join('\n'));
}

/** One OpenAI-wire vendor on a loopback server, keyed from VENDOR_KEY. */
export const openAIVendorLine = (url: string, id = 'vendor'): string =>
  `  - { id: ${id}, kind: openai, model: gpt-test, baseURL: "${url}/v1", apiKeyEnv: VENDOR_KEY }`;

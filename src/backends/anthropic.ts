import Anthropic from '@anthropic-ai/sdk';
import { BackendError } from '../domain/errors.ts';
import type { Rubrics } from '../domain/rubrics.ts';
import { readApiKey } from '../http/apiKey.ts';
import { toBackendError } from '../http/httpErrors.ts';
import { SYSTEM_PROMPT, promptBuilder } from './prompt.ts';
import type { ScribeBackend } from './types.ts';

export interface AnthropicBackendOptions {
  id: string;
  model: string;
  baseURL?: string | undefined;
  apiKeyEnv: string;
  temperature?: number | undefined;
  maxTokens: number;
  timeoutMs: number;
  /** A handlebars file replacing the bundled prompt (see README, "Prompt templates"). */
  promptTemplate?: string | undefined;
}

/** Messages through the official SDK. */
export function createAnthropicBackend(opts: AnthropicBackendOptions, rubrics: Rubrics, env: NodeJS.ProcessEnv): ScribeBackend {
  const client = new Anthropic({
    apiKey: readApiKey(opts.id, opts.apiKeyEnv, env),
    ...(opts.baseURL ? { baseURL: opts.baseURL } : {}),
    timeout: opts.timeoutMs,
    // The runner owns retries (Retry-After, jitter, RPM, retry events) so they happen in one place.
    maxRetries: 0,
  });
  const prompt = promptBuilder(rubrics, opts.promptTemplate);
  const settings = {
    kind: 'anthropic',
    model: opts.model,
    baseURL: opts.baseURL ?? null,
    temperature: opts.temperature ?? null,
    maxTokens: opts.maxTokens,
  };
  return {
    id: opts.id,
    kind: 'anthropic',
    fingerprint: (input) => prompt.fingerprint(settings, input),
    async generate(input, { signal }) {
      let res: Anthropic.Message;
      try {
        res = await client.messages.create(
          {
            model: opts.model,
            max_tokens: opts.maxTokens,
            system: SYSTEM_PROMPT,
            messages: [{ role: 'user', content: prompt.build(input) }],
            ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}),
          },
          { signal },
        );
      } catch (err) {
        throw toBackendError(err, opts.id);
      }
      const note = res.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
      if (res.stop_reason === 'max_tokens')
        throw new BackendError(`${opts.id}: the note was cut off at the token limit (stop_reason "max_tokens")`, { code: 'TRUNCATED' });
      if (note.trim() === '') throw new BackendError(`${opts.id}: the response had no note text`, { code: 'EMPTY_NOTE' });
      return { note, responseId: res.id, usage: { inputTokens: res.usage.input_tokens, outputTokens: res.usage.output_tokens } };
    },
  };
}

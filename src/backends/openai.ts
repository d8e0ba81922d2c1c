import OpenAI from 'openai';
import { BackendError } from '../domain/errors.ts';
import type { Rubrics } from '../domain/rubrics.ts';
import { readApiKey } from '../http/apiKey.ts';
import { toBackendError } from '../http/httpErrors.ts';
import { SYSTEM_PROMPT, promptBuilder } from './prompt.ts';
import type { ScribeBackend } from './types.ts';

export interface OpenAIBackendOptions {
  id: string;
  model: string;
  baseURL?: string | undefined;
  apiKeyEnv: string;
  temperature?: number | undefined;
  maxTokens?: number | undefined;
  /** Per-call timeout in milliseconds. */
  timeoutMs: number;
  /** A handlebars file replacing the bundled prompt (see README, "Prompt templates"). */
  promptTemplate?: string | undefined;
}

/** Chat Completions through the official SDK; `baseURL` points it at any compatible server. */
export function createOpenAIBackend(opts: OpenAIBackendOptions, rubrics: Rubrics, env: NodeJS.ProcessEnv): ScribeBackend {
  const client = new OpenAI({
    apiKey: readApiKey(opts.id, opts.apiKeyEnv, env),
    ...(opts.baseURL ? { baseURL: opts.baseURL } : {}),
    timeout: opts.timeoutMs,
    // The runner owns retries (Retry-After, jitter, RPM, retry events) so they happen in one place.
    maxRetries: 0,
  });
  const prompt = promptBuilder(rubrics, opts.promptTemplate);
  const settings = {
    kind: 'openai',
    model: opts.model,
    baseURL: opts.baseURL ?? null,
    temperature: opts.temperature ?? null,
    maxTokens: opts.maxTokens ?? null,
  };
  return {
    id: opts.id,
    kind: 'openai',
    fingerprint: (input) => prompt.fingerprint(settings, input),
    async generate(input, { signal }) {
      let res: OpenAI.Chat.Completions.ChatCompletion;
      try {
        res = await client.chat.completions.create(
          {
            model: opts.model,
            messages: [
              { role: 'system', content: SYSTEM_PROMPT },
              { role: 'user', content: prompt.build(input) },
            ],
            ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}),
            ...(opts.maxTokens !== undefined ? { max_tokens: opts.maxTokens } : {}),
          },
          { signal },
        );
      } catch (err) {
        throw toBackendError(err, opts.id);
      }
      const choice = res.choices[0];
      const note = choice?.message.content ?? '';
      if (choice?.finish_reason === 'length')
        throw new BackendError(`${opts.id}: the note was cut off at the token limit (finish_reason "length")`, { code: 'TRUNCATED' });
      if (note.trim() === '') throw new BackendError(`${opts.id}: the response had no note text`, { code: 'EMPTY_NOTE' });
      return {
        note,
        responseId: res.id,
        usage: {
          ...(res.usage ? { inputTokens: res.usage.prompt_tokens, outputTokens: res.usage.completion_tokens } : {}),
        },
      };
    },
  };
}

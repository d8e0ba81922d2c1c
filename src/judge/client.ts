import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { readApiKey } from '../http/apiKey.ts';
import { toBackendError } from '../http/httpErrors.ts';
import type { Case, Fact } from '../domain/case.ts';
import { BackendError } from '../domain/errors.ts';
import { GRADE_SCHEMA, GRADER_SYSTEM, graderMessage } from './prompt.ts';
import { Grade, type JudgeConfig } from './schema.ts';

export interface GradeRequest {
  kase: Case;
  fact: Fact;
  note: string;
}

export interface Judge {
  readonly model: string;
  grade(req: GradeRequest, signal: AbortSignal): Promise<Grade>;
  /** Everything that decides the grade, for the cache: judge settings and the exact message. */
  fingerprint(req: GradeRequest): string;
}

function parseGrade(value: unknown): Grade {
  const parsed = Grade.safeParse(value);
  if (!parsed.success) throw new BackendError('judge: the answer did not match the grade schema', { code: 'BAD_RESPONSE' });
  return parsed.data;
}

export interface JudgeClientOptions {
  /** Per-call timeout; the SDKs' own retries are off, judgeRun retries. */
  timeoutMs?: number;
}

/**
 * An LLM grader through the official SDKs, with structured output (JSON schema, or a forced
 * tool). Errors pass through toBackendError, which keeps only status and SDK error name, so
 * the key cannot reach a message. A bare number is the timeout (cli/setup.ts passes one).
 */
export function createJudge(cfg: JudgeConfig, env: NodeJS.ProcessEnv, opts: JudgeClientOptions | number = {}): Judge {
  const timeoutMs = (typeof opts === 'number' ? opts : opts.timeoutMs) ?? 60_000;
  const apiKey = readApiKey('judge', cfg.apiKeyEnv, env);
  const settings = { kind: cfg.kind, model: cfg.model, baseURL: cfg.baseURL ?? null, temperature: cfg.temperature, system: GRADER_SYSTEM };
  const fingerprint = (req: GradeRequest): string => JSON.stringify({ ...settings, message: graderMessage(req.kase, req.fact, req.note) });
  const base = { ...(cfg.baseURL ? { baseURL: cfg.baseURL } : {}), timeout: timeoutMs, maxRetries: 0 };

  if (cfg.kind === 'openai') {
    const client = new OpenAI({ apiKey, ...base });
    return {
      model: cfg.model,
      fingerprint,
      async grade(req, signal) {
        let content: string | null | undefined;
        try {
          const res = await client.chat.completions.create(
            {
              model: cfg.model,
              temperature: cfg.temperature,
              messages: [
                { role: 'system', content: GRADER_SYSTEM },
                { role: 'user', content: graderMessage(req.kase, req.fact, req.note) },
              ],
              response_format: { type: 'json_schema', json_schema: { name: 'grade', strict: true, schema: GRADE_SCHEMA } },
            },
            { signal },
          );
          const message = res.choices[0]?.message;
          // A refusal is an answer, not a grade: say so rather than "not JSON".
          if (message?.refusal) throw new BackendError('judge: the model refused to grade', { code: 'BAD_RESPONSE' });
          content = message?.content;
        } catch (err) {
          throw toBackendError(err, 'judge');
        }
        let json: unknown;
        try {
          json = JSON.parse(content ?? '');
        } catch {
          throw new BackendError('judge: the answer was not JSON', { code: 'BAD_RESPONSE' });
        }
        return parseGrade(json);
      },
    };
  }

  const client = new Anthropic({ apiKey, ...base });
  return {
    model: cfg.model,
    fingerprint,
    async grade(req, signal) {
      let res: Anthropic.Message;
      try {
        res = await client.messages.create(
          {
            model: cfg.model,
            max_tokens: 512,
            // Spread like the anthropic backend does: this SDK major's types omit it, the API takes it.
            ...{ temperature: cfg.temperature },
            system: GRADER_SYSTEM,
            messages: [{ role: 'user', content: graderMessage(req.kase, req.fact, req.note) }],
            tools: [
              {
                name: 'grade',
                description: 'Record whether the note meets the criterion.',
                input_schema: GRADE_SCHEMA as unknown as Anthropic.Tool.InputSchema,
              },
            ],
            tool_choice: { type: 'tool', name: 'grade' },
          },
          { signal },
        );
      } catch (err) {
        throw toBackendError(err, 'judge');
      }
      const call = res.content.find((b) => b.type === 'tool_use' && b.name === 'grade');
      if (!call || call.type !== 'tool_use')
        throw new BackendError('judge: the answer did not use the grade tool', { code: 'BAD_RESPONSE' });
      return parseGrade(call.input);
    },
  };
}

import { z } from 'zod';

const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name such as JUDGE_KEY');

/** `judge:` in the run config: an optional LLM grader beside the deterministic scorers. */
export const JudgeConfig = z.strictObject({
  kind: z.enum(['openai', 'anthropic']),
  model: z.string().min(1),
  baseURL: z.url().optional(),
  apiKeyEnv: EnvName,
  temperature: z.number().min(0).max(1).default(0),
  /** Grading calls in flight at once. */
  concurrency: z.number().int().positive().max(64).default(4),
  /** Grade only facts of these categories (prefixes, e.g. "risk."); all facts when absent. */
  categories: z.array(z.string()).optional(),
});
export type JudgeConfig = z.infer<typeof JudgeConfig>;

export { Grade, JudgeAgreement, JudgeDisagreement } from '../domain/judge.ts';

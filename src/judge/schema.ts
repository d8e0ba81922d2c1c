import { z } from 'zod';

const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name such as JUDGE_KEY');

/** The same defaults as the openai/anthropic backends, so one exported key serves both. */
const DEFAULT_KEY_ENV = { openai: 'OPENAI_API_KEY', anthropic: 'ANTHROPIC_API_KEY' } as const;

/** `judge:` in the run config: an optional LLM grader beside the deterministic scorers. */
export const JudgeConfig = z
  .strictObject({
    kind: z.enum(['openai', 'anthropic']),
    model: z.string().min(1),
    baseURL: z.url().optional(),
    /** The environment variable holding the key (never the key itself); defaults by kind. */
    apiKeyEnv: EnvName.optional(),
    temperature: z.number().min(0).max(1).default(0),
    /** Grading calls in flight at once. */
    concurrency: z.number().int().positive().max(64).default(4),
    /** Grade only facts of these categories (prefixes, e.g. "risk."); all facts when absent. */
    categories: z.array(z.string()).optional(),
  })
  // A transform, not a per-field default, because the default depends on `kind`.
  .transform((c) => ({ ...c, apiKeyEnv: c.apiKeyEnv ?? DEFAULT_KEY_ENV[c.kind] }));
export type JudgeConfig = z.output<typeof JudgeConfig>;

/** The judge's answer about one fact of one note. */
export const JudgeVerdict = z.object({
  factId: z.string(),
  criterion: z.string(),
  met: z.boolean(),
  explanation: z.string(),
});
export type JudgeVerdict = z.infer<typeof JudgeVerdict>;

/** A verdict placed in its run (which note), beside the deterministic scorer's call. */
export const RecordVerdict = JudgeVerdict.extend({
  backendId: z.string(),
  caseId: z.string(),
  sample: z.number().int().nonnegative(),
  deterministic: z.boolean(),
});
export type RecordVerdict = z.infer<typeof RecordVerdict>;

// The agreement types live in domain/ because RunResult carries them.
export { Grade, JudgeAgreement, JudgeDisagreement } from '../domain/judge.ts';

import { z } from 'zod';
import { HttpBackendFields } from '../backends/httpConfig.ts';
import { PracticeProfile } from '../domain/compliance.ts';
import { ControlExpectation } from '../domain/run.ts';
import { JudgeConfig } from '../judge/schema.ts';
import { optionalSettings } from './settings.ts';

const BackendId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-" only');
const EnvName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name such as VENDOR_A_KEY');

export const REFERENCE_VARIANTS = ['gold', 'extractive', 'hollow', 'risk-blind', 'fabricator'] as const;
export const ReferenceVariant = z.enum(REFERENCE_VARIANTS);
export type ReferenceVariant = z.infer<typeof ReferenceVariant>;

/**
 * A control is a scribe whose outcome is known in advance; if it does not get that
 * outcome the harness itself is broken. `when: current-risk` limits the expectation to
 * cases with a critical risk the client voiced (present or historical), the only cases
 * where dropping risk content must be caught.
 */
export const Control = z.strictObject({
  expect: ControlExpectation,
  when: z.enum(['always', 'current-risk']).default('always'),
});
export type Control = z.infer<typeof Control>;

/** Vendor list prices in US dollars per million tokens, for the cost column. */
export const Price = z.strictObject({
  inputPerMTok: z.number().nonnegative(),
  outputPerMTok: z.number().nonnegative(),
});
export type Price = z.infer<typeof Price>;

const common = {
  id: BackendId,
  /** Items this backend may have in flight (below the run-wide --concurrency). */
  concurrency: z.number().int().positive().max(256).optional(),
  /** Requests per minute this backend may receive, retries included (the vendor's rate limit). */
  rpm: z.number().positive().optional(),
  price: Price.optional(),
  control: Control.optional(),
  /** A reference point in the comparison (e.g. the extractive scribe), not held to the quality gate. */
  baseline: z.boolean().default(false),
};

export const BackendConfig = z.discriminatedUnion('kind', [
  z.strictObject({ ...common, kind: z.literal('reference'), variant: ReferenceVariant }),
  z.strictObject({ ...common, kind: z.literal('notes-dir'), dir: z.string().min(1) }),
  z.strictObject({
    ...common,
    kind: z.literal('command'),
    command: z.string().min(1),
    args: z.array(z.string()).default([]),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('openai'),
    model: z.string().min(1),
    baseURL: z.url().optional(),
    apiKeyEnv: EnvName.default('OPENAI_API_KEY'),
    prompt: z.string().min(1).optional(),
    temperature: z.number().min(0).max(2).optional(),
    maxTokens: z.number().int().positive().optional(),
  }),
  z.strictObject({ ...common, kind: z.literal('http'), ...HttpBackendFields }),
  z.strictObject({
    ...common,
    kind: z.literal('anthropic'),
    model: z.string().min(1),
    baseURL: z.url().optional(),
    apiKeyEnv: EnvName.default('ANTHROPIC_API_KEY'),
    prompt: z.string().min(1).optional(),
    temperature: z.number().min(0).max(1).optional(),
    maxTokens: z.number().int().positive().default(2048),
  }),
]);
export type BackendConfig = z.infer<typeof BackendConfig>;
export type BackendKind = BackendConfig['kind'];

/** scribe-audit.config.yaml */
export const RunConfig = z.strictObject({
  backends: z.array(BackendConfig).min(1),
  /** Folder of case folders (relative to the config file). */
  fixtures: z.string().optional(),
  /** Case id globs, e.g. ["ipt-*"]. */
  cases: z.array(z.string()).optional(),
  /** Folder of vendor profiles (relative to the config file). */
  vendors: z.string().optional(),
  rubrics: z.string().optional(),
  /**
   * The practice the audit is for: a profile inline, or the path of one (relative to the
   * config file, e.g. fixtures/practices/example-practice.yaml). Checklist items with
   * `appliesIf` that does not fit it are not applicable.
   */
  practice: z.union([z.string().min(1), PracticeProfile]).optional(),
  /**
   * gate (default): a vendor with a failing critical compliance item fails the run, named
   * in the gate's reasons; report: compliance is reported and never fails the run.
   */
  compliance: z.enum(['gate', 'report']).default('gate'),
  /** samples, concurrency, timeoutMs, retries: see config/settings.ts (the flags share the limits). */
  ...optionalSettings,
  /** An optional LLM judge, reported beside the deterministic scorers; it never changes a verdict. */
  judge: JudgeConfig.optional(),
});
export type RunConfig = z.infer<typeof RunConfig>;

import { z } from 'zod';

/**
 * The run's tunable numbers, in one place: the config file's fields, the CLI flags'
 * parsers and the defaults all derive from these schemas, so a limit cannot differ
 * between `--samples` and `samples:`.
 */
export const RUN_SETTINGS = {
  /** Notes per backend and case. */
  samples: z.number().int().positive().max(100),
  /** Notes generated at once, across backends. */
  concurrency: z.number().int().positive().max(256),
  /** Per-call timeout for one note, in milliseconds (at most an hour). */
  timeoutMs: z.number().int().positive().max(3_600_000),
  /** Attempts after the first when a backend answers 408, 409, 429 or 5xx, or times out. */
  retries: z.number().int().nonnegative().max(10),
} as const;

export type RunSettings = { [K in keyof typeof RUN_SETTINGS]: z.infer<(typeof RUN_SETTINGS)[K]> };
/** Settings as a flag or the config file may give them: each one absent, or undefined. */
export type SomeSettings = { [K in keyof RunSettings]?: RunSettings[K] | undefined };

export const SETTING_DEFAULTS: RunSettings = { samples: 1, concurrency: 8, timeoutMs: 120_000, retries: 3 };

/** The settings as optional config-file fields. */
export const optionalSettings = {
  samples: RUN_SETTINGS.samples.optional(),
  concurrency: RUN_SETTINGS.concurrency.optional(),
  timeoutMs: RUN_SETTINGS.timeoutMs.optional(),
  retries: RUN_SETTINGS.retries.optional(),
};

/** Flag > config file > default, per setting. */
export function resolveSettings(flags: SomeSettings, config: SomeSettings): RunSettings {
  const pick = <K extends keyof RunSettings>(k: K): RunSettings[K] => flags[k] ?? config[k] ?? SETTING_DEFAULTS[k];
  return { samples: pick('samples'), concurrency: pick('concurrency'), timeoutMs: pick('timeoutMs'), retries: pick('retries') };
}

/**
 * A numeric flag checked by the setting's own schema: `--samples 100000` is refused with
 * the same limit the config file has. Returns the number or the message to show.
 */
export function parseSettingFlag(
  key: keyof RunSettings,
  flag: string,
  value: string,
): { ok: true; value: number } | { ok: false; message: string } {
  const n = value.trim() === '' ? Number.NaN : Number(value);
  const parsed = RUN_SETTINGS[key].safeParse(n);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const limit =
    issue?.code === 'too_big'
      ? `, at most ${String(issue.maximum)}`
      : issue?.code === 'too_small'
        ? `, at least ${String(Number(issue.minimum) + (issue.inclusive ? 0 : 1))}`
        : '';
  return { ok: false, message: `${flag} must be a whole number${limit}; got "${value}"` };
}

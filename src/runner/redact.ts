import type { BackendConfig } from '../config/schema.ts';
import type { JudgeConfig } from '../judge/schema.ts';

/** The environment variables a run reads secrets from: every backend's key and the judge's. */
export function secretEnvNames(backends: readonly BackendConfig[], judge: JudgeConfig | undefined): string[] {
  const names = backends.flatMap((b) => ('apiKeyEnv' in b ? [b.apiKeyEnv] : b.kind === 'http' && b.auth ? [b.auth.env] : []));
  return [...new Set([...names, ...(judge ? [judge.apiKeyEnv] : [])])];
}

/**
 * A last line of defence: adapters never put a key in a message, but a vendor's error
 * text or an SDK's can echo one back. Every text a run writes out passes through here.
 * Values under 8 characters are left alone: they are not keys, and masking them would
 * garble ordinary words.
 */
export function redactor(names: readonly string[], env: NodeJS.ProcessEnv): (text: string) => string {
  const secrets = names.map((n) => env[n]).filter((v): v is string => typeof v === 'string' && v.length >= 8);
  if (secrets.length === 0) return (text) => text;
  return (text) => secrets.reduce((t, s) => t.split(s).join('[redacted]'), text);
}

import type { VendorProfile } from '../domain/compliance.ts';

/**
 * The vendor profiles a run shows: those mapped (by their `backends:` list) to a backend
 * the run runs, or every profile in the folder when `--vendors DIR` asked for it.
 */
export function vendorsForRun(profiles: readonly VendorProfile[], backendIds: readonly string[], all: boolean): VendorProfile[] {
  if (all) return [...profiles];
  const ran = new Set(backendIds);
  return profiles.filter((p) => p.backends.some((b) => ran.has(b)));
}

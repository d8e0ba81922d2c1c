/**
 * The wait a server asked for in `Retry-After` (delta-seconds or an HTTP date, RFC 9110
 * §10.2.3), or OpenAI's `retry-after-ms`, in milliseconds; null when absent or unreadable.
 */
export function retryAfterMs(
  headers: { get(name: string): string | null } | undefined | null,
  now: () => number = Date.now,
): number | null {
  if (!headers || typeof headers.get !== 'function') return null;
  const ms = headers.get('retry-after-ms');
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.round(Number(ms));
  const value = headers.get('retry-after')?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now());
}

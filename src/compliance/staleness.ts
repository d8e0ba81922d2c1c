/**
 * Date arithmetic for stale answers, on calendar dates (YYYY-MM-DD) in UTC so
 * the verdict does not change with the machine's time zone.
 */

/** `asOf` plus `months`, clamped to the month's last day (2025-01-31 + 1 → 2025-02-28). */
export function addMonths(asOf: string, months: number): string {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(d, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}

/** True when `today` is past the day the answer stops being current (that day itself still counts). */
export function isStale(asOf: string, maxAgeMonths: number, today: Date): boolean {
  return today.toISOString().slice(0, 10) > addMonths(asOf, maxAgeMonths);
}

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

/** `date` plus `days` (negative to go back), as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The calendar day of `today` in UTC. */
export const isoDay = (today: Date): string => today.toISOString().slice(0, 10);

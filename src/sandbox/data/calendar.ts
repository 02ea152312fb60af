import type { Random } from './random.js';

const DAY = 86_400_000;

/** Milliseconds of a `YYYY-MM-DD` date at 00:00 UTC. */
export function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** `YYYY-MM-DD` of a millisecond instant (UTC). */
export function dateOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `days` after a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return dateOf(dayStart(date) + days * DAY);
}

/** The day before the same date `years` later: the last day of a term that starts on `date`. */
export function termEnd(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(year + years, month - 1, day));
  // 29 February plus whole years lands on 1 March; the term then ends on 28 February.
  if (end.getUTCDate() !== day) end.setUTCDate(0);
  else end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayStart(to) - dayStart(from)) / DAY);
}

/** ISO 8601 UTC datetime of a millisecond instant, truncated to the second. */
export function isoSecond(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

/**
 * A `YYYY-MM-DD` date between `from` and `to` inclusive. `recentBias` > 1 favours later dates,
 * as registrations grow year after year.
 */
export function dateBetween(random: Random, from: string, to: string, recentBias = 1): string {
  const span = daysBetween(from, to);
  return addDays(from, Math.floor(random.next() ** (1 / recentBias) * (span + 1)));
}

/** An ISO datetime in [max(`fromDate`, `floorDate`), `before`), truncated to the second. */
export function updatedAtBetween(random: Random, fromDate: string, floorDate: string, before: string): string {
  const start = Math.max(dayStart(fromDate), dayStart(floorDate));
  const end = Date.parse(before);
  if (start >= end) return isoSecond(end - 1000);
  return isoSecond(start + random.next() * (end - start - 1000));
}

import type { Random } from './random.js';

const DAY = 86_400_000;

// Every generated row computes several dates, so these avoid parsing and formatting through
// `Date` strings; they agree with `Date.parse` / `toISOString` on years 1000–9999 and defer to
// them outside that range.

/** Milliseconds of a `YYYY-MM-DD` date at 00:00 UTC. */
export function dayStart(date: string): number {
  const year = Number(date.slice(0, 4));
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-' || !(year >= 1000)) return Date.parse(`${date}T00:00:00Z`);
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  // Like `Date.parse`, accept days up to 31 in any month and roll over (`02-30` is 2 March).
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return Number.NaN;
  return Date.UTC(year, month - 1, day);
}

/** `YYYY-MM-DD` of a millisecond instant (UTC). */
export function dateOf(ms: number): string {
  return formatDay(Math.floor(ms / DAY)) ?? new Date(ms).toISOString().slice(0, 10);
}

/** The date `days` after a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return dateOf(dayStart(date) + days * DAY);
}

/** The day before the same date `years` later: the last day of a term that starts on `date`. */
export function termEnd(date: string, years: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  // 29 February plus whole years lands on 1 March in a common year, so the day before is
  // 28 February, the term's last day, as it should be.
  return dateOf(Date.UTC(year + years, month - 1, day) - DAY);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayStart(to) - dayStart(from)) / DAY);
}

/** ISO 8601 UTC datetime of a millisecond instant, truncated to the second. */
export function isoSecond(ms: number): string {
  const second = Math.floor(ms / 1000) * 1000;
  const day = Math.floor(second / DAY);
  const date = formatDay(day);
  if (date === undefined) return new Date(second).toISOString();
  const ofDay = second - day * DAY;
  const hours = Math.floor(ofDay / 3_600_000);
  const minutes = Math.floor((ofDay % 3_600_000) / 60_000);
  const seconds = Math.floor((ofDay % 60_000) / 1000);
  return `${date}T${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}.000Z`;
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

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** `YYYY-MM-DD` of a day count since 1970-01-01, or `undefined` outside years 1000–9999. */
function formatDay(days: number): string | undefined {
  const civil = civilFromDays(days);
  if (!(civil.year >= 1000 && civil.year <= 9999)) return undefined;
  return `${civil.year}-${twoDigits(civil.month)}-${twoDigits(civil.day)}`;
}

/** Proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`). */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: era * 400 + yearOfEra + (month <= 2 ? 1 : 0), month, day };
}

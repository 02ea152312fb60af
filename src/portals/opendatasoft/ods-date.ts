/** Explore's datetimes carry their zone (`2026-01-02T03:04:05+00:00`); anything unreadable is `null`. */
export function parseOdsDate(value: unknown): Date | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

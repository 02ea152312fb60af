/**
 * A date as CKAN writes timestamps: UTC without a zone designator and with microseconds
 * (`2015-10-23T14:51:13.282361`), because CKAN stores naive UTC datetimes.
 */
export function toNaiveUtc(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000`;
}

/** A `YYYY-MM-DD` day as a naive UTC timestamp at midnight. */
export function dayToNaiveUtc(day: string): string {
  return `${day}T00:00:00.000000`;
}

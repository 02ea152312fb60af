/**
 * Reads a SODA timestamp. Floating timestamps (`2026-01-02T03:04:05.000`, calendar dates)
 * carry no zone and are read as UTC, the same wall time the portal shows; fixed ones
 * (`:updated_at`, `…Z`) keep their zone.
 */
export function parseSodaTimestamp(value: unknown): Date | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = value.trim().replace(' ', 'T');
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : `${text}Z`;
  const date = new Date(zoned.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(date.getTime()) ? null : date;
}

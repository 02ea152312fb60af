/**
 * CKAN writes UTC timestamps without a zone (`2015-10-23T14:51:13.282361`); `new Date` would read
 * them as local time, so the zone is added before parsing.
 */
export function parseNaiveUtc(value: string | null | undefined): Date | null {
  if (!value) return null;
  const text = value.trim();
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text.replace(' ', 'T')}Z`;
  // JavaScript dates keep milliseconds: CKAN's microseconds are cut to three digits.
  const date = new Date(zoned.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Reads `YYYYMMDD` as a real calendar date and returns it as `YYYY-MM-DD`, or `undefined`
 * when the day does not exist (e.g. `19990230`).
 */
export function calendarDate(digits: string): string | undefined {
  if (!/^\d{8}$/.test(digits)) return undefined;
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

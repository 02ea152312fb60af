/** One CSV cell: `null`/`undefined` are empty, objects are JSON, the rest their string form. */
function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One RFC 4180 line (without its line break) of `values`, quoted only where needed. */
export function csvLine(values: readonly unknown[]): string {
  return values.map(cell).join(',');
}

/** The file formats the sandbox serves: CSV in UTF-8 (with a BOM, as Excel writes it) or GBK, a JSON array, an XLSX workbook. */
export type ServedFileFormat = 'csv' | 'csv-gbk' | 'json' | 'xlsx';

/**
 * XLSX files are built whole in memory by SheetJS, so only datasets up to this many rows have
 * one; larger ones answer the portal's "too large" error instead.
 */
export const XLSX_MAX_ROWS = 20_000;

/** Content types as portals send them; the GBK one names its charset, as Chinese portals often do not. */
export const contentTypes: Readonly<Record<ServedFileFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  'csv-gbk': 'text/csv; charset=gbk',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file name extension of a format. */
export function extensionOf(format: ServedFileFormat): string {
  return format === 'csv-gbk' ? 'csv' : format;
}

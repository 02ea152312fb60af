import { encodeGbk } from './gbk-encoder.js';
import type { FileTable } from './file-table.js';
import type { ServedFileFormat } from './served-file-format.js';

const CHUNK_ROWS = 1000;

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function jsonRow(columns: readonly string[], cells: readonly string[]): string {
  const record: Record<string, string> = {};
  for (let index = 0; index < columns.length; index++) Object.defineProperty(record, columns[index] as string, { value: cells[index] ?? '', enumerable: true });
  return JSON.stringify(record);
}

/**
 * A text file's bytes, generated a thousand rows at a time so that a 1M-row file never sits in
 * memory. XLSX is not a text format: see `workbookBytes`.
 */
export function* textFileChunks(table: FileTable, format: Exclude<ServedFileFormat, 'xlsx'>): Generator<Uint8Array> {
  const utf8 = new TextEncoder();
  const encode = format === 'csv-gbk' ? encodeGbk : (text: string) => utf8.encode(text);
  const { columns } = table;
  if (format === 'json') yield encode('[');
  else yield encode(`${format === 'csv' ? '\uFEFF' : ''}${columns.map(csvCell).join(',')}\r\n`);
  for (let position = 0; position < table.count; ) {
    const end = Math.min(position + CHUNK_ROWS, table.count);
    let text = '';
    for (; position < end; position++) {
      const cells = table.row(position);
      if (!cells) continue;
      text += format === 'json' ? `${position === 0 ? '' : ','}\n${jsonRow(columns, cells)}` : `${cells.map(csvCell).join(',')}\r\n`;
    }
    if (text) yield encode(text);
  }
  if (format === 'json') yield encode('\n]\n');
}

/** An XLSX workbook of the table, one sheet named after the dataset; built whole, so callers cap its size. */
export async function workbookBytes(table: FileTable, sheetName: string): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const rows: string[][] = [[...table.columns]];
  for (let position = 0; position < table.count; position++) {
    const cells = table.row(position);
    if (cells) rows.push([...cells]);
  }
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), sheetName.slice(0, 31));
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

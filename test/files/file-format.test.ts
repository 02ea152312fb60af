import { describe, expect, it } from 'vitest';
import { chooseFileFormat } from '../../src/files/file-format.js';

describe('chooseFileFormat', () => {
  it('prefers the format option, then the resource format, then the Content-Type, then the extension', () => {
    const hints = { resourceFormat: 'XLSX', contentType: 'application/json', url: 'https://x.test/a.csv' };
    expect(chooseFileFormat({ ...hints, format: 'jsonl' })).toBe('jsonl');
    expect(chooseFileFormat(hints)).toBe('xlsx');
    expect(chooseFileFormat({ ...hints, resourceFormat: '' })).toBe('json');
    expect(chooseFileFormat({ ...hints, resourceFormat: null, contentType: 'application/octet-stream' })).toBe('csv');
  });

  it('understands the names portals give formats', () => {
    expect(chooseFileFormat({ resourceFormat: 'csv' })).toBe('csv');
    expect(chooseFileFormat({ resourceFormat: 'NDJSON' })).toBe('jsonl');
    expect(chooseFileFormat({ resourceFormat: '.xls' })).toBe('xlsx');
    expect(chooseFileFormat({ resourceFormat: 'text/csv' })).toBe('csv');
    expect(chooseFileFormat({ contentType: 'text/csv; charset=GBK' })).toBe('csv');
    expect(chooseFileFormat({ contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })).toBe('xlsx');
  });

  it('reads the extension from the URL path, not its query', () => {
    expect(chooseFileFormat({ url: 'https://x.test/download/licenses.jsonl?token=abc.csv' })).toBe('jsonl');
    expect(chooseFileFormat({ url: 'exports/licenses.XLSX' })).toBe('xlsx');
  });

  it('does not guess a spreadsheet from the ms-excel media type that servers also send for CSV', () => {
    expect(chooseFileFormat({ contentType: 'application/vnd.ms-excel' })).toBeUndefined();
    expect(chooseFileFormat({ url: 'https://x.test/download' })).toBeUndefined();
  });
});

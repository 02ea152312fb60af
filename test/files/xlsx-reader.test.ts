import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { FileFormatError, ResponseTooLargeError } from '../../src/errors/index.js';
import { readXlsx } from '../../src/files/xlsx-reader.js';
import { byteStream, collect } from './file-fixtures.js';

const workbook = (): Uint8Array => {
  const book = XLSX.utils.book_new();
  const licenses = XLSX.utils.aoa_to_sheet([
    ['许可证编号', '经营者名称', '注册资本', '有效', '有效期至', ''],
    ['JY13302030012343', '宁波鼎泰餐饮有限公司', 50, true, null],
    [],
    ['JY13302030012351', '象山海鲜排档', 12.5, false, null],
  ]);
  // A date cell as spreadsheets store it: a serial day number with a date format.
  licenses.E2 = { t: 'n', v: 46022, z: 'yyyy-mm-dd' };
  licenses.E4 = { t: 'n', v: 46022.5, z: 'yyyy-mm-dd hh:mm:ss' };
  XLSX.utils.book_append_sheet(book, licenses, '食品经营许可');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['lot_id', 'free'], ['HZ001', 3]]), 'parking');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
};

const failure = async (promise: Promise<unknown>): Promise<FileFormatError> => {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(FileFormatError);
  return error as FileFormatError;
};

describe('readXlsx', () => {
  it('reads the first sheet keyed by its header row, keeping numbers and booleans and writing dates as ISO text', async () => {
    expect(await collect(readXlsx(byteStream(workbook(), 1000)))).toEqual([
      { 许可证编号: 'JY13302030012343', 经营者名称: '宁波鼎泰餐饮有限公司', 注册资本: 50, 有效: true, 有效期至: '2025-12-31' },
      { 许可证编号: 'JY13302030012351', 经营者名称: '象山海鲜排档', 注册资本: 12.5, 有效: false, 有效期至: '2025-12-31T12:00:00' },
    ]);
  });

  it('reads a sheet chosen by name or by position', async () => {
    expect(await collect(readXlsx(byteStream(workbook()), { sheet: 'parking' }))).toEqual([{ lot_id: 'HZ001', free: 3 }]);
    expect(await collect(readXlsx(byteStream(workbook()), { sheet: 1 }))).toEqual([{ lot_id: 'HZ001', free: 3 }]);
  });

  it('yields rows in batches of batchSize', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['n'], ...Array.from({ length: 25 }, (_, index) => [index])]), 'numbers');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const sizes: number[] = [];
    for await (const batch of readXlsx(byteStream(bytes), { batchSize: 10 })) sizes.push(batch.length);
    expect(sizes).toEqual([10, 10, 5]);
  });

  it('names the sheets it has when the asked one is missing', async () => {
    const error = await failure(collect(readXlsx(byteStream(workbook()), { sheet: '停车场' })));
    expect(error.message).toBe('the workbook has no sheet "停车场"; its sheets: 食品经营许可, parking');
  });

  it('reports a workbook cut short with the byte where it ends', async () => {
    const bytes = workbook().slice(0, 900);
    const error = await failure(collect(readXlsx(byteStream(bytes))));
    expect(error.byteOffset).toBe(900);
  });

  it('reports a corrupt workbook whose zip is damaged inside', async () => {
    const bytes = workbook();
    for (let at = 200; at < bytes.length - 200; at++) bytes[at] = 0;
    const error = await failure(collect(readXlsx(byteStream(bytes))));
    expect(error.message).toMatch(/^the XLSX workbook is corrupt/);
  });

  it('recognises an HTML page served instead of a workbook', async () => {
    const error = await failure(collect(readXlsx(byteStream(new TextEncoder().encode('<html><body>文件不存在</body></html>')))));
    expect(error.message).toBe('expected an XLSX workbook but the file is an HTML page');
    expect(error.byteOffset).toBe(0);
  });

  it('stops reading past maxBytes', async () => {
    const error = await collect(readXlsx(byteStream(workbook(), 512), { maxBytes: 1024 })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
  });
});

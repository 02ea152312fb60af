import { describe, expect, it, vi } from 'vitest';
import { FileFormatError } from '../../src/errors/index.js';
import { parseCsv } from '../../src/files/csv-parser.js';
import { CsvRowParser, parseCsvRows } from '../../src/files/csv-row-parser.js';
import { collect, textChunks } from './file-fixtures.js';

const failure = async (promise: Promise<unknown>): Promise<FileFormatError> => {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(FileFormatError);
  return error as FileFormatError;
};

describe('parseCsv', () => {
  it('keys each row by the header and keeps values as strings', async () => {
    const rows = await collect(parseCsv(textChunks('lot_id,free_spaces\r\nHZ001,12\r\nHZ002,0\r\n')));
    expect(rows).toEqual([
      { lot_id: 'HZ001', free_spaces: '12' },
      { lot_id: 'HZ002', free_spaces: '0' },
    ]);
  });

  it('reads quoted fields with delimiters, newlines and doubled quotes, whatever the chunking', async () => {
    const text = 'name,scope,note\n"宁波""鼎泰""餐饮","预包装食品销售,\r\n热食类食品制售",x\nplain,"",y\n';
    const expected = [
      { name: '宁波"鼎泰"餐饮', scope: '预包装食品销售,\r\n热食类食品制售', note: 'x' },
      { name: 'plain', scope: '', note: 'y' },
    ];
    for (const size of [1, 2, 3, 5, 8, 13, text.length]) {
      expect(await collect(parseCsv(textChunks(text, size)))).toEqual(expected);
    }
  });

  it('drops a leading BOM so the first key is clean', async () => {
    const rows = await collect(parseCsv(textChunks('\uFEFFcredit_code,name\n91330200MA2AB3CD4E,鼎泰\n')));
    expect(Object.keys(rows[0] ?? {})).toEqual(['credit_code', 'name']);
  });

  it('reads a last row without a newline and skips blank lines', async () => {
    const rows = await collect(parseCsv(textChunks('a,b\n\n1,2\r\n\r\n3,4', 3)));
    expect(rows).toEqual([{ a: '1', b: '2' }, { a: '3', b: '4' }]);
  });

  it('sniffs semicolon, tab and pipe delimiters', async () => {
    for (const delimiter of [';', '\t', '|']) {
      const text = ['名称', '地址', '泊位'].join(delimiter) + '\n' + ['西湖停车场', '"文三路,1号"', '120'].join(delimiter) + '\n';
      expect(await collect(parseCsv(textChunks(text)))).toEqual([{ 名称: '西湖停车场', 地址: '文三路,1号', 泊位: '120' }]);
    }
  });

  it('uses the given delimiter instead of sniffing', async () => {
    expect(await collect(parseCsv(textChunks('a;b,c\n1;2,3\n'), { delimiter: ',' }))).toEqual([{ 'a;b': '1;2', c: '3' }]);
  });

  it('names blank and repeated header cells so no column is lost', async () => {
    expect(await collect(parseCsv(textChunks('id,,id\n1,2,3\n')))).toEqual([{ id: '1', column_2: '2', id_2: '3' }]);
  });

  it('keeps a __proto__ column as a plain field', async () => {
    const [row] = await collect(parseCsv(textChunks('__proto__,b\nx,y\n')));
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.keys(row ?? {})).toEqual(['__proto__', 'b']);
  });

  it('keeps header cells that look like code as plain keys', async () => {
    const header = '"a""b",c\\d,"x}; throw 1; {",constructor,10';
    const [row] = await collect(parseCsv(textChunks(`${header}\n1,2,3,4,5\n`)));
    expect(row).toEqual({ 'a"b': '1', 'c\\d': '2', 'x}; throw 1; {': '3', constructor: '4', '10': '5' });
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  });

  it('builds the same records where code generation is forbidden', async () => {
    const forbid = vi.spyOn(globalThis, 'Function').mockImplementation(() => {
      throw new EvalError('code generation from strings disallowed');
    });
    try {
      const rows = await collect(parseCsv(textChunks('a,b\n1,2\n3\n'), { raggedRows: 'fill' }));
      expect(forbid).toHaveBeenCalled();
      expect(rows).toEqual([{ a: '1', b: '2' }, { a: '3', b: '' }]);
    } finally {
      forbid.mockRestore();
    }
  });

  it('reads a file without a header row when columns are given', async () => {
    expect(await collect(parseCsv(textChunks('1,2\n3,4\n'), { columns: ['a', 'b'] }))).toEqual([{ a: '1', b: '2' }, { a: '3', b: '4' }]);
  });

  it('throws on a row with more fields than the header, naming its line', async () => {
    const error = await failure(collect(parseCsv(textChunks('a,b\n1,2\n"x\ny",2\n3,4,5\n', 4))));
    expect(error.line).toBe(5);
    expect(error.message).toBe('CSV line 5 has 3 fields, the header has 2');
  });

  it('throws on a row with fewer fields than the header, naming its line', async () => {
    const error = await failure(collect(parseCsv(textChunks('a,b,c\n1,2,3\n4,5\n'))));
    expect(error.line).toBe(3);
  });

  it('skips or fills ragged rows when asked', async () => {
    const text = 'a,b\n1\n2,3\n4,5,6\n';
    expect(await collect(parseCsv(textChunks(text), { raggedRows: 'skip' }))).toEqual([{ a: '2', b: '3' }]);
    expect(await collect(parseCsv(textChunks(text), { raggedRows: 'fill' }))).toEqual([
      { a: '1', b: '' },
      { a: '2', b: '3' },
      { a: '4', b: '5' },
    ]);
  });

  it('throws on an unterminated quote with the line where it opened', async () => {
    const error = await failure(collect(parseCsv(textChunks('a,b\n1,2\n3,"never closed\n4,5\n', 3))));
    expect(error.line).toBe(3);
    expect(error.message).toBe('CSV quoted field opened on line 3 is never closed');
  });

  it('throws on text after a closing quote', async () => {
    const error = await failure(collect(parseCsv(textChunks('a,b\n"1"x,2\n'))));
    expect(error.line).toBe(2);
  });

  it('stops buffering a record that grows past maxRecordLength', async () => {
    const text = `a,b\n1,"${'x'.repeat(5000)}`;
    const error = await failure(collect(parseCsv(textChunks(text, 100), { maxRecordLength: 1000 })));
    expect(error.line).toBe(2);
  });

  it('recognises an HTML error page served instead of CSV', async () => {
    const page = '<!DOCTYPE html><html><head><title>系统繁忙</title></head><body>请稍后再试</body></html>';
    const error = await failure(collect(parseCsv(textChunks(page))));
    expect(error.message).toBe('expected CSV but the file is an HTML page');
    expect(error.line).toBe(1);
    expect(error.bodyExcerpt).toContain('系统繁忙');
  });

  it('reads an empty file as no records', async () => {
    expect(await collect(parseCsv(textChunks('')))).toEqual([]);
  });
});

describe('parseCsvRows', () => {
  it('gives the raw fields with the line each row starts on', async () => {
    const batches = [];
    for await (const batch of parseCsvRows(textChunks('a,b\n"1\n2",3\n4,5\n'))) batches.push(batch);
    expect(batches.flatMap((batch) => batch.rows)).toEqual([['a', 'b'], ['1\n2', '3'], ['4', '5']]);
    expect(batches.flatMap((batch) => batch.lines)).toEqual([1, 2, 4]);
  });

  it('holds a doubled quote split across chunks until it is complete', () => {
    const parser = new CsvRowParser(',');
    expect(parser.push('"a"').rows).toEqual([]);
    expect(parser.push('"b",c\n').rows).toEqual([['a"b', 'c']]);
  });
});

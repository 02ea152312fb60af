import { describe, expect, it } from 'vitest';
import { FileFormatError } from '../../src/errors/index.js';
import { parseJsonArray } from '../../src/files/json-array-stream.js';
import { collect, textChunks } from './file-fixtures.js';

const failure = async (text: string, size?: number): Promise<FileFormatError> => {
  const error = await collect(parseJsonArray(textChunks(text, size))).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(FileFormatError);
  return error as FileFormatError;
};

describe('parseJsonArray', () => {
  it('reads objects with nested values, escapes and brackets inside strings, whatever the chunking', async () => {
    const text = '\uFEFF [\n {"id":"a","tags":["x]",{"y":"}"}],"q":"say \\"hi\\" \\\\"},\n{"id":"b","n":1.5e3,"ok":true,"none":null}\n]\n';
    const expected = [
      { id: 'a', tags: ['x]', { y: '}' }], q: 'say "hi" \\' },
      { id: 'b', n: 1500, ok: true, none: null },
    ];
    for (const size of [1, 2, 7, text.length]) expect(await collect(parseJsonArray(textChunks(text, size)))).toEqual(expected);
  });

  it('reads an empty array as no records', async () => {
    expect(await collect(parseJsonArray(textChunks('[ ]')))).toEqual([]);
  });

  it('yields records as chunks complete them instead of waiting for the end', async () => {
    const batches: number[] = [];
    for await (const batch of parseJsonArray(textChunks('[{"a":1},{"a":2},{"a":3}]', 9))) batches.push(batch.length);
    expect(batches.length).toBeGreaterThan(1);
  });

  it('throws with the line when an element is broken JSON', async () => {
    const error = await failure('[\n{"a":1},\n{"a":tru}\n]', 4);
    expect(error.line).toBe(3);
    expect(error.message).toBe('JSON array element 1 (line 3) is not valid JSON');
  });

  it('throws when an element is not an object', async () => {
    const error = await failure('[{"a":1},\n42]');
    expect(error.message).toBe('JSON array element 1 (line 2) is not an object');
  });

  it('throws with the last line when a truncated file never closes the array', async () => {
    const error = await failure('[\n{"a":1},\n{"a":2', 3);
    expect(error.line).toBe(3);
  });

  it('throws when the file is an object, not an array', async () => {
    const error = await failure('{"data":[]}');
    expect(error.message).toBe('expected a JSON array but the file starts with "{" on line 1');
  });

  it('throws on text after the closing bracket and on a missing comma', async () => {
    expect((await failure('[{"a":1}] x')).message).toBe('unexpected "x" in the JSON array on line 1');
    expect((await failure('[{"a":1} {"a":2}]')).line).toBe(1);
    expect((await failure('[{"a":1},]')).line).toBe(1);
  });

  it('recognises an HTML page', async () => {
    const error = await failure('<html><body>502 Bad Gateway</body></html>');
    expect(error.message).toBe('expected a JSON array but the file is an HTML page');
  });
});

import { describe, expect, it } from 'vitest';
import { FileFormatError } from '../../src/errors/index.js';
import { parseJsonLines } from '../../src/files/jsonl-stream.js';
import { collect, textChunks } from './file-fixtures.js';

describe('parseJsonLines', () => {
  it('reads one object per line, CRLF or LF, skipping blank lines, whatever the chunking', async () => {
    const text = '{"id":"a","name":"鼎泰"}\r\n\n{"id":"b"}\n{"id":"c"}';
    for (const size of [1, 5, text.length]) {
      expect(await collect(parseJsonLines(textChunks(text, size)))).toEqual([{ id: 'a', name: '鼎泰' }, { id: 'b' }, { id: 'c' }]);
    }
  });

  it('throws with the line of broken JSON', async () => {
    const error = await collect(parseJsonLines(textChunks('{"a":1}\n\n{"a":\n', 3))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileFormatError);
    expect((error as FileFormatError).line).toBe(3);
  });

  it('throws with the line of a value that is not an object', async () => {
    const error = await collect(parseJsonLines(textChunks('{"a":1}\n[1,2]\n'))).catch((caught: unknown) => caught);
    expect((error as FileFormatError).message).toBe('JSON Lines line 2 is not an object');
  });

  it('recognises an HTML page', async () => {
    const error = await collect(parseJsonLines(textChunks('<!doctype html>\n<html></html>'))).catch((caught: unknown) => caught);
    expect((error as FileFormatError).message).toBe('expected JSON Lines but the file is an HTML page');
  });
});

import { describe, expect, it } from 'vitest';
import { FileFormatError } from '../../src/errors/index.js';
import { decodeTextStream, SNIFF_BYTES } from '../../src/files/decode-text-stream.js';
import { byteStream, encodeGbk, joinText } from './file-fixtures.js';

const TEXT = '统一社会信用代码,企业名称\r\n91330200MA2AB3CD4E,宁波市海曙区鼎泰餐饮有限公司\r\n';
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('decodeTextStream', () => {
  it('decodes UTF-8 split inside multi-byte characters, one byte per chunk', async () => {
    expect(await joinText(decodeTextStream(byteStream(utf8(TEXT), 1)))).toBe(TEXT);
  });

  it('drops a UTF-8 byte-order mark but keeps one that appears mid-file', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a\uFEFFb')]);
    expect(await joinText(decodeTextStream(byteStream(bytes, 2)))).toBe('a\uFEFFb');
  });

  it('detects GBK bytes without a declaration and decodes them as GB18030', async () => {
    const seen: string[] = [];
    const text = await joinText(decodeTextStream(byteStream(encodeGbk(TEXT), 7), { onEncoding: (encoding, source) => seen.push(`${encoding}:${source}`) }));
    expect(text).toBe(TEXT);
    expect(seen).toEqual(['gb18030:detected']);
  });

  it('takes GBK from the Content-Type charset, including the gb2312 label', async () => {
    const seen: string[] = [];
    const text = await joinText(decodeTextStream(byteStream(encodeGbk(TEXT), 3), { contentType: 'text/csv; charset=GB2312', onEncoding: (encoding, source) => seen.push(`${encoding}:${source}`) }));
    expect(text).toBe(TEXT);
    expect(seen).toEqual(['gbk:content-type']);
  });

  it('decodes GB18030 four-byte sequences and its byte-order mark', async () => {
    // U+20AC (euro) is 0x80 in GBK; U+00A5 (yen) is the four-byte 0x81 0x30 0x84 0x36 in GB18030.
    const bytes = new Uint8Array([0x84, 0x31, 0x95, 0x33, 0x41, 0x81, 0x30, 0x84, 0x36, 0x42]);
    expect(await joinText(decodeTextStream(byteStream(bytes, 1)))).toBe('A\u00A5B');
  });

  it('lets the encoding option override the Content-Type charset', async () => {
    const text = await joinText(decodeTextStream(byteStream(encodeGbk(TEXT)), { contentType: 'text/csv; charset=utf-8', encoding: 'gbk' }));
    expect(text).toBe(TEXT);
  });

  it('ignores a charset it does not read and detects instead', async () => {
    expect(await joinText(decodeTextStream(byteStream(encodeGbk(TEXT)), { contentType: 'text/csv; charset=iso-8859-1' }))).toBe(TEXT);
  });

  it('names the byte offset when GBK bytes are forced through UTF-8', async () => {
    const prefix = 'credit_code,name\r\n';
    const bytes = new Uint8Array([...utf8(prefix), ...encodeGbk('宁波')]);
    const error = await joinText(decodeTextStream(byteStream(bytes, 5), { encoding: 'utf-8' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileFormatError);
    expect((error as FileFormatError).byteOffset).toBe(prefix.length);
    expect((error as FileFormatError).message).toBe(`the file is not valid UTF-8 at byte ${prefix.length}; pass the right \`encoding\``);
  });

  it('finds an invalid byte far past the detection sample with its absolute offset', async () => {
    const head = 'a'.repeat(SNIFF_BYTES + 10_000);
    const bytes = new Uint8Array([...utf8(head), 0xff, 0x41]);
    const error = await joinText(decodeTextStream(byteStream(bytes, 4096))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileFormatError);
    expect((error as FileFormatError).byteOffset).toBe(head.length);
  });

  it('names the offset of a GBK character split across two chunks and forced through UTF-8', async () => {
    const head = 'a'.repeat(SNIFF_BYTES);
    const bytes = new Uint8Array([...utf8(head), ...encodeGbk('你好'), 0x0a]);
    // The first chunk ends after 0xC4, the first byte of 你 in GBK, which also looks like a UTF-8 lead.
    const error = await joinText(decodeTextStream(byteStream(bytes, SNIFF_BYTES + 1), { encoding: 'utf-8' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileFormatError);
    expect((error as FileFormatError).byteOffset).toBe(SNIFF_BYTES);
  });

  it('reports a file that ends inside a character', async () => {
    const bytes = new Uint8Array([...utf8('ab'), 0xe5, 0xae]);
    const error = await joinText(decodeTextStream(byteStream(bytes, 1), { encoding: 'utf-8' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileFormatError);
    expect((error as FileFormatError).byteOffset).toBe(2);
  });

  it('refuses UTF-16 with a clear error at byte 0', async () => {
    const error = await joinText(decodeTextStream(byteStream(new Uint8Array([0xff, 0xfe, 0x41, 0x00])))).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileFormatError);
    expect((error as FileFormatError).byteOffset).toBe(0);
    expect((error as FileFormatError).message).toMatch(/UTF-16LE/);
  });

  it('decodes an empty file to nothing', async () => {
    expect(await joinText(decodeTextStream(byteStream(new Uint8Array(0))))).toBe('');
  });
});

import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256Hex } from '../../src/hash/hmac-sha256.js';
import { sha256 } from '../../src/hash/sha256.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(hex(sha256(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto on every length around the 64-byte block boundaries, and on Chinese text', () => {
    for (let length = 0; length <= 130; length++) {
      const text = 'k'.repeat(length);
      expect(hex(sha256(utf8(text)))).toBe(createHash('sha256').update(text).digest('hex'));
    }
    const text = '浙江省公共数据开放平台：宁波市食品经营许可证';
    expect(hex(sha256(utf8(text)))).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

describe('hmacSha256Hex', () => {
  it('matches RFC 4231 test case 2 and node:crypto for short, block-sized and long keys', () => {
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    for (const key of ['', 'k', 'x'.repeat(64), 'y'.repeat(65), '密钥'.repeat(40)]) {
      const message = `app_id=demo&biz_content={"pageNum":"1"}&key=${key.length}`;
      expect(hmacSha256Hex(key, message)).toBe(createHmac('sha256', key).update(message, 'utf8').digest('hex'));
    }
  });
});

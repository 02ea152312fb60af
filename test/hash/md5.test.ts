import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { md5Hex } from '../../src/hash/md5.js';

describe('md5Hex', () => {
  it('matches the RFC 1321 test suite', () => {
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex('a')).toBe('0cc175b9c0f1b6a831c399e269772661');
    expect(md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5Hex('message digest')).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(md5Hex('abcdefghijklmnopqrstuvwxyz')).toBe('c3fcd3d76192e4007dfb496cca67e13b');
    expect(md5Hex('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')).toBe('d174ab98d277d9f5a5611c2c9f419d9f');
    expect(md5Hex('12345678901234567890123456789012345678901234567890123456789012345678901234567890')).toBe(
      '57edf4a22be3c955ac49da2e2107b67a',
    );
  });

  it('hashes Chinese text as UTF-8, like node:crypto', () => {
    const text = '浙江省公共数据开放平台：宁波市食品经营许可证';
    expect(md5Hex(text)).toBe(createHash('md5').update(text, 'utf8').digest('hex'));
  });

  it('agrees with node:crypto on every length around the 64-byte block boundaries', () => {
    for (let length = 0; length <= 130; length++) {
      const text = 'k'.repeat(length);
      expect(md5Hex(text)).toBe(createHash('md5').update(text).digest('hex'));
    }
  });

  it('signs a gateway request as the plain concatenation of key, secret and time', () => {
    const appKey = 'sandbox-app';
    const secret = 'sandbox-secret';
    const time = '1763596800000';
    expect(md5Hex(appKey + secret + time)).toBe(createHash('md5').update(appKey + secret + time).digest('hex'));
  });
});

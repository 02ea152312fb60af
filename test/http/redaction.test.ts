import { describe, expect, it } from 'vitest';
import { fingerprint, parseRetryAfter, redactHeaders, redactText, redactUrl } from '../../src/http/index.js';

describe('redactUrl', () => {
  it('hides every default secret parameter and keeps the rest untouched', () => {
    const url =
      'https://data.zj.gov.cn/jdop_front/interfaces/cata_1/get_data.do?appsecret=S3CRET&pageNum=1&sign=abcd&requestSecret=Q1&$$app_token=T&q=%E5%81%9C%E8%BD%A6';
    expect(redactUrl(url)).toBe(
      'https://data.zj.gov.cn/jdop_front/interfaces/cata_1/get_data.do?appsecret=[REDACTED]&pageNum=1&sign=[REDACTED]&requestSecret=[REDACTED]&$$app_token=[REDACTED]&q=%E5%81%9C%E8%BD%A6',
    );
  });

  it('compares parameter names case-insensitively and decodes them', () => {
    expect(redactUrl('https://x.test/a?AppSecret=1&%61pi_key=2')).toBe('https://x.test/a?AppSecret=[REDACTED]&%61pi_key=[REDACTED]');
  });

  it('hides a password in the user-info part', () => {
    expect(redactUrl('https://user:pa55word@x.test/a')).toBe('https://user:[REDACTED]@x.test/a');
  });

  it('accepts extra parameter names', () => {
    expect(redactUrl('https://x.test/a?ticket=abc&id=1', ['ticket'])).toBe('https://x.test/a?ticket=[REDACTED]&id=1');
  });

  it('falls back to text redaction for something that is not a URL', () => {
    expect(redactUrl('not a url ?token=abc')).toBe('not a url ?token=[REDACTED]');
  });
});

describe('redactHeaders', () => {
  it('hides secret headers and keeps the authorization scheme', () => {
    expect(
      redactHeaders({ Authorization: 'Bearer abc.def', 'X-App-Token': 'tok', Cookie: 'sid=1', Accept: 'application/json' }),
    ).toEqual({ authorization: 'Bearer [REDACTED]', 'x-app-token': '[REDACTED]', cookie: '[REDACTED]', accept: 'application/json' });
  });

  it('hides a bare CKAN token without inventing a scheme', () => {
    expect(redactHeaders(new Headers({ authorization: 'ckan-token-123' }))).toEqual({ authorization: '[REDACTED]' });
  });
});

describe('redactText', () => {
  it('hides exact secret values and secret pairs in free text and JSON', () => {
    const text = 'echo appsecret=abc123&x=1 {"requestSecret": "q-999", "keep": "v"} and raw s3cr3t-value';
    expect(redactText(text, { secrets: ['s3cr3t-value'] })).toBe(
      'echo appsecret=[REDACTED]&x=1 {"requestSecret": "[REDACTED]", "keep": "v"} and raw [REDACTED]',
    );
  });
});

describe('fingerprint', () => {
  it('is stable, 16 hex digits, and differs for different inputs', () => {
    expect(fingerprint('')).toBe('cbf29ce484222325');
    expect(fingerprint('a')).toBe('af63dc4c8601ec8c');
    expect(fingerprint('key-a')).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint('key-a')).not.toBe(fingerprint('key-b'));
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds, HTTP dates and rejects garbage', () => {
    const now = Date.parse('2024-05-01T00:00:00Z');
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 01 May 2024 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 30 Apr 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  ArgumentError,
  AuthError,
  bodyExcerpt,
  createHttpError,
  HttpError,
  KaifangError,
  NetworkError,
  NotFoundError,
  NotReadyError,
  PagingError,
  PortalError,
  RateLimitError,
  RecordValidationError,
  ResponseFormatError,
  ResponseTooLargeError,
  ServerError,
  TimeoutError,
  UnsupportedError,
} from '../../src/errors/index.js';

const request = { method: 'GET', url: 'http://ckan.test/api/3/action/package_show?id=x' };

describe('createHttpError', () => {
  it.each([
    [404, NotFoundError, 'NOT_FOUND'],
    [410, NotFoundError, 'NOT_FOUND'],
    [401, AuthError, 'AUTH_ERROR'],
    [403, AuthError, 'AUTH_ERROR'],
    [429, RateLimitError, 'RATE_LIMITED'],
    [500, ServerError, 'SERVER_ERROR'],
    [503, ServerError, 'SERVER_ERROR'],
    [400, HttpError, 'HTTP_ERROR'],
    [409, HttpError, 'HTTP_ERROR'],
  ] as const)('maps status %i to its class and code', (status, ErrorClass, code) => {
    const error = createHttpError({ request, status });
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toBeInstanceOf(KaifangError);
    expect(error.code).toBe(code);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
  });

  it('writes a message that reads alone', () => {
    const error = createHttpError({ request, status: 404, statusText: 'Not Found', portalMessage: 'Not found: Dataset not found' });
    expect(error.message).toBe('GET http://ckan.test/api/3/action/package_show?id=x → 404 Not Found: Not found: Dataset not found');
  });

  it('fills in the standard status text when the server sent none', () => {
    expect(createHttpError({ status: 503, statusText: '' }).message).toBe('503 Service Unavailable');
    expect(createHttpError({ status: 599 }).message).toBe('599');
  });

  it('reads Retry-After into retryAfter and resetAt', () => {
    const before = Date.now();
    const error = createHttpError({ status: 429, headers: new Headers({ 'retry-after': '120' }) }) as RateLimitError;
    expect(error.retryAfter).toBe(120_000);
    expect(error.resetAt?.getTime()).toBeGreaterThanOrEqual(before + 120_000);
    expect(error.message).toBe('429 Too Many Requests (retry after 120 s)');
  });

  it('keeps a redacted excerpt of the body', () => {
    const error = createHttpError({ status: 500, body: `<html>${'x'.repeat(300)} appsecret=abc</html>`, secrets: ['zzz'] });
    expect(error.bodyExcerpt).toHaveLength(201);
    expect(error.bodyExcerpt?.endsWith('…')).toBe(true);
  });

  it('redacts exact secrets from the portal message', () => {
    const error = createHttpError({ status: 403, portalMessage: 'token tk-123456 is invalid', secrets: ['tk-123456'] });
    expect(error.portalMessage).toBe('token [REDACTED] is invalid');
    expect(error.message).not.toContain('tk-123456');
  });
});

describe('error classes', () => {
  it('give each class its own name, code and fields', () => {
    const cases: [KaifangError, string, string][] = [
      [new NetworkError('socket hang up'), 'NetworkError', 'NETWORK_ERROR'],
      [new TimeoutError(30_000), 'TimeoutError', 'TIMEOUT'],
      [new ResponseFormatError('expected JSON'), 'ResponseFormatError', 'RESPONSE_FORMAT'],
      [new PortalError(99, '失败'), 'PortalError', 'PORTAL_ERROR'],
      [new RecordValidationError(3, []), 'RecordValidationError', 'RECORD_INVALID'],
      [new ResponseTooLargeError(1024), 'ResponseTooLargeError', 'RESPONSE_TOO_LARGE'],
      [new NotReadyError({ retryAfter: 1_000 }), 'NotReadyError', 'NOT_READY'],
      [new KaifangError('plain'), 'KaifangError', 'KAIFANG_ERROR'],
      [new ArgumentError('pageSize must be at least 1'), 'ArgumentError', 'INVALID_ARGUMENT'],
      [new UnsupportedError('orderBy is not supported'), 'UnsupportedError', 'UNSUPPORTED'],
      [new PagingError('page 3 was short', { page: 3, expected: 200, received: 150 }), 'PagingError', 'INCONSISTENT_PAGES'],
    ];
    for (const [error, name, code] of cases) {
      expect(error.name).toBe(name);
      expect(error.code).toBe(code);
      expect(error.stack?.startsWith(`${name}: `)).toBe(true);
    }
    expect(new TimeoutError(30_000).timeout).toBe(30_000);
    expect(new ResponseTooLargeError(1024).limit).toBe(1024);
    expect(new NotReadyError({ retryAfter: 1_000, portalMessage: 'Dataset x is being prepared' })).toMatchObject({
      status: 202,
      retryAfter: 1_000,
      message: 'the answer is not ready yet (202): Dataset x is being prepared',
    });
    expect(new PortalError(99, '失败')).toMatchObject({ portalCode: '99', portalMessage: '失败', message: 'portal error 99: 失败' });
  });

  it('give subclass defaults for the status', () => {
    expect(new NotFoundError().status).toBe(404);
    expect(new AuthError().status).toBe(401);
    expect(new RateLimitError().status).toBe(429);
    expect(new ServerError().status).toBe(500);
    expect(new AuthError({ status: 200, statusText: 'OK', portalMessage: '签名错误' }).message).toBe('200 OK: 签名错误');
  });

  it('prefix the message with the request and keep the cause', () => {
    const cause = new TypeError('fetch failed');
    const error = new NetworkError('network error: fetch failed', { request, cause });
    expect(error.message).toBe(`GET ${request.url} → network error: fetch failed`);
    expect(error.cause).toBe(cause);
    expect(error.request).toEqual(request);
  });

  it('start the stack where the error was created, not inside the error classes', () => {
    const error = createHttpError({ status: 500 });
    const firstFrame = error.stack?.split('\n')[1] ?? '';
    expect(firstFrame).not.toMatch(/errors[\\/](http-error|server-error|kaifang-error)\.ts/);
  });

  it('summarise zod issues in the message of a ResponseFormatError', () => {
    const result = z.object({ result: z.object({ count: z.number() }) }).safeParse({ result: { count: 'x' } });
    if (result.success) throw new Error('expected a failure');
    const error = new ResponseFormatError('unexpected package_search envelope', { issues: result.error.issues, body: '{"result":{"count":"x"}}' });
    expect(error.message).toMatch(/^unexpected package_search envelope: result\.count: /);
    expect(error.issues).toHaveLength(1);
    expect(error.bodyExcerpt).toBe('{"result":{"count":"x"}}');
  });

  it('name the row and the first issue in a RecordValidationError, and keep the row out of JSON', () => {
    const row = { XM: '张三', KXBW: 'many' };
    const result = z.object({ KXBW: z.number() }).safeParse(row);
    if (result.success) throw new Error('expected a failure');
    const error = new RecordValidationError(17, result.error.issues, { record: row });
    expect(error.message).toMatch(/^record 17 does not match the schema: KXBW: /);
    expect(error.record).toBe(row);
    const json = error.toJSON();
    expect(json).toMatchObject({ name: 'RecordValidationError', index: 17 });
    expect(JSON.stringify(json)).not.toContain('张三');
  });
});

describe('toJSON', () => {
  it('gives a plain object with the fields of the class and a summary of the cause', () => {
    const error = createHttpError({ request, status: 429, headers: new Headers({ 'retry-after': '1' }), cause: new Error('inner') });
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(json).toMatchObject({
      name: 'RateLimitError',
      code: 'RATE_LIMITED',
      status: 429,
      statusText: 'Too Many Requests',
      retryAfter: 1000,
      request,
      cause: { name: 'Error', message: 'inner' },
    });
    expect(typeof json['resetAt']).toBe('string');
    expect(json).not.toHaveProperty('stack');
  });
});

describe('bodyExcerpt', () => {
  it('collapses whitespace, redacts secret pairs and exact values', () => {
    expect(bodyExcerpt('<p>\n  bad   appsecret=S1234 and X-9999\n</p>', ['X-9999'])).toBe('<p> bad appsecret=[REDACTED] and [REDACTED] </p>');
  });

  it('leaves no readable part of a secret that straddles the cut', () => {
    const secret = 'straddling-secret-value';
    const excerpt = bodyExcerpt(`${'a'.repeat(190)}${secret}${'b'.repeat(100)}`, [secret]);
    expect(excerpt).not.toContain('straddling');
    expect(excerpt).toContain('[REDACTED]');
  });
});

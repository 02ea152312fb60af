import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTransport } from '../../src/http/index.js';
import { BASE, useMswServer } from './msw-server.js';

const server = useMswServer();

const SECRET = 'client-wide-secret-9c2f';

describe('credentials given to the transport once', () => {
  it('redacts the secret values given at creation from errors of requests that did not declare them', async () => {
    server.use(http.get(`${BASE}/data`, () => HttpResponse.json({ message: `unknown key ${SECRET}` }, { status: 400 })));
    const transport = createTransport({ retry: false, cache: false, secrets: [SECRET] });
    const error = await transport.request({ method: 'GET', url: `${BASE}/data`, parse: (body) => body, errorMessage: (body) => (body as { message: string }).message }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('unknown key');
    expect((error as Error).message).not.toContain(SECRET);
  });
});

import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** Starts an msw server for the calling test file: unhandled requests fail the test. */
export function useMswServer(): ReturnType<typeof setupServer> {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** Base URL of the mocked portal. */
export const BASE = 'https://portal.test';

/** A `parse` that accepts any JSON body. */
export const anyBody = (body: unknown): unknown => body;

/** Settings that keep retries fast in tests. */
export const FAST_RETRY = { retries: 3, minDelay: 1, maxDelay: 5 } as const;

/** An msw resolver that keeps every request it answers, so tests can count and inspect them. */
export const countRequests = (respond: (request: Request) => Response | Promise<Response>) => {
  const seen: Request[] = [];
  return {
    seen,
    handler: ({ request }: { request: Request }) => {
      seen.push(request);
      return respond(request);
    },
  };
};

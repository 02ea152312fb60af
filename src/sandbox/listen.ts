import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ListenOptions {
  /** Port to bind; `0` picks a free one. @default 0 */
  readonly port?: number | undefined;
  /** Interface to bind. @default '127.0.0.1' (loopback only) */
  readonly host?: string | undefined;
}

export interface ListeningSandbox {
  /** Base URL of the server, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  /** Stops accepting connections, ends open ones, and resolves when the server is closed. */
  close(): Promise<void>;
}

// Browser apps call the sandbox cross-origin; they need to read these headers to cache and back off.
const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, POST, OPTIONS',
  'access-control-allow-headers': '*',
  'access-control-expose-headers': 'Retry-After, ETag, Last-Modified, Content-Length, Content-Type, X-SODA2-Fields, X-SODA2-Types',
  'access-control-max-age': '600',
};

/** Serves a fetch-style handler as a real HTTP server (Node only; imported lazily so browsers never load it). */
export async function listen(
  handler: (request: Request) => Promise<Response>,
  options: ListenOptions = {},
): Promise<ListeningSandbox> {
  const { createServer } = await import('node:http');
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    void serve(handler, req, res, host);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function serve(
  handler: (request: Request) => Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
  host: string,
): Promise<void> {
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort(new Error('client closed the connection'));
  });
  try {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS).end();
      return;
    }
    const request = await toRequest(req, host, abort.signal);
    const response = await handler(request);
    if (response.type === 'error') {
      req.socket.destroy();
      return;
    }
    const headers: Record<string, string> = { ...CORS_HEADERS };
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    res.writeHead(response.status, response.statusText, headers);
    if (!response.body || req.method === 'HEAD') {
      res.end();
      return;
    }
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  } catch {
    // A failed body stream (the `truncate` fault) or a client that went away: drop the connection,
    // exactly what a client sees when a real server dies mid-answer.
    req.socket.destroy();
  }
}

async function toRequest(req: IncomingMessage, host: string, signal: AbortSignal): Promise<Request> {
  const authority = req.headers.host ?? host;
  const url = new URL(req.url ?? '/', `http://${authority}`);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = req.method ?? 'GET';
  let body: Buffer | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    body = Buffer.concat(chunks);
  }
  return new Request(url, { method, headers, body: body ? new Uint8Array(body) : null, signal });
}

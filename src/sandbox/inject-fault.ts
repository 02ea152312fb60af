import type { ChosenFault } from './faults.js';
import type { Flavor } from './flavor.js';

/**
 * Wraps one answer of the sandbox with a fault. `reset` is a `Response.error()` (a network error:
 * `sandbox.fetch` rejects, msw drops the request, the loopback server destroys the socket).
 */
export async function injectFault(
  fault: ChosenFault,
  request: Request,
  flavor: Flavor,
  answer: () => Promise<Response>,
): Promise<Response> {
  switch (fault.kind) {
    case 'unavailable':
      return new Response('503 Service Unavailable\n', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    case 'rate-limit':
      return new Response('429 Too Many Requests\n', {
        status: 429,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(fault.retryAfter) },
      });
    case 'reset':
      return Response.error();
    case 'html':
      return new Response(HTML_ERROR_PAGE, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
    case 'slow':
      await sleep(fault.delay, request.signal);
      return answer();
    case 'truncate':
      return truncate(await answer());
    case 'drift':
      return drift(await answer(), flavor.drift);
  }
}

// What a reverse proxy in front of a portal answers when the portal is down: status 200, no JSON.
const HTML_ERROR_PAGE =
  '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>502 Bad Gateway</title></head>' +
  '<body><h1>502 Bad Gateway</h1><p>网关错误，请稍后再试。</p><hr><address>nginx</address></body></html>\n';

/** Sends the headers (with the full Content-Length) and half the body, then fails the stream. */
async function truncate(response: Response): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const half = bytes.subarray(0, Math.floor(bytes.length / 2));
  const headers = new Headers(response.headers);
  headers.set('content-length', String(bytes.length));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(half);
    },
    pull(controller) {
      controller.error(new TypeError('terminated: the connection closed before the body was complete'));
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

async function drift(response: Response, rename: Flavor['drift']): Promise<Response> {
  const text = await response.text();
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, { status: response.status, headers });
  }
  if (body && typeof body === 'object' && !Array.isArray(body) && rename.from in body) {
    const record = body as Record<string, unknown>;
    const drifted: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) drifted[key === rename.from ? rename.to : key] = value;
    body = drifted;
  }
  return new Response(JSON.stringify(body), { status: response.status, headers });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

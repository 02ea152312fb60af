import type { SandboxContext } from '../../flavor.js';
import { encodeData } from './encode-data.js';
import { jsonResponse } from './json-response.js';

/** A successful `{status: 1, msg: "ok", data}` answer, `data` encoded as the context says. */
export function openDataSuccess(data: unknown, context: SandboxContext): Response {
  return jsonResponse(openDataSuccessBody(data, context));
}

/** The body of a successful answer. */
export function openDataSuccessBody(data: unknown, context: SandboxContext): { status: 1; msg: 'ok'; data: unknown } {
  return { status: 1, msg: 'ok', data: encodeData(data, context.encodeData) };
}

/** A failure: HTTP 200, `{status: 0, msg, data: null}`, as the platform answers every error. */
export function openDataFailure(msg: string): Response {
  return jsonResponse({ status: 0, msg, data: null });
}

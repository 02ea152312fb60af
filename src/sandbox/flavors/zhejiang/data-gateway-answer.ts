import { JSON_CONTENT_TYPE, jsonResponse } from './json-response.js';

/**
 * The outer codes of `gateway.do` (section A2). The platform does not publish them; the sandbox
 * answers, always with HTTP 200: `200` success; `400` a missing or malformed field; `401` a bad
 * or expired sign, or a timestamp out of range; `403` an unknown app, or an app not approved
 * for a restricted interface; `404` an unknown interface; `405` a method other than GET or
 * POST; `429` over quota.
 */
export type DataGatewayCode = 200 | 400 | 401 | 403 | 404 | 405 | 429;

/** The body of a success: the business answer travels as a JSON string in `data`. */
export function dataGatewaySuccessBody(businessAnswer: unknown): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify({ code: 200, msg: '成功', data: JSON.stringify(businessAnswer) }));
}

/** A success as a response, from its body. */
export function dataGatewayResponse(body: Uint8Array<ArrayBuffer>): Response {
  return new Response(body, { headers: { 'content-type': JSON_CONTENT_TYPE } });
}

/** An outer failure: HTTP 200, a code other than 200, a Chinese `msg`, `data: null`. */
export function dataGatewayFailure(code: Exclude<DataGatewayCode, 200>, msg: string): Response {
  return jsonResponse({ code, msg, data: null });
}

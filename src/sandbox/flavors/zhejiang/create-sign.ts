/**
 * Section A2 of the zhejiang wire format, step 1: `{base}/jimp/sign/createsign.do` (GET or a
 * form POST; the fields may also come as one `param` JSON field, as on `gateway.do`). Answers
 * the sign as `text/plain`, 64 hex characters and nothing else; refuses with an empty body,
 * as the platform does: another method, an unknown `app_id`, a missing `app_id`,
 * `interface_id`, `timestamp` or `biz_content`, or a timestamp that is not epoch milliseconds
 * within the sign lifetime of the clock. `version`, `charset`, `origin` and `sign` are optional
 * (`sign` is sent empty, and ignored); the first three are covered by the sign.
 * The interface id is not checked here: the gateway does that when the call comes.
 */
import type { SandboxContext } from '../../flavor.js';
import { readDataGatewayFields } from './data-gateway-fields.js';
import { signFields, timestampStanding } from './data-gateway-sign.js';
import type { RequestParams } from './request-params.js';

const TEXT_CONTENT_TYPE = 'text/plain;charset=UTF-8';

function textResponse(body: string): Response {
  return new Response(body, { headers: { 'content-type': TEXT_CONTENT_TYPE } });
}

/** Answers one `createsign.do` request. */
export function answerCreateSign(method: string, params: RequestParams, context: SandboxContext): Response {
  const refused = textResponse('');
  if (method !== 'GET' && method !== 'POST') return refused;
  const fields = readDataGatewayFields(params);
  if (fields === 'malformed') return refused;
  for (const name of ['app_id', 'interface_id', 'timestamp', 'biz_content'] as const) {
    if ((fields[name] ?? '') === '') return refused;
  }
  if (fields.app_id !== context.credentials.appId) return refused;
  if (timestampStanding(fields.timestamp as string, context) !== 'current') return refused;
  return textResponse(signFields(fields, context.credentials.appSecret));
}

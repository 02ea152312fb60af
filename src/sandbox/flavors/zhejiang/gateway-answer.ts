import type { SandboxContext } from '../../flavor.js';
import { encodeData } from './encode-data.js';
import { jsonResponse } from './json-response.js';

/**
 * The gateway's codes (section C): `00` success, `11` request secret expired, `14` bad signature
 * or unknown app key or unusable refresh secret, `18` over quota, `96` data error, `97` missing
 * parameter, `98` wrong parameter type, `99` failure.
 */
export type GatewayCode = '00' | '11' | '14' | '18' | '96' | '97' | '98' | '99';

/** A successful `{code: "00", msg: "成功", datas}` answer; `dataCount` only on interface calls. */
export function gatewaySuccess(datas: unknown, context: SandboxContext, dataCount?: number): Response {
  const body: Record<string, unknown> = { code: '00', msg: '成功', datas: encodeData(datas, context.encodeData) };
  if (dataCount !== undefined) body['dataCount'] = dataCount;
  return jsonResponse(body);
}

/** A failure: HTTP 200 with the code and message in the body, `datas: null`. */
export function gatewayFailure(code: Exclude<GatewayCode, '00'>, msg: string): Response {
  return jsonResponse({ code, msg, datas: null });
}

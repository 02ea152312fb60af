/**
 * Section C of the zhejiang wire format: the signed gateway. `appKey`, `requestTime` (epoch ms)
 * and `sign` come as query/form parameters or as HTTP headers; `sign` is the lowercase md5 hex of
 * `appKey + secret + requestTime`, where the secret is the app secret (refreshTokenByKey), the
 * current refresh secret (refreshTokenBySec) or the current request secret (interface calls).
 *
 * Rules the sandbox applies, all answered with HTTP 200:
 * - a refresh, by key or by secret, issues a new pair and invalidates the previous one, so a
 *   signature made with an older secret is a bad signature (`14`);
 * - an expired request secret answers `11`; an expired refresh secret answers `14`
 *   ("refreshSecret已过期"), because the only way on is a fresh refreshTokenByKey;
 * - an unknown app key answers `14`; over `gatewayCallsPerSecond` calls (default 1000) in one
 *   second of the sandbox clock answers `18`.
 */
import { md5Hex } from '../../../hash/md5.js';
import type { SandboxContext } from '../../flavor.js';
import { gatewayFailure, gatewaySuccess } from './gateway-answer.js';
import { takeQuota } from './gateway-quota.js';
import { currentSecrets, issueSecrets } from './gateway-secrets.js';
import { answerPractitionerVerify } from './practitioner-verify.js';
import type { RequestParams } from './request-params.js';

type Signed = { readonly ok: true; readonly appKey: string; readonly requestTime: string; readonly sign: string } | { readonly ok: false; readonly response: Response };

function readSigned(method: string, params: RequestParams, context: SandboxContext): Signed {
  if (method !== 'GET' && method !== 'POST') return { ok: false, response: gatewayFailure('99', '请求方式不支持') };
  const appKey = params.getOrHeader('appKey') ?? '';
  const requestTime = params.getOrHeader('requestTime') ?? '';
  const sign = params.getOrHeader('sign') ?? '';
  for (const [name, value] of [['appKey', appKey], ['requestTime', requestTime], ['sign', sign]] as const) {
    if (value === '') return { ok: false, response: gatewayFailure('97', `缺少参数${name}`) };
  }
  if (!/^\d{1,16}$/.test(requestTime)) return { ok: false, response: gatewayFailure('98', '参数requestTime类型错误') };
  if (appKey !== context.credentials.appKey) return { ok: false, response: gatewayFailure('14', 'appKey无效') };
  return { ok: true, appKey, requestTime, sign: sign.toLowerCase() };
}

function signedWith(signed: { appKey: string; requestTime: string; sign: string }, secret: string): boolean {
  return md5Hex(signed.appKey + secret + signed.requestTime) === signed.sign;
}

/** `gateway/app/refreshTokenByKey.htm`: signed with the app secret; issues new secrets. */
export function answerRefreshByKey(method: string, params: RequestParams, context: SandboxContext): Response {
  const signed = readSigned(method, params, context);
  if (!signed.ok) return signed.response;
  if (!signedWith(signed, context.credentials.appSecret)) return gatewayFailure('14', '签名错误');
  return gatewaySuccess(issueSecrets(context, signed.appKey), context);
}

/** `gateway/app/refreshTokenBySec.htm`: signed with the current refresh secret; issues new secrets. */
export function answerRefreshBySecret(method: string, params: RequestParams, context: SandboxContext): Response {
  const signed = readSigned(method, params, context);
  if (!signed.ok) return signed.response;
  const secrets = currentSecrets(context, signed.appKey);
  if (!secrets || !signedWith(signed, secrets.refreshSecret)) return gatewayFailure('14', '签名错误');
  if (context.now().getTime() >= secrets.refreshSecretEndTime) return gatewayFailure('14', 'refreshSecret已过期');
  return gatewaySuccess(issueSecrets(context, signed.appKey), context);
}

/**
 * `gateway/api/{path}/dataSharing/{apiId}.htm`: an interface named by a catalogue entry's
 * `gateway`, signed with the current request secret. Unknown interfaces answer `99`.
 */
export function answerGatewayInterface(path: string, apiId: string, method: string, params: RequestParams, context: SandboxContext): Response {
  const state = [...context.datasets.values()].find(
    (candidate) => candidate.definition.gateway?.path === path && candidate.definition.gateway.apiId === apiId,
  );
  if (!state || apiId !== 'practitionerVerify') return gatewayFailure('99', '接口不存在');
  const signed = readSigned(method, params, context);
  if (!signed.ok) return signed.response;
  const secrets = currentSecrets(context, signed.appKey);
  if (!secrets || !signedWith(signed, secrets.requestSecret)) return gatewayFailure('14', '签名错误');
  if (context.now().getTime() >= secrets.requestSecretEndTime) return gatewayFailure('11', 'requestSecret已过期');
  if (!takeQuota(context, 'gateway', signed.appKey)) return gatewayFailure('18', `调用次数超过限制(每秒${context.gatewayCallsPerSecond}次)`);
  return answerPractitionerVerify(state, params, context);
}

/**
 * Section A2 of the zhejiang wire format, step 2: `{base}/interface/gateway.do` (a form POST,
 * a GET, or one `param` field holding the fields as JSON). Checks, in this order, each failing
 * with an outer code and a Chinese `msg` (see `DataGatewayCode`), always with HTTP 200:
 * the method; the fields `app_id`, `interface_id`, `timestamp` (epoch milliseconds),
 * `biz_content` and `sign`; the app; the sign against the same fields (`签名错误`); the timestamp against the clock
 * (`签名已过期`, or `时间戳超出允许范围` for one ahead of it); the interface; the approval of a
 * restricted dataset (as section A's `approved`); the quota of the app on that interface;
 * `biz_content` as a JSON object. Then it answers `{"code": 200, "msg": "成功", "data":
 * "<the business answer as a JSON string>"}`, the business answer in the interface's style,
 * with its own failures inside (`appsecret无效`, `pageSize不能超过200`, …).
 */
import type { SandboxContext } from '../../flavor.js';
import { pageCacheOf } from '../../page-cache.js';
import { BusinessParams } from './business-params.js';
import { codeStyleAnswer } from './code-style-answer.js';
import { dataGatewayFailure, dataGatewayResponse, dataGatewaySuccessBody } from './data-gateway-answer.js';
import { readDataGatewayFields } from './data-gateway-fields.js';
import { findDataGatewayInterface } from './data-gateway-interfaces.js';
import { signFields, timestampStanding } from './data-gateway-sign.js';
import { takeQuota } from './gateway-quota.js';
import type { RequestParams } from './request-params.js';
import { rowsStyleAnswer } from './rows-style-answer.js';
import { statusStyleAnswer } from './status-style-answer.js';

/** Answers one `gateway.do` request. */
export function answerDataGateway(method: string, params: RequestParams, context: SandboxContext): Response {
  if (method !== 'GET' && method !== 'POST') return dataGatewayFailure(405, '请求方式不支持');
  const fields = readDataGatewayFields(params);
  if (fields === 'malformed') return dataGatewayFailure(400, '参数param格式错误');
  for (const name of ['app_id', 'interface_id', 'timestamp', 'biz_content', 'sign'] as const) {
    if ((fields[name] ?? '') === '') return dataGatewayFailure(400, `缺少参数${name}`);
  }
  const appId = fields.app_id as string;
  const interfaceId = fields.interface_id as string;
  const standing = timestampStanding(fields.timestamp as string, context);
  if (standing === 'malformed') return dataGatewayFailure(400, '参数timestamp格式错误');
  if (appId !== context.credentials.appId) return dataGatewayFailure(403, '应用不存在或已停用');
  if ((fields.sign as string).toLowerCase() !== signFields(fields, context.credentials.appSecret)) return dataGatewayFailure(401, '签名错误');
  if (standing === 'expired') return dataGatewayFailure(401, '签名已过期');
  if (standing === 'future') return dataGatewayFailure(401, '时间戳超出允许范围');

  const found = findDataGatewayInterface(interfaceId);
  const state = found && context.datasets.get(found.gateway.datasetId);
  if (!found || !state || state.definition.openClass === 'forbidden') return dataGatewayFailure(404, '接口不存在');
  if (state.definition.openClass === 'restricted' && !context.approved.has(state.id)) return dataGatewayFailure(403, '应用未获授权调用该接口');
  if (!takeQuota(context, 'data-gateway', `${appId}\n${interfaceId}`)) {
    return dataGatewayFailure(429, `接口调用次数超过限制(每秒${context.gatewayCallsPerSecond}次)，请勿频繁调用`);
  }
  const bizContent = fields.biz_content as string;
  const business = BusinessParams.parse(bizContent);
  if (!business) return dataGatewayFailure(400, '参数biz_content格式错误');

  const { gateway, role } = found;
  const render = () => {
    switch (gateway.style) {
      case 'status':
        return dataGatewaySuccessBody(statusStyleAnswer(gateway, role, state, business, context));
      case 'code':
        return dataGatewaySuccessBody(codeStyleAnswer(role, state, business, context));
      case 'rows':
        return dataGatewaySuccessBody(rowsStyleAnswer(state, business, context));
    }
  };
  // Pages are worth keeping (counts and dates are cheap); live rows change with the clock.
  // The key is the whole `biz_content`: another spelling of the same page is only a miss.
  if (role !== 'data' || state.definition.live) return dataGatewayResponse(render());
  const key = `data-gateway|${interfaceId}|${state.version}|${context.encodeData}|${bizContent}`;
  return dataGatewayResponse(pageCacheOf(context).get(key, render));
}

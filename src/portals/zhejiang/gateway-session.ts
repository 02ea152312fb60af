import { z } from 'zod';
import { AuthError, PortalError, RateLimitError, ResponseFormatError } from '../../errors/index.js';
import { md5Hex } from '../../hash/md5.js';
import type { Transport } from '../../http/index.js';
import type { CallOptions } from '../portal-adapter.js';
import { transportCallOptions } from '../transport-call-options.js';
import { decodeData } from './decode-data.js';

// Section C of the zhejiang wire format: {"code": "00", "msg": "成功", "datas": …}.
const GatewayEnvelope = z.object({
  code: z.union([z.string(), z.number()]).transform(String),
  msg: z.string().nullish(),
  datas: z.unknown(),
  dataCount: z.number().nullish(),
});
type GatewayAnswer = z.output<typeof GatewayEnvelope>;

const SecretsSchema = z.object({
  refreshSecret: z.string(),
  refreshSecretEndTime: z.coerce.number(),
  requestSecret: z.string(),
  requestSecretEndTime: z.coerce.number(),
});
type Secrets = z.output<typeof SecretsSchema>;

/** How long before its end a secret is renewed: a minute, or a tenth of its lifetime if shorter. */
const RENEW_MARGIN_MS = 60_000;

export interface GatewayCredentials {
  readonly gatewayUrl: string;
  readonly appKey: string;
  readonly appSecret: string;
}

/**
 * Signs gateway calls and keeps the request secret fresh: renewed shortly before its end time,
 * one renewal at a time however many calls wait for it; code 11 renews and retries once, code 14
 * starts over from the app key once and then gives up with an `AuthError`.
 */
export class GatewaySession {
  private secrets: (Secrets & { receivedAt: number }) | undefined;
  private renewal: Promise<Secrets> | undefined;

  constructor(
    private readonly transport: Transport,
    private readonly credentials: GatewayCredentials,
  ) {}

  /** Calls `{gateway}/gateway/api/{path}/dataSharing/{apiId}.htm` and returns its decoded `datas`. */
  async call(path: string, apiId: string, params: Record<string, string>, options: CallOptions): Promise<unknown> {
    let answer = await this.send(path, apiId, params, await this.requestSecret(options), options);
    if (answer.code === '11' || answer.code === '14') {
      // 11: the request secret ran out early (clock skew); 14: the portal no longer accepts our
      // secrets (renewed elsewhere). Either way: renew once — from the app key on 14 — and retry once.
      const renewed = await this.renew(options, answer.code === '14');
      answer = await this.send(path, apiId, params, renewed.requestSecret, options);
    }
    return this.result(answer);
  }

  private result(answer: GatewayAnswer): unknown {
    const message = answer.msg ?? '';
    switch (answer.code) {
      case '00':
        return decodeData(answer.datas);
      case '11':
      case '14':
        return fail(new AuthError({ status: 200, portalMessage: message, message: `The gateway refused the signature (code ${answer.code}: ${message}): check appKey and appSecret` }));
      case '18':
        // A quota, not a blip: retrying at once would only spend more of it.
        return fail(new RateLimitError({ status: 200, portalMessage: message, message: `Gateway quota exceeded (code 18: ${message})` }));
      default:
        return fail(new PortalError(answer.code, message));
    }
  }

  private async requestSecret(options: CallOptions): Promise<string> {
    const current = this.secrets;
    if (current && !expiresSoon(current.requestSecretEndTime, current.receivedAt)) return current.requestSecret;
    return (await this.renew(options, false)).requestSecret;
  }

  /** One renewal at a time: concurrent callers share it. */
  private renew(options: CallOptions, fromAppKey: boolean): Promise<Secrets> {
    this.renewal ??= this.fetchSecrets(options, fromAppKey).finally(() => {
      this.renewal = undefined;
    });
    return this.renewal;
  }

  private async fetchSecrets(options: CallOptions, fromAppKey: boolean): Promise<Secrets> {
    const current = this.secrets;
    const canUseRefreshSecret = !fromAppKey && current !== undefined && !expiresSoon(current.refreshSecretEndTime, current.receivedAt);
    let answer = canUseRefreshSecret
      ? await this.sendRenewal('refreshTokenBySec.htm', current.refreshSecret, options)
      : await this.sendRenewal('refreshTokenByKey.htm', this.credentials.appSecret, options);
    if (canUseRefreshSecret && answer.code === '14') {
      answer = await this.sendRenewal('refreshTokenByKey.htm', this.credentials.appSecret, options);
    }
    if (answer.code !== '00') {
      this.secrets = undefined;
      if (answer.code === '18') return fail(new RateLimitError({ status: 200, portalMessage: answer.msg ?? '', message: `Gateway quota exceeded while renewing secrets (code 18: ${answer.msg ?? ''})` }));
      return fail(new AuthError({ status: 200, portalMessage: answer.msg ?? '', message: `The gateway refused the app credentials (code ${answer.code}: ${answer.msg ?? ''}): check appKey and appSecret` }));
    }
    const secrets = SecretsSchema.safeParse(decodeData(answer.datas));
    if (!secrets.success) throw new ResponseFormatError('The gateway\'s secrets answer has an unexpected shape', { issues: secrets.error.issues });
    this.secrets = { ...secrets.data, receivedAt: Date.now() };
    return secrets.data;
  }

  private sendRenewal(endpoint: string, signingSecret: string, options: CallOptions): Promise<GatewayAnswer> {
    return this.get(`${this.credentials.gatewayUrl}/gateway/app/${endpoint}`, {}, signingSecret, options);
  }

  private send(path: string, apiId: string, params: Record<string, string>, requestSecret: string, options: CallOptions): Promise<GatewayAnswer> {
    const url = `${this.credentials.gatewayUrl}/gateway/api/${encodeURIComponent(path)}/dataSharing/${encodeURIComponent(apiId)}.htm`;
    return this.get(url, params, requestSecret, options);
  }

  private async get(url: string, params: Record<string, string>, signingSecret: string, options: CallOptions): Promise<GatewayAnswer> {
    const requestTime = String(Date.now());
    const { appKey, appSecret } = this.credentials;
    const response = await this.transport.request({
      method: 'GET',
      url,
      searchParams: { ...params, appKey, requestTime, sign: md5Hex(appKey + signingSecret + requestTime) },
      // Every call is signed with a fresh time: nothing to share with a cache.
      cache: false,
      secrets: [appSecret, signingSecret],
      parse: parseGatewayEnvelope,
      ...transportCallOptions(options),
    });
    return response.data;
  }
}

function parseGatewayEnvelope(body: unknown): GatewayAnswer {
  const envelope = GatewayEnvelope.safeParse(body);
  if (!envelope.success || !body || typeof body !== 'object' || !('code' in body)) {
    throw new ResponseFormatError('Not a zhejiang gateway answer (expected {code, msg, datas})', {
      issues: envelope.success ? [] : envelope.error.issues,
      body: JSON.stringify(body),
    });
  }
  if (envelope.data.code === '00' && !('datas' in body)) {
    throw new ResponseFormatError('The zhejiang gateway answer has no `datas`', { body: JSON.stringify(body) });
  }
  return envelope.data;
}

function expiresSoon(endTime: number, receivedAt: number): boolean {
  const lifetime = Math.max(0, endTime - receivedAt);
  return Date.now() >= endTime - Math.min(RENEW_MARGIN_MS, lifetime / 10);
}

function fail(error: Error): never {
  throw error;
}

import { RateLimitError } from '../../errors/index.js';
import { abortableSleep } from '../../http/abortable-sleep.js';
import type { RetryOptions, Transport } from '../../http/index.js';
import { decideRetry, resolveRetryPolicy, type RetryPolicy } from '../../http/retry-policy.js';
import type { CallOptions } from '../portal-adapter.js';
import { transportCallOptions } from '../transport-call-options.js';
import { gatewayCallFields, type GatewayCallFields } from './gateway-call-fields.js';
import { parseGatewayEnvelope } from './gateway-envelope.js';
import { SignComplaint } from './sign-complaint.js';
import { requestSign } from './sign-request.js';

/**
 * How old a sign made ahead may be when its call goes out. The platform publishes no lifetime
 * (the sandbox allows 5 minutes); a minute is far inside any plausible one.
 */
const PRESIGN_MAX_AGE = 60_000;

/** A call's fields and their sign, ready to send. */
export interface SignedCall {
  readonly fields: GatewayCallFields;
  readonly sign: string;
}

/** Where and as whom the data gateway is called. */
export interface DataGatewaySettings {
  readonly baseUrl: string;
  readonly appId: string;
  /** The client's retry settings (`false`: never repeat a call). @default the transport's defaults */
  readonly retry: RetryOptions | false | undefined;
}

/**
 * Calls interfaces of the unified data gateway (section A2): each call is signed by
 * `createsign.do`, then sent to `gateway.do` with the same fields, the same timestamp and the
 * sign. Both steps are form POSTs, which keep the secrets of `biz_content` out of URLs.
 *
 * A complaint about the sign or its time gets one fresh sign and one more try, then the
 * `AuthError`. The transport repeats only GETs, so a call that failed on the way (network,
 * timeout, 5xx, an HTTP 429, an HTML or garbled answer) is repeated here, under the client's
 * `retry` settings and with the transport's own retry decision — and with a fresh sign, since a
 * wait may outlast the old one's timestamp. Reading is safe to repeat; a quota or a refusal is not.
 */
export class DataGatewayClient {
  private readonly retry: RetryPolicy | undefined;

  constructor(
    private readonly transport: Transport,
    private readonly settings: DataGatewaySettings,
  ) {
    this.retry = resolveRetryPolicy(settings.retry);
  }

  /**
   * Signs a call now, for `call` to send later: a page signed while the one before it is in
   * flight. Never rejects: a sign that fails here is made again when the call is sent.
   */
  presign(interfaceId: string, business: Readonly<Record<string, string>>, options: CallOptions): Promise<SignedCall | undefined> {
    return this.sign(interfaceId, business, options).catch(() => undefined);
  }

  /**
   * Signs and calls `interfaceId` with these business parameters; `read` turns the business
   * answer into the result. A `presigned` call of the same parameters, still fresh, saves the sign.
   */
  async call<T>(
    interfaceId: string,
    business: Readonly<Record<string, string>>,
    read: (answer: unknown) => T,
    options: CallOptions,
    presigned?: Promise<SignedCall | undefined>,
  ): Promise<T> {
    let ahead = presigned;
    let signedAfresh = false;
    let retries = 0;
    for (;;) {
      try {
        const ready = ahead === undefined ? undefined : await ahead;
        ahead = undefined;
        const signed = ready !== undefined && Date.now() - Number(ready.fields.timestamp) < PRESIGN_MAX_AGE ? ready : await this.sign(interfaceId, business, options);
        return await this.send(signed, read, options);
      } catch (error) {
        if (error instanceof SignComplaint && !signedAfresh) {
          signedAfresh = true;
          continue;
        }
        const policy = this.retry;
        // Only a quota signalled in an answer's body has status 200: that one is never repeated at once.
        const decision =
          policy && retries < policy.retries && !(error instanceof SignComplaint) && !options.signal?.aborted
            ? decideRetry(error, { retriesConsumed: retries, fromParse: error instanceof RateLimitError && error.status === 200, retryAfter: undefined }, policy)
            : { retry: false as const };
        if (!decision.retry) throw error;
        retries++;
        await abortableSleep(decision.delay, options.signal);
      }
    }
  }

  private async sign(interfaceId: string, business: Readonly<Record<string, string>>, options: CallOptions): Promise<SignedCall> {
    const fields = gatewayCallFields(this.settings.appId, interfaceId, business);
    return { fields, sign: await requestSign(this.transport, this.settings.baseUrl, fields, options) };
  }

  private async send<T>({ fields, sign }: SignedCall, read: (answer: unknown) => T, options: CallOptions): Promise<T> {
    const response = await this.transport.request({
      method: 'POST',
      url: `${this.settings.baseUrl}/interface/gateway.do`,
      body: new URLSearchParams({ ...fields, sign }),
      secrets: [sign],
      parse: (body) => read(parseGatewayEnvelope(body, fields.interface_id)),
      ...transportCallOptions(options),
      // Every call carries its own timestamp and sign: nothing to share with a cache.
      cache: false,
    });
    return response.data;
  }
}

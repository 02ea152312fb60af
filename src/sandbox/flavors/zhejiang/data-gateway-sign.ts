/**
 * Signs of the data gateway (section A2). The platform does not publish its algorithm; the
 * sandbox's is:
 *
 *     sign = lowercase hex of HMAC-SHA256(key = the app secret, message)
 *     message = "app_id=…&biz_content=…&charset=…&interface_id=…&origin=…&timestamp=…&version=…"
 *
 * the seven fields in that (ASCII) order, raw values (not URL-encoded), an absent field as
 * empty. So a sign covers exactly the call it was made for: another page (another
 * `biz_content`), interface, app, timestamp or version needs its own sign, and only the holder
 * of the app secret can make one. A sign is valid while its timestamp lies within
 * `tokenLifetimes.sign` (5 minutes by default) of the sandbox clock, before or after.
 */
import { hmacSha256Hex } from '../../../hash/hmac-sha256.js';
import type { SandboxContext } from '../../flavor.js';
import type { DataGatewayFields } from './data-gateway-fields.js';

/** How far a call's timestamp may lie from the clock, by default: 5 minutes. */
export const DEFAULT_SIGN_LIFETIME = 5 * 60_000;

const SIGNED_FIELDS = ['app_id', 'biz_content', 'charset', 'interface_id', 'origin', 'timestamp', 'version'] as const;

/** Epoch milliseconds, as decimal digits. */
const TIMESTAMP = /^\d{1,16}$/;

/** The sign of a call's fields under an app secret. */
export function signFields(fields: DataGatewayFields, appSecret: string): string {
  return hmacSha256Hex(appSecret, SIGNED_FIELDS.map((name) => `${name}=${fields[name] ?? ''}`).join('&'));
}

/** Whether a timestamp is well formed, and where it lies against the sandbox clock and the sign lifetime. */
export function timestampStanding(timestamp: string, context: SandboxContext): 'malformed' | 'expired' | 'future' | 'current' {
  if (!TIMESTAMP.test(timestamp)) return 'malformed';
  const age = context.now().getTime() - Number(timestamp);
  if (age > context.tokenLifetimes.sign) return 'expired';
  if (-age > context.tokenLifetimes.sign) return 'future';
  return 'current';
}

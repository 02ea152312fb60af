import { z } from 'zod';
import { PortalError, RateLimitError, ResponseFormatError } from '../../errors/index.js';
import { decodeData } from './decode-data.js';
import { SignComplaint } from './sign-complaint.js';

// Section A2 of the zhejiang wire format, step 2: `gateway.do` answers
// {"code": 200, "msg": "...", "data": "<the business answer as a JSON string>"}, and fails with
// another code and a `msg`. The codes are not published: failures are told apart by their words.
const DataGatewayEnvelope = z.object({
  code: z.union([z.number(), z.string()]),
  msg: z.string().nullish(),
  data: z.unknown(),
});

/** A quota complaint (接口调用次数超过限制，请勿频繁调用). */
const QUOTA_WORDS = /超过|次数|限制|频繁|quota|too many|rate limit/i;
/** A complaint about the sign or its timestamp (签名错误, 签名已过期, 时间戳超出允许范围). */
const SIGN_WORDS = /签名|验签|时间戳|过期|sign|timestamp|expire/i;

/**
 * Checks a `gateway.do` answer and returns the business answer inside it, decoded until it is
 * not a string. A failure code becomes a typed error: a sign or time complaint a
 * `SignComplaint` (an `AuthError`, signed afresh once by the caller), a quota complaint a
 * `RateLimitError`, anything else a `PortalError` with the platform's code and `msg`.
 */
export function parseGatewayEnvelope(body: unknown, interfaceId: string): unknown {
  const envelope = DataGatewayEnvelope.safeParse(body);
  if (!envelope.success) {
    throw new ResponseFormatError(`Not a data gateway answer from ${interfaceId} (expected {code, msg, data})`, { issues: envelope.error.issues, body: JSON.stringify(body) });
  }
  const { code, msg } = envelope.data;
  if (String(code).trim() !== '200') throw gatewayFailure(String(code), msg ?? undefined, interfaceId);
  if (!Object.hasOwn(body as object, 'data')) {
    throw new ResponseFormatError(`The data gateway answer from ${interfaceId} has no \`data\``, { body: JSON.stringify(body) });
  }
  try {
    return decodeData(envelope.data.data);
  } catch (error) {
    if (error instanceof ResponseFormatError) throw new ResponseFormatError(`The business answer of ${interfaceId} is not valid JSON`, { cause: error, bodyExcerpt: error.bodyExcerpt });
    throw error;
  }
}

function gatewayFailure(code: string, msg: string | undefined, interfaceId: string): Error {
  if (msg === undefined || msg.trim() === '') return new PortalError(code, '(no message)');
  if (QUOTA_WORDS.test(msg)) {
    // A quota, not a blip: retrying at once would only spend more of it.
    return new RateLimitError({ status: 200, portalMessage: msg, message: `Data gateway quota exceeded for ${interfaceId} (code ${code}: ${msg})` });
  }
  if (SIGN_WORDS.test(msg)) {
    return new SignComplaint({ status: 200, portalMessage: msg, message: `The data gateway refused the sign of a call of ${interfaceId} (code ${code}: ${msg}): check appId, and that this computer's clock is right` });
  }
  return new PortalError(code, msg);
}

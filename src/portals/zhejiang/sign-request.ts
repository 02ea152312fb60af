import { ResponseFormatError } from '../../errors/index.js';
import { looksLikeHtml } from '../../files/looks-like-html.js';
import type { Transport } from '../../http/index.js';
import type { CallOptions } from '../portal-adapter.js';
import { transportCallOptions } from '../transport-call-options.js';
import type { GatewayCallFields } from './gateway-call-fields.js';
import { SignComplaint } from './sign-complaint.js';

/** A sign as the platform writes it: hex (64 characters in the documented answers). */
const SIGN = /^[0-9a-f]{32,256}$/i;

/**
 * Step 1 of a data gateway call (section A2): `POST {base}/jimp/sign/createsign.do` with the
 * call's fields and an empty `sign`, answered with the sign as plain text. The client never
 * computes a sign itself: only the platform knows how.
 *
 * @throws {SignComplaint} (an `AuthError`) for an empty answer: the platform refused to sign.
 * @throws {ResponseFormatError} for an HTML page or any text that is not a sign.
 */
export async function requestSign(transport: Transport, baseUrl: string, fields: GatewayCallFields, options: CallOptions): Promise<string> {
  const response = await transport.request({
    method: 'POST',
    url: `${baseUrl}/jimp/sign/createsign.do`,
    body: new URLSearchParams({ ...fields, sign: '' }),
    responseType: 'text',
    parse: (body, meta) => readSign(String(body ?? ''), meta.headers.get('content-type'), fields.interface_id),
    ...transportCallOptions(options),
    // A sign covers one timestamp: nothing to keep.
    cache: false,
  });
  return response.data;
}

function readSign(text: string, contentType: string | null, interfaceId: string): string {
  const sign = text.trim();
  if (sign === '') {
    throw new SignComplaint({
      status: 200,
      message: `createsign.do refused to sign a call of ${interfaceId} (empty answer): check appId, and that this computer's clock is right`,
    });
  }
  if ((contentType !== null && /\btext\/html\b/i.test(contentType)) || looksLikeHtml(sign)) {
    throw new ResponseFormatError(`createsign.do answered an HTML page instead of a sign for ${interfaceId}`, { body: text });
  }
  // Text that is not a sign is never shown: a garbled answer could hold part of one.
  if (!SIGN.test(sign)) throw new ResponseFormatError(`createsign.do answered ${sign.length} characters that are not a sign for ${interfaceId} (expected hex)`);
  return sign;
}

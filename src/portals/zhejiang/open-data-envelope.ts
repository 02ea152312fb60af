import { z } from 'zod';
import { AuthError, NotFoundError, PortalError, ResponseFormatError } from '../../errors/index.js';
import { decodeData } from './decode-data.js';

// Sections A and B: {"status": 1, "msg": "ok", "data": …}; failures come with HTTP 200 and status 0.
const OpenDataEnvelope = z.object({
  status: z.union([z.number(), z.string()]),
  msg: z.string().nullish(),
  data: z.unknown(),
});

/** What a failure message means, so callers can catch the right class. */
function failure(message: string, datasetId: string | undefined): Error {
  if (message.includes('未授权')) {
    return new AuthError({
      status: 200,
      portalMessage: message,
      message: `Not authorised for ${datasetId ?? 'this dataset'} (${message}): restricted data (受限开放) needs an approved data-use application for this app`,
    });
  }
  if (message.includes('appsecret')) {
    return new AuthError({ status: 200, portalMessage: message, message: `The portal refused the app secret (${message}): check appSecret` });
  }
  if (message.includes('不存在')) {
    return new NotFoundError({ status: 200, portalMessage: message, message: `Not found: ${datasetId ?? 'catalogue entry'} (${message})` });
  }
  return new PortalError(0, message);
}

/**
 * Checks a section A or B answer and returns its decoded `data`, parsed with `schema`.
 * A drifted envelope or a payload of the wrong shape is a `ResponseFormatError`.
 */
export function parseOpenData<T extends z.ZodType>(body: unknown, schema: T, datasetId?: string): z.output<T> {
  const envelope = OpenDataEnvelope.safeParse(body);
  if (!envelope.success || !('data' in (body as object))) {
    throw new ResponseFormatError('Not a zhejiang open-data answer (expected {status, msg, data})', {
      issues: envelope.success ? [{ code: 'custom', path: ['data'], message: 'missing' }] : envelope.error.issues,
      body: JSON.stringify(body),
    });
  }
  if (String(envelope.data.status) !== '1') throw failure(envelope.data.msg ?? '(no message)', datasetId);
  const payload = schema.safeParse(decodeData(envelope.data.data));
  if (!payload.success) {
    throw new ResponseFormatError('The zhejiang answer\'s `data` has an unexpected shape', { issues: payload.error.issues, body: JSON.stringify(body) });
  }
  return payload.data;
}

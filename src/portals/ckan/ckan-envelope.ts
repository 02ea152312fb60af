import { z } from 'zod';
import { PortalError, ResponseFormatError } from '../../errors/index.js';

const Envelope = z.object({ success: z.boolean(), result: z.unknown().optional(), error: z.unknown().optional() });

/** Checks `{"success": true, "result": …}` and parses `result` with `schema`. */
export function parseCkanResult<T extends z.ZodType>(body: unknown, schema: T): z.output<T> {
  const envelope = Envelope.safeParse(body);
  if (!envelope.success || (envelope.data.success && !('result' in (body as object)))) {
    throw new ResponseFormatError('Not a CKAN action answer (expected {success, result})', {
      issues: envelope.success ? [] : envelope.error.issues,
      body: JSON.stringify(body),
    });
  }
  if (!envelope.data.success) throw new PortalError(errorType(envelope.data.error) ?? 'error', ckanErrorMessage(body) ?? 'the action failed');
  const result = schema.safeParse(envelope.data.result);
  if (!result.success) throw new ResponseFormatError('The CKAN answer\'s `result` has an unexpected shape', { issues: result.error.issues, body: JSON.stringify(body) });
  return result.data;
}

/**
 * CKAN's own explanation in an error body: `error.message`, or the field → [messages] of a
 * Validation Error, or a bare string (unknown actions answer `"Bad request - Action name not known: x"`).
 */
export function ckanErrorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.length > 0 && body.length < 500 && !body.trimStart().startsWith('<') ? body : undefined;
  if (!body || typeof body !== 'object') return undefined;
  const error = (body as { error?: unknown }).error;
  if (!error || typeof error !== 'object') return undefined;
  const { message, __type: type, ...fields } = error as Record<string, unknown>;
  if (typeof message === 'string') return message;
  const details = Object.entries(fields)
    .map(([field, messages]) => `${field}: ${Array.isArray(messages) ? messages.join(', ') : String(messages)}`)
    .join('; ');
  return [typeof type === 'string' ? type : undefined, details || undefined].filter(Boolean).join(': ') || undefined;
}

function errorType(error: unknown): string | undefined {
  return error && typeof error === 'object' && typeof (error as { __type?: unknown }).__type === 'string' ? (error as { __type: string }).__type : undefined;
}

import { z } from 'zod';
import { RowsSchema } from '../../model/row-schema.js';
import { HttpError, RateLimitError, ResponseFormatError } from '../../errors/index.js';

/** `/records`: `{ total_count, results }`, rows flat with typed values. */
export const RecordsSchema = z.object({
  total_count: z.number(),
  results: RowsSchema,
});

/** `metas.default` fields the unified model reads; everything else stays in `raw`. */
const DefaultMetasSchema = z.looseObject({
  title: z.string().nullish(),
  description: z.string().nullish(),
  publisher: z.string().nullish(),
  theme: z.union([z.array(z.string()), z.string()]).nullish(),
  keyword: z.union([z.array(z.string()), z.string()]).nullish(),
  license: z.string().nullish(),
  license_url: z.string().nullish(),
  modified: z.string().nullish(),
  data_processed: z.string().nullish(),
  metadata_processed: z.string().nullish(),
  records_count: z.number().nullish(),
  update_frequency: z.string().nullish(),
  created: z.string().nullish(),
});

/** One catalogue entry of Explore v2.1. */
export const CatalogEntrySchema = z.looseObject({
  dataset_id: z.string(),
  visibility: z.string().nullish(),
  has_records: z.boolean().nullish(),
  fields: z.array(z.looseObject({ name: z.string(), label: z.string().nullish(), type: z.string().nullish() })).default([]),
  metas: z.looseObject({ default: DefaultMetasSchema }),
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

export const CatalogSchema = z.object({
  total_count: z.number(),
  results: z.array(CatalogEntrySchema),
});

/** Checks an Explore answer with `schema`; drift is a `ResponseFormatError` with the issues. */
export function parseOds<T extends z.ZodType>(body: unknown, schema: T, what: string): z.output<T> {
  const result = schema.safeParse(body);
  if (!result.success) throw new ResponseFormatError(`Unexpected Opendatasoft ${what} answer`, { issues: result.error.issues, body: JSON.stringify(body) ?? '' });
  return result.data;
}

const ErrorSchema = z.object({ error_code: z.string().optional(), message: z.string() });
const QuotaSchema = z.object({ errorcode: z.number().optional(), reset_time: z.string(), error: z.string().optional(), call_limit: z.number().optional() });

/** Explore's explanation in an error body: `message` (with its `error_code`), or the quota body's `error`. */
export function odsErrorMessage(body: unknown): string | undefined {
  const error = ErrorSchema.safeParse(body);
  if (error.success) return error.data.error_code ? `${error.data.error_code}: ${error.data.message}` : error.data.message;
  const quota = QuotaSchema.safeParse(body);
  if (quota.success) return quota.data.error ?? `quota of ${quota.data.call_limit ?? '?'} calls reached`;
  return undefined;
}

/**
 * The quota 429 (`{"errorcode": 10002, "reset_time": …}`) becomes a `RateLimitError` whose
 * `resetAt` is `reset_time` and whose `retryAfter` is the wait until then: the transport waits
 * only when that is within `retry.maxRetryAfter`, and otherwise fails at once.
 */
export function odsQuotaError(body: unknown, error: HttpError): Error | undefined {
  if (error.status !== 429) return undefined;
  const quota = QuotaSchema.safeParse(body);
  if (!quota.success) return undefined;
  const resetAt = new Date(quota.data.reset_time);
  if (Number.isNaN(resetAt.getTime())) return undefined;
  return new RateLimitError({
    request: error.request,
    statusText: error.statusText,
    bodyExcerpt: error.bodyExcerpt,
    portalMessage: odsErrorMessage(body),
    retryAfter: Math.max(0, resetAt.getTime() - Date.now()),
    resetAt,
  });
}

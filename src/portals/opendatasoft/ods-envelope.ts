import { z } from 'zod';
import { RowsSchema } from '../../model/row-schema.js';
import { HttpError, RateLimitError, ResponseFormatError } from '../../errors/index.js';
import { identifier, lenientBoolean, lenientList, lenientNumber, lenientObject, lenientText, lenientTextList, withRaw } from '../lenient-metadata.js';

/** `/records`: `{ total_count, results }`, rows flat with typed values. */
export const RecordsSchema = z.object({
  total_count: z.number(),
  results: RowsSchema,
});

/**
 * Grouped answers (`group_by`, aggregates in `select`): `{ results }` — Explore sends no
 * `total_count` with them.
 */
export const GroupsSchema = z.object({
  total_count: z.number().optional(),
  results: RowsSchema,
});

// Metadata below is read leniently (see lenient-metadata.ts): only `dataset_id` is required.

/** `metas.default` fields the unified model reads; other keys (custom metas such as `open_class`) pass through. */
const DefaultMetasSchema = z.looseObject({
  title: lenientText,
  description: lenientText,
  publisher: lenientText,
  theme: lenientTextList,
  keyword: lenientTextList,
  license: lenientText,
  license_url: lenientText,
  modified: lenientText,
  data_processed: lenientText,
  metadata_processed: lenientText,
  records_count: lenientNumber,
  // Not a field of Explore's default template (real sites keep these in `metas.dcat`), read where a portal puts them here.
  update_frequency: lenientText,
  created: lenientText,
});

/** `metas.dcat`, the DCAT template: where sites state the update frequency and the creation date. */
const DcatMetasSchema = z.object({
  accrualperiodicity: lenientText,
  created: lenientText,
  issued: lenientText,
});

const NO_DEFAULT_METAS = DefaultMetasSchema.parse({});

/** One catalogue entry of Explore v2.1, kept as sent for `Dataset.raw`. */
export const CatalogEntrySchema = withRaw(
  z.object({
    dataset_id: identifier,
    visibility: lenientText,
    has_records: lenientBoolean,
    // A field without a name cannot be queried: it is left out.
    fields: lenientList(z.object({ name: identifier, label: lenientText, type: lenientText })),
    metas: lenientObject(z.object({ default: lenientObject(DefaultMetasSchema), dcat: lenientObject(DcatMetasSchema) })).transform((metas) => ({
      default: metas?.default ?? NO_DEFAULT_METAS,
      dcat: metas?.dcat,
    })),
  }),
);
export type CatalogEntry = z.output<typeof CatalogEntrySchema>;

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

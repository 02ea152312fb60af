import type { z } from 'zod';
import type { CallOptions, WhereFilter } from '../portals/portal-adapter.js';
import type { FileReadOptions } from './file-read-options.js';
import type { OrderByInput } from './record-query.js';
import type { OnInvalid } from './record-stream.js';

/**
 * Options of `client.datasets.records()`. The file options (`format`, `encoding`, `sheet`,
 * `raggedRows`, `coerce`, `maxBytes`) apply when rows come from a dataset file: a resource
 * without a query API (a CKAN resource without DataStore, a zhejiang download), or any
 * resource when `format` is given.
 */
export interface RecordsOptions<S extends z.ZodType = z.ZodType> extends CallOptions, FileReadOptions {
  /**
   * A zod schema every row is parsed with; its output type becomes the record type.
   * **Note:** many portals send numbers and dates as strings: use `z.coerce.number()` / `z.coerce.date()`.
   */
  readonly schema?: S | undefined;
  /** Equality filters, column → value (or a list of accepted values). Runs on the server where the portal can (ckan), else on the client (zhejiang). */
  readonly where?: WhereFilter | undefined;
  /** Free text over every column. Server-side on ckan, client-side on zhejiang. */
  readonly q?: string | undefined;
  /** Columns to keep. */
  readonly fields?: readonly string[] | undefined;
  /** `'col'`, `'col desc'`, `'-col'`, `{ field, direction }` or a list. Portals that cannot order (zhejiang) refuse it. */
  readonly orderBy?: OrderByInput | readonly OrderByInput[] | undefined;
  /** Only rows modified at or after this instant, by the row's modification-time column (see `sinceField`). */
  readonly since?: Date | undefined;
  /** Column holding the row's modification time. @default the first of `updated_at`, `last_modified`, `modified`, `GXSJ`, … present */
  readonly sinceField?: string | undefined;
  /** Rows per request. @default 200 on zhejiang (its maximum), 1000 on ckan */
  readonly pageSize?: number | undefined;
  /** Stop after this many records. With no client-side filter, only the pages needed are requested. */
  readonly limit?: number | undefined;
  /** A row failing `schema`: `'throw'` a `RecordValidationError` (default), `'skip'` it, or `'collect'` it in `stream.invalid`. @default 'throw' */
  readonly onInvalid?: OnInvalid | undefined;
  /** Numbered pages fetched at once, where the portal pages by number (zhejiang). Rows still come in order. @default 4 */
  readonly concurrency?: number | undefined;
  /**
   * The resource to read: ckan its id or name (a file resource is read from its file even when
   * the dataset has a DataStore), zhejiang a download (`csv`, `xlsx`, `json`).
   * @default ckan: the DataStore resource, else the first readable file; zhejiang: the interfaces
   */
  readonly resource?: string | undefined;
}

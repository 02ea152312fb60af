import type { Dataset } from '../model/dataset.js';

/** Per-call options every method takes last. */
export interface CallOptions {
  /** Aborts the call and every request it makes. */
  readonly signal?: AbortSignal | undefined;
  /** Milliseconds per attempt, overriding the client's `timeout`; `false` sets no per-attempt limit. */
  readonly timeout?: number | false | undefined;
  /** `false` bypasses the cache for this call; `{ ttl }` overrides the entry's lifetime. */
  readonly cache?: boolean | { readonly ttl: number } | undefined;
}

/** A catalogue query in the unified model. */
export interface CatalogQuery {
  /** Free text over titles, descriptions and tags. */
  readonly q?: string | undefined;
  /** Theme / domain / group as datasets show it, e.g. `交通出行` (ckan also takes the group slug). */
  readonly theme?: string | undefined;
  readonly openClass?: 'unconditional' | 'restricted' | undefined;
  /** Publisher's name as datasets show it (ckan also takes the organisation slug). */
  readonly publisher?: string | undefined;
  readonly tag?: string | undefined;
  /** Only datasets modified since this instant. */
  readonly modifiedSince?: Date | undefined;
  /** Page size. @default 20 */
  readonly limit?: number | undefined;
}

export interface CatalogPage {
  readonly items: Dataset[];
  readonly total: number | undefined;
  /** Opaque position of the following page; `undefined` after the last. */
  readonly cursor: string | undefined;
}

/** A row as the portal sends it, before the user's schema. */
export type RawRecord = Record<string, unknown>;

/** Equality filters: column → value, or a list of accepted values. */
export type WhereFilter = Readonly<Record<string, string | number | boolean | null | readonly (string | number | boolean | null)[]>>;

export interface OrderBy {
  readonly field: string;
  readonly direction: 'asc' | 'desc';
}

/** A record query in the unified model, as the engine hands it to an adapter. */
export interface RecordQuery {
  readonly where?: WhereFilter | undefined;
  readonly q?: string | undefined;
  readonly fields?: readonly string[] | undefined;
  readonly orderBy?: readonly OrderBy[] | undefined;
  readonly pageSize: number;
  /** The most rows the engine will take, when it knows (a `limit` without client-side filters). */
  readonly limit?: number | undefined;
  /** Resource id or name to read (ckan); the datastore-active one by default. */
  readonly resource?: string | undefined;
  /** Read the dataset's file of this format rather than its API (`csv`, `json`, `xlsx`, …). */
  readonly format?: string | undefined;
}

/** Aggregate functions: `count` counts rows; the others read a numeric column (text numbers are coerced). */
export type AggregateFunction = 'count' | 'sum' | 'avg' | 'min' | 'max';

/** A checked aggregate, as the engine hands it to an adapter. */
export interface AggregateQuery {
  readonly where?: WhereFilter | undefined;
  readonly groupBy: readonly string[];
  readonly metrics: readonly { readonly name: string; readonly fn: AggregateFunction; readonly column?: string }[];
}

/** What the portal itself applied of a query; the engine applies the rest on the client. */
export interface AppliedByPortal {
  readonly where: boolean;
  readonly q: boolean;
  readonly fields: boolean;
  readonly orderBy: boolean;
}

/**
 * How an adapter reads records:
 * - `pages`: numbered pages of a fixed size over a stable order; the engine may fetch them in parallel
 *   and reorders them (zhejiang interfaces).
 * - `cursor`: one page after another, each telling where the next starts (ckan DataStore).
 * - `stream`: one streamed export of every row (opendatasoft `exports/jsonl`); after a break
 *   mid-way the engine reopens it from the count of rows already delivered.
 * - `file`: a dataset file without a query API (a CKAN resource without DataStore, a zhejiang
 *   download): the engine reads CSV, JSON, JSONL or XLSX itself and filters on the client.
 */
export type RecordReader =
  | {
      readonly kind: 'pages';
      readonly applied: AppliedByPortal;
      readonly pageSize: number;
      /** Rows in the dataset, when known before reading. */
      readonly total: number | undefined;
      fetchPage(pageNumber: number, options: CallOptions): Promise<RawRecord[]>;
    }
  | {
      readonly kind: 'cursor';
      readonly applied: AppliedByPortal;
      readonly total: number | undefined;
      /** Reads the page at `cursor` (`undefined` = first). */
      fetchPage(cursor: string | undefined, options: CallOptions): Promise<{ rows: RawRecord[]; cursor: string | undefined; total: number | undefined }>;
    }
  | {
      readonly kind: 'stream';
      readonly applied: AppliedByPortal;
      readonly total: number | undefined;
      /**
       * Opens the stream and yields batches of rows, skipping the first `from` rows. It throws a
       * `NetworkError` or `ResponseFormatError` when the stream breaks or ends short of `total`.
       */
      rows(from: number, options: CallOptions): AsyncIterable<RawRecord[]>;
    }
  | {
      readonly kind: 'file';
      readonly applied: AppliedByPortal;
      readonly total: undefined;
      /** A downloadable file, read with the file readers on the client. */
      readonly file: DatasetFile;
    };

/** Which file of a dataset to read or download. */
export interface FileSelection {
  /** Resource id or name (ckan), or download format (zhejiang: `csv`, `xlsx`, `json`). */
  readonly resource?: string | undefined;
  /** The wanted file format when `resource` does not name one: the first resource of that format. */
  readonly format?: string | undefined;
}

/** Validators and position for one request of a file. */
export interface FileRequest {
  /** Resume from this byte (`Range: bytes=N-`). */
  readonly from?: number | undefined;
  /** Sent as `If-Range` with `from`, so a changed file comes whole (200) rather than spliced. */
  readonly ifRange?: string | undefined;
  /** Sent as `If-None-Match`. */
  readonly ifNoneMatch?: string | undefined;
  /** Sent as `If-Modified-Since`. */
  readonly ifModifiedSince?: string | undefined;
}

/** A file's answer: a 200 (whole), 206 (from `from`) or 304 (unchanged, no body). */
export interface OpenedFile {
  readonly status: number;
  /** The unread body; `null` for a 304. Whoever opened it must read or cancel it. */
  readonly body: ReadableStream<Uint8Array> | null;
  readonly contentType: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** `Content-Length` of this answer, when sent. */
  readonly contentLength: number | undefined;
  /** The whole file's length from `Content-Range` (206) or `Content-Length` (200), when known. */
  readonly totalLength: number | undefined;
  /** The server said it serves byte ranges (`Accept-Ranges: bytes`, or it answered 206). */
  readonly acceptRanges: boolean;
}

/** Column types a portal declares for a dataset: `number` columns can be coerced from text. */
export type DeclaredType = 'number' | 'boolean' | 'string';

/** A dataset file as the portal describes it, ready to be opened (once or many times). */
export interface DatasetFile {
  /** The resource id (ckan) or download name (zhejiang). */
  readonly id: string;
  readonly name: string;
  /** The format the portal declares (`CSV`, `XLSX`, …), or `null`. */
  readonly format: string | null;
  /** The file's URL with every secret left out. */
  readonly url: string;
  /** Size in bytes from the metadata, when the portal gives it. */
  readonly size: number | null;
  /** Checksum from the metadata, when the portal gives it: `md5:…`, `sha256:…` or bare hex. */
  readonly hash: string | null;
  /** The resource's modification time from the metadata, when given. */
  readonly updatedAt: Date | null;
  /** Sends one GET for the file. */
  open(request: FileRequest, options: CallOptions): Promise<OpenedFile>;
  /** Column types the portal declares (ckan DataStore, zhejiang catalogue `fields`); may cost a request. */
  declaredTypes(options: CallOptions): Promise<ReadonlyMap<string, DeclaredType>>;
}

/** What the shared engine may rely on. */
export interface PortalCapabilities {
  /** Equality filters run on the server. */
  readonly serverFilters: boolean;
  /** Full-text `q` runs on the server. */
  readonly serverFullText: boolean;
  /** `orderBy` runs on the server. */
  readonly serverOrder: boolean;
  /** Largest page the portal accepts. */
  readonly maxPageSize: number;
  /** Pages are numbered and may be fetched in parallel. */
  readonly parallelPages: boolean;
}

/**
 * A read of the rows modified at or after `since`, ordered by (`modifiedColumn`, `key`) so that
 * paging by the last (modified, key) pair never skips or repeats a row while the data changes.
 */
export interface ChangesQuery {
  /** Column holding each row's modification time, e.g. `updated_at`. */
  readonly modifiedColumn: string;
  /** Column identifying a row; the tie-breaker of the order. */
  readonly key: string;
  /** Rows modified at or after this instant; every row when `undefined`. */
  readonly since: Date | undefined;
  readonly pageSize: number;
  /** Resource id or name to read (ckan); the datastore-active one by default. */
  readonly resource?: string | undefined;
}

/** A dataset readable by record modification time: the columns the portal reported for it. */
export interface ChangesSupport {
  readonly columns: readonly string[];
}

/** A change marker for a whole dataset: equal markers mean nothing changed. */
export interface DatasetVersion {
  readonly updatedAt: Date | null;
  readonly total: number | undefined;
}

/**
 * One portal family behind the unified model. An adapter only translates: it builds requests,
 * checks envelopes with zod and maps them; the transport retries and caches; the engine pages.
 * Its family, capabilities and timestamp format are stated once, in its `definePortal`; an
 * optional method it does not have is a feature the family lacks.
 */
export interface PortalAdapter {
  searchCatalog(query: CatalogQuery, cursor: string | undefined, options: CallOptions): Promise<CatalogPage>;
  getDataset(id: string, options: CallOptions): Promise<Dataset>;
  openRecords(datasetId: string, query: RecordQuery, options: CallOptions): Promise<RecordReader>;
  /** A cheap "did anything change?" for the dataset. */
  datasetVersion(datasetId: string, options: CallOptions): Promise<DatasetVersion>;
  /**
   * Asks a dataset's results-only interface (zhejiang's signed gateway): the portal answers the
   * question, the rows stay on the portal. Absent where the family has no such interfaces.
   */
  lookup?(dataset: Dataset, params: Record<string, string>, options: CallOptions): Promise<unknown>;
  /**
   * Whether `openChanges` works for this dataset (ckan: `datastore_search_sql` answers, which
   * most sites switch off): its columns, or `null` when it does not. Absent where the family
   * never reads by record modification time.
   */
  probeChanges?(datasetId: string, options: CallOptions): Promise<ChangesSupport | null>;
  /** A dataset's file (for `download`, file reads and file syncs); absent where the family has none. */
  openFile?(datasetId: string, selection: FileSelection, options: CallOptions): Promise<DatasetFile>;
  /**
   * Computes an aggregate on the portal (SoQL `$group`), returning only the result rows as the
   * portal sent them (group keys and metrics under their names; the engine types and orders
   * them); `null` when this dataset cannot, so the engine aggregates streamed rows instead.
   */
  aggregate?(datasetId: string, query: AggregateQuery, options: CallOptions): Promise<RawRecord[] | null>;
  /** Rows modified since an instant, ordered by (modified, key), as a cursor reader. */
  openChanges?(datasetId: string, query: ChangesQuery, options: CallOptions): Promise<RecordReader>;
}

import type { z } from 'zod';
import type { DownloadOptions, DownloadResult } from './download/index.js';
import { ArgumentError, UnsupportedError } from './errors/index.js';
import type { EngineContext } from './engine-context.js';
import type { Dataset } from './model/dataset.js';
import { assertIdentifier } from './portals/path-segment.js';
import { transportCallOptions } from './portals/transport-call-options.js';
import type { CallOptions, DatasetVersion, RawRecord, RecordQuery } from './portals/portal-adapter.js';
import { matchesText, matchesWhere, pickFields } from './records/client-filter.js';
import { readPages } from './records/read-pages.js';
import { checkLimit, checkPageSize, MODIFIED_COLUMNS, parseOrderBy } from './records/record-query.js';
import { RecordStream, validateRecord } from './records/record-stream.js';
import type { FileReadOptions } from './records/file-read-options.js';
import type { RecordsOptions } from './records/records-options.js';
import type { AggregateOptions, AggregateResult } from './aggregate/index.js';
import { maskRecord, type RedactOption } from './privacy/index.js';
import type { DatasetTerms } from './terms/index.js';

const DEFAULT_PAGE_SIZE = 1000;
const DEFAULT_CONCURRENCY = 4;

/** `client.datasets`: one dataset's metadata, records and change marker. */
export class Datasets {
  constructor(private readonly context: EngineContext) {}

  /**
   * Downloads a dataset file as is, to a path or a `WritableStream`, with progress events. The
   * size and checksum the portal declares (ckan `size`, `hash` as `md5:…`/`sha256:…` or bare
   * hex) are checked before the file appears at `to`; a `.part` file left by a break resumes
   * with `Range`.
   *
   * @throws {DownloadInterruptedError} when the body breaks (with `byteOffset`).
   * @throws {DownloadIntegrityError} when size or checksum differ from the portal's.
   * @throws {ResponseTooLargeError} past `maxBytes`.
   *
   * @example
   * await client.datasets.download('nb-food-licenses', { resource: 'csv', to: 'food.csv', onProgress: ({ bytes, total }) => console.log(bytes, total) });
   */
  async download(id: string, options: DownloadOptions): Promise<DownloadResult> {
    assertIdentifier(id);
    if (options.resource !== undefined) assertIdentifier(options.resource, 'resource id');
    const adapter = await this.context.adapter();
    if (!adapter.openFile) throw new UnsupportedError(`${this.context.portal.family} portals offer no file downloads in kaifang`);
    const call = transportCallOptions(options);
    await this.context.assertReadable(id, call);
    const selection = { ...(options.resource !== undefined ? { resource: options.resource } : {}), ...(options.format !== undefined ? { format: options.format } : {}) };
    // Fresh metadata: a cached size or checksum of an older version would fail a good file.
    const file = await adapter.openFile(id, selection, { ...call, cache: false });
    // Loaded on use, like aggregates and terms below: a browser app that only reads records never ships them.
    const { downloadFile } = await import('./download/download-file.js');
    return downloadFile(file, options, options.maxBytes ?? this.context.maxResponseBytes);
  }

  /** The dataset's metadata in the unified model. */
  get(id: string, options: CallOptions = {}): Promise<Dataset> {
    assertIdentifier(id);
    return this.context.getDataset(id, options);
  }

  /**
   * The dataset's terms of use: open class, license (with its SPDX id when known), a credit line
   * and the conditions to respect. One catalogue call.
   *
   * @example
   * const { attribution, license } = await client.datasets.terms('hz-parking-lots');
   */
  async terms(id: string, options: CallOptions = {}): Promise<DatasetTerms> {
    const dataset = await this.get(id, options);
    const { datasetTerms } = await import('./terms/dataset-terms.js');
    return datasetTerms(dataset);
  }

  /**
   * Results instead of rows: counts, sums, averages, minima and maxima per group. The portal
   * computes them where it can (`computedBy: 'portal'`), otherwise the rows are streamed and
   * aggregated here (`'client'`). Text numbers are coerced; cells that are not numbers are skipped.
   *
   * @example
   * await client.datasets.aggregate('hz-parking-lots', { groupBy: 'SSQX', metrics: { n: 'count', free: ['sum', 'KXBW'] } });
   */
  async aggregate(id: string, options: AggregateOptions): Promise<AggregateResult> {
    assertIdentifier(id);
    const { aggregateRows, portalAggregateRows, toAggregateQuery } = await import('./aggregate/index.js');
    const query = toAggregateQuery(options);
    const call = transportCallOptions(options);
    const adapter = await this.context.adapter();
    await this.context.assertReadable(id, call);
    if (options.pushdown !== false && adapter.aggregate) {
      // Adapters hand back the portal's rows as sent (SODA's numbers as text): typed and ordered here, once.
      const rows = await adapter.aggregate(id, query, call);
      if (rows) return { rows: portalAggregateRows(rows, query), computedBy: 'portal' };
    }
    const fields = [...new Set([...query.groupBy, ...query.metrics.flatMap((metric) => (metric.column === undefined ? [] : [metric.column]))])];
    const stream = this.records(id, { ...call, ...(query.where ? { where: query.where } : {}), ...(fields.length ? { fields } : {}) });
    return { rows: await aggregateRows(stream, query), computedBy: 'client' };
  }

  /** A cheap change marker (update time, row count): poll it before pulling anything. */
  version(id: string, options: CallOptions = {}): Promise<DatasetVersion> {
    assertIdentifier(id);
    return this.readVersion(id, options);
  }

  private async readVersion(id: string, options: CallOptions): Promise<DatasetVersion> {
    const adapter = await this.context.adapter();
    await this.context.assertReadable(id, options);
    return adapter.datasetVersion(id, options);
  }

  /**
   * Asks a dataset's results-only interface (zhejiang's signed gateway, e.g. practitioner
   * verification): the portal answers, the rows never leave it.
   *
   * @example
   * await client.datasets.lookup('zj-medical-practitioners', { certNo: '110330100000123', name: '张三' });
   */
  async lookup(id: string, params: Record<string, string>, options: CallOptions = {}): Promise<unknown> {
    assertIdentifier(id);
    const adapter = await this.context.adapter();
    if (!adapter.lookup) throw new UnsupportedError(`${this.context.portal.family} portals have no results-only interfaces: read ${id}'s records instead`);
    const dataset = await this.get(id, options);
    // Costs no request: the class was learned from the metadata just read.
    await this.context.assertReadable(id, options);
    return adapter.lookup(dataset, params, options);
  }

  /**
   * Streams a dataset's rows, page by page, validated by `schema` when given.
   *
   * @example
   * const Lot = z.object({ TCCBH: z.string(), KXBW: z.coerce.number() });
   * for await (const lot of client.datasets.records('hz-parking-lots', { schema: Lot })) console.log(lot.KXBW);
   */
  records<S extends z.ZodType>(id: string, options: RecordsOptions<S> & RedactOption & { readonly schema: S }): RecordStream<z.output<S>>;
  records(id: string, options?: RecordsOptions & RedactOption): RecordStream<RawRecord>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the overloads above carry the types
  records(id: string, options: RecordsOptions & RedactOption = {}): RecordStream<any> {
    assertIdentifier(id);
    if (options.resource !== undefined) assertIdentifier(options.resource, 'resource id');
    const context = this.context;
    const { capabilities, parseTimestamp } = context.portal;
    const pageSize = checkPageSize(options.pageSize, DEFAULT_PAGE_SIZE, capabilities.maxPageSize);
    const limit = checkLimit(options.limit);
    const orderBy = parseOrderBy(options.orderBy);
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new ArgumentError(`concurrency must be a positive whole number, got ${String(concurrency)}`);
    const onInvalid = options.onInvalid ?? 'throw';
    const maxBytes = options.maxBytes ?? context.maxResponseBytes;
    const file: FileReadOptions = {
      format: options.format,
      encoding: options.encoding,
      sheet: options.sheet,
      raggedRows: options.raggedRows,
      coerce: options.coerce,
      maxBytes,
    };
    const call = transportCallOptions(options);

    return new RecordStream(async function* (stream) {
      if (limit === 0) return;
      const serverFilters = capabilities.serverFilters;
      const clientFiltered = (!serverFilters && (options.where || options.q)) || options.since !== undefined;
      const query: RecordQuery = {
        pageSize: limit !== undefined && !clientFiltered ? Math.min(pageSize, limit) : pageSize,
        ...(serverFilters && options.where ? { where: options.where } : {}),
        ...(capabilities.serverFullText && options.q ? { q: options.q } : {}),
        ...(options.fields ? { fields: options.fields } : {}),
        ...(orderBy.length ? { orderBy } : {}),
        ...(limit !== undefined && !clientFiltered ? { limit } : {}),
        ...(options.resource ? { resource: options.resource } : {}),
        ...(options.format ? { format: options.format } : {}),
      };
      const adapter = await context.adapter();
      await context.assertReadable(id, call);
      const reader = await adapter.openRecords(id, query, call);
      const applied = reader.applied;
      const readPageSize = reader.kind === 'pages' ? reader.pageSize : query.pageSize;
      const maxPages = limit !== undefined && !clientFiltered ? Math.ceil(limit / readPageSize) : undefined;
      const since = options.since?.getTime();
      let sinceField = options.sinceField;
      let index = 0;
      let yielded = 0;
      for await (const rows of readPages(reader, { concurrency, maxPages, call, file })) {
        const batch: unknown[] = [];
        try {
          for (const raw of rows) {
            const position = index++;
            if (options.where && !applied.where && !matchesWhere(raw, options.where)) continue;
            if (options.q && !applied.q && !matchesText(raw, options.q)) continue;
            if (since !== undefined) {
              sinceField ??= MODIFIED_COLUMNS.find((column) => column in raw);
              if (sinceField === undefined) throw new UnsupportedError(`${id} has no modification-time column (tried ${MODIFIED_COLUMNS.join(', ')}): pass sinceField`);
              const modified = parseTimestamp(raw[sinceField]);
              if (modified === null || modified.getTime() < since) continue;
            }
            const picked = options.fields && !applied.fields ? pickFields(raw, options.fields) : raw;
            const row = options.redact ? maskRecord(picked) : picked;
            if (options.schema) {
              const parsed = validateRecord(options.schema, row, position, onInvalid, stream.invalid);
              if (parsed === undefined) continue;
              batch.push(parsed);
            } else {
              batch.push(row);
            }
            if (limit !== undefined && ++yielded >= limit) break;
          }
        } catch (error) {
          // The rows before the failing one are delivered first, as they would be one by one.
          if (batch.length) yield batch;
          throw error;
        }
        if (batch.length) yield batch;
        if (limit !== undefined && yielded >= limit) return;
      }
    });
  }
}

import type { z } from 'zod';
import { ArgumentError, UnsupportedError } from './errors/index.js';
import type { Dataset } from './model/dataset.js';
import { assertIdentifier } from './portals/path-segment.js';
import type { CallOptions, DatasetVersion, PortalAdapter, RawRecord, RecordQuery } from './portals/portal-adapter.js';
import { matchesText, matchesWhere, pickFields } from './records/client-filter.js';
import { readPages } from './records/read-pages.js';
import { checkLimit, checkPageSize, MODIFIED_COLUMNS, parseOrderBy } from './records/record-query.js';
import { RecordStream, validateRecord } from './records/record-stream.js';
import type { RecordsOptions } from './records/records-options.js';

const DEFAULT_PAGE_SIZE = 1000;
const DEFAULT_CONCURRENCY = 4;

/** `client.datasets`: one dataset's metadata, records and change marker. */
export class Datasets {
  constructor(private readonly adapter: PortalAdapter) {}

  /** The dataset's metadata in the unified model. */
  get(id: string, options: CallOptions = {}): Promise<Dataset> {
    assertIdentifier(id);
    return this.adapter.getDataset(id, options);
  }

  /** A cheap change marker (update time, row count): poll it before pulling anything. */
  version(id: string, options: CallOptions = {}): Promise<DatasetVersion> {
    assertIdentifier(id);
    return this.adapter.datasetVersion(id, options);
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
    if (!this.adapter.lookup) throw new UnsupportedError(`${this.adapter.family} portals have no results-only interfaces: read ${id}'s records instead`);
    const dataset = await this.get(id, options);
    return this.adapter.lookup(dataset, params, options);
  }

  /**
   * Streams a dataset's rows, page by page, validated by `schema` when given.
   *
   * @example
   * const Lot = z.object({ TCCBH: z.string(), KXBW: z.coerce.number() });
   * for await (const lot of client.datasets.records('hz-parking-lots', { schema: Lot })) console.log(lot.KXBW);
   */
  records<S extends z.ZodType>(id: string, options: RecordsOptions<S> & { readonly schema: S }): RecordStream<z.output<S>>;
  records(id: string, options?: RecordsOptions): RecordStream<RawRecord>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the overloads above carry the types
  records(id: string, options: RecordsOptions = {}): RecordStream<any> {
    assertIdentifier(id);
    const adapter = this.adapter;
    const capabilities = adapter.capabilities;
    const pageSize = checkPageSize(options.pageSize, DEFAULT_PAGE_SIZE, capabilities.maxPageSize);
    const limit = checkLimit(options.limit);
    const orderBy = parseOrderBy(options.orderBy);
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new ArgumentError(`concurrency must be a positive whole number, got ${String(concurrency)}`);
    const onInvalid = options.onInvalid ?? 'throw';
    const call: CallOptions = {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
      ...(options.cache !== undefined ? { cache: options.cache } : {}),
    };

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
      };
      const reader = await adapter.openRecords(id, query, call);
      const applied = reader.applied;
      const readPageSize = reader.kind === 'pages' ? reader.pageSize : query.pageSize;
      const maxPages = limit !== undefined && !clientFiltered ? Math.ceil(limit / readPageSize) : undefined;
      const since = options.since?.getTime();
      let sinceField = options.sinceField;
      let index = 0;
      let yielded = 0;
      for await (const rows of readPages(reader, { concurrency, maxPages, call })) {
        for (const raw of rows) {
          const position = index++;
          if (options.where && !applied.where && !matchesWhere(raw, options.where)) continue;
          if (options.q && !applied.q && !matchesText(raw, options.q)) continue;
          if (since !== undefined) {
            sinceField ??= MODIFIED_COLUMNS.find((column) => column in raw);
            if (sinceField === undefined) throw new UnsupportedError(`${id} has no modification-time column (tried ${MODIFIED_COLUMNS.join(', ')}): pass sinceField`);
            const modified = adapter.parseTimestamp(raw[sinceField]);
            if (modified === null || modified.getTime() < since) continue;
          }
          const row = options.fields && !applied.fields ? pickFields(raw, options.fields) : raw;
          if (options.schema) {
            const parsed = validateRecord(options.schema, row, position, onInvalid, stream.invalid);
            if (parsed === undefined) continue;
            yield parsed;
          } else {
            yield row;
          }
          if (limit !== undefined && ++yielded >= limit) return;
        }
      }
    });
  }
}

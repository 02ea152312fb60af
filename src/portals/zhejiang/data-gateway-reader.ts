import type { CallOptions, DatasetVersion, RecordQuery, RecordReader } from '../portal-adapter.js';
import { readCountAnswer, readRowsAnswer, readUpdateDateAnswer, type RowsAnswer } from './business-answer.js';
import { businessParams, type BusinessSecrets } from './business-params.js';
import type { DataGatewayClient, SignedCall } from './data-gateway-client.js';
import type { GatewayInterfaceIds } from './gateway-interfaces.js';
import { GatewayPageChecks } from './gateway-page-checks.js';
import { parseShanghaiTime } from './shanghai-time.js';
import { ZHEJIANG_MAX_PAGE_SIZE } from './zhejiang-capabilities.js';

/**
 * Reads one dataset through its gateway interfaces (section A2): numbered pages from the data
 * interface, the row count from the count interface or the pages themselves, the change marker
 * from the count and update-date interfaces.
 */
export class DataGatewayReader {
  constructor(
    private readonly client: DataGatewayClient,
    private readonly interfaces: GatewayInterfaceIds,
    private readonly secrets: BusinessSecrets,
  ) {}

  /**
   * A `pages` reader. A read that fits in one page asks for that page alone (`limit: 5` costs
   * one sign and one call). Otherwise the row count comes first — from the count interface,
   * fetched alongside the first page, or else from the first page's own total — so the engine
   * can fetch the next pages in parallel, each signed while earlier ones are in flight. Without
   * any count, pages are read until a short one.
   */
  async open(query: RecordQuery, options: CallOptions): Promise<RecordReader> {
    const dataId = this.interfaces.data;
    const pageSize = Math.min(query.pageSize, ZHEJIANG_MAX_PAGE_SIZE);
    const pageParams = (pageNumber: number) => this.business({ pageNumber, pageSize });
    const presigned = new Map<number, Promise<SignedCall | undefined>>();
    const fetchAnswer = (pageNumber: number, call: CallOptions): Promise<RowsAnswer> => {
      const ahead = presigned.get(pageNumber);
      presigned.delete(pageNumber);
      return this.client.call(dataId, pageParams(pageNumber), (answer) => readRowsAnswer(answer, dataId), call, ahead);
    };
    const presign = (pageNumber: number, call: CallOptions): void => {
      if (presigned.has(pageNumber) || (query.limit !== undefined && (pageNumber - 1) * pageSize >= query.limit)) return;
      presigned.set(pageNumber, this.client.presign(dataId, pageParams(pageNumber), call));
    };
    // A read that fits in one page needs no count.
    const single = query.limit !== undefined && query.limit <= pageSize;
    let total: number | undefined;
    let firstPage: Promise<RowsAnswer> | undefined;
    if (!single) {
      firstPage = fetchAnswer(1, options);
      // Settled here or by the engine: a failure must not go unhandled if the read stops first.
      firstPage.catch(() => undefined);
      presign(2, options);
      const countId = this.interfaces.count;
      total = countId === undefined ? (await firstPage).total : await this.count(countId, options);
    }
    const checks = new GatewayPageChecks(dataId, pageSize, total);
    return {
      kind: 'pages',
      applied: { where: false, q: false, fields: false, orderBy: false },
      pageSize,
      total,
      fetchPage: async (pageNumber, pageOptions) => {
        const prefetched = pageNumber === 1 ? firstPage : undefined;
        if (prefetched) firstPage = undefined;
        // Without a count the engine asks for one page at a time: the next one is signed meanwhile.
        if (total === undefined && !single) presign(pageNumber + 1, pageOptions);
        return checks.check(pageNumber, await (prefetched ?? fetchAnswer(pageNumber, pageOptions)));
      },
    };
  }

  /**
   * The change marker: the update-date and count interfaces, asked at once. Without a count
   * interface the total comes from a one-row page, when its answer carries one.
   */
  async version(options: CallOptions): Promise<DatasetVersion> {
    const { count, updateDate, data } = this.interfaces;
    const [updated, total] = await Promise.all([
      updateDate === undefined ? null : this.client.call(updateDate, this.business(), (answer) => readUpdateDateAnswer(answer, updateDate), options),
      count === undefined
        ? this.client.call(data, this.business({ pageNumber: 1, pageSize: 1 }), (answer) => readRowsAnswer(answer, data).total, options)
        : this.count(count, options),
    ]);
    return { updatedAt: parseShanghaiTime(updated ?? undefined), total };
  }

  private count(countId: string, options: CallOptions): Promise<number> {
    return this.client.call(countId, this.business(), (answer) => readCountAnswer(answer, countId), options);
  }

  private business(page?: { pageNumber: number; pageSize: number }): Record<string, string> {
    return businessParams(this.secrets, this.interfaces, page);
  }
}

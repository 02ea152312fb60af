import { ArgumentError } from './errors/index.js';
import type { Dataset } from './model/dataset.js';
import type { Page } from './model/page.js';
import type { EngineContext } from './engine-context.js';
import type { CallOptions, CatalogQuery } from './portals/portal-adapter.js';

/** `client.catalog`: search the portal's catalogue. */
export class Catalog {
  constructor(private readonly context: EngineContext) {}

  /**
   * One page of matching datasets; `await page.next()` fetches the following one.
   *
   * @example
   * const page = await client.catalog.search({ q: '停车', theme: '交通出行', limit: 20 });
   */
  search(query: CatalogQuery = {}, options: CallOptions = {}): Promise<Page<Dataset>> {
    checkQuery(query);
    return this.page(query, undefined, options);
  }

  /**
   * Every matching dataset, page by page. A dataset that moves between pages while paging is
   * yielded once.
   *
   * @example
   * for await (const dataset of client.catalog.searchAll({ q: '许可证' })) console.log(dataset.title);
   */
  async *searchAll(query: CatalogQuery = {}, options: CallOptions = {}): AsyncGenerator<Dataset> {
    checkQuery(query);
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      options.signal?.throwIfAborted();
      const adapter = await this.context.adapter();
      const page = await adapter.searchCatalog({ limit: 100, ...query }, cursor, options);
      for (const dataset of page.items) {
        if (seen.has(dataset.id)) continue;
        seen.add(dataset.id);
        yield dataset;
      }
      cursor = page.cursor;
    } while (cursor !== undefined);
  }

  private async page(query: CatalogQuery, cursor: string | undefined, options: CallOptions): Promise<Page<Dataset>> {
    const adapter = await this.context.adapter();
    const result = await adapter.searchCatalog(query, cursor, options);
    return {
      items: result.items,
      total: result.total,
      hasNext: result.cursor !== undefined,
      next: async () => (result.cursor === undefined ? undefined : this.page(query, result.cursor, options)),
    };
  }
}

function checkQuery(query: CatalogQuery): void {
  if (query.limit !== undefined && (!Number.isInteger(query.limit) || query.limit < 1)) {
    throw new ArgumentError(`limit must be a positive whole number, got ${String(query.limit)}`);
  }
}

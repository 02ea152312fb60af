import { expectTypeOf, it } from 'vitest';
import { createClient, type Dataset } from '../../src/index.js';
import { createTransport, definePortal, type PortalAdapter, type PortalDefinition, type RecordReader, type Transport } from '../../src/adapter/index.js';

it('kaifang/adapter is enough to write an adapter and hand it to createClient', () => {
  class TinyAdapter implements PortalAdapter {
    constructor(private readonly transport: Transport) {}
    async searchCatalog() {
      return { items: [] as Dataset[], total: 0, cursor: undefined };
    }
    async getDataset(id: string): Promise<Dataset> {
      const { data } = await this.transport.request({ method: 'GET', url: `https://tiny.example/${id}`, parse: (body) => body as Dataset });
      return data;
    }
    async openRecords(): Promise<RecordReader> {
      return { kind: 'cursor', applied: { where: false, q: false, fields: false, orderBy: false }, total: 0, fetchPage: async () => ({ rows: [], cursor: undefined, total: 0 }) };
    }
    async datasetVersion() {
      return { updatedAt: null, total: undefined };
    }
  }
  const portal = definePortal({
    family: 'tiny',
    baseUrl: 'https://tiny.example',
    capabilities: { serverFilters: false, serverFullText: false, serverOrder: false, maxPageSize: 100, parallelPages: false },
    parseTimestamp: () => null,
    credentials: { secrets: [], params: [], headers: [] },
    load: async (transport) => new TinyAdapter(transport),
  });
  expectTypeOf(portal).toEqualTypeOf<PortalDefinition>();
  expectTypeOf(createClient({ portal }).portal.family).toExtend<string>();
  expectTypeOf(new TinyAdapter(createTransport())).toExtend<PortalAdapter>();
});

import { describe, expect, it } from 'vitest';
import { createTransport } from '../../src/http/index.js';
import { portals } from '../../src/index.js';
import { CkanAdapter } from '../../src/portals/ckan/ckan-adapter.js';
import { lazyAdapter, type OptionalAdapterMethod } from '../../src/portals/lazy-adapter.js';
import { OpendatasoftAdapter } from '../../src/portals/opendatasoft/opendatasoft-adapter.js';
import type { PortalAdapter } from '../../src/portals/portal-adapter.js';
import { SocrataAdapter } from '../../src/portals/socrata/socrata-adapter.js';
import { ZhejiangAdapter } from '../../src/portals/zhejiang/zhejiang-adapter.js';
import { createSandbox } from '../../src/sandbox/index.js';

const optional: readonly OptionalAdapterMethod[] = ['lookup', 'probeChanges', 'openFile', 'aggregate', 'openChanges'];
const transport = () => createTransport({ fetch: () => Promise.reject(new Error('no network in this test')), cache: false, retry: false });

const families = [
  { definition: portals.ckan({ baseUrl: 'https://ckan.example' }), Adapter: CkanAdapter },
  { definition: portals.socrata({ baseUrl: 'https://soda.example' }), Adapter: SocrataAdapter },
  { definition: portals.opendatasoft({ baseUrl: 'https://ods.example' }), Adapter: OpendatasoftAdapter },
  { definition: portals.zhejiang({ baseUrl: 'https://zj.example' }), Adapter: ZhejiangAdapter },
];

describe('lazy portal adapters', () => {
  it.each(families)('$definition.family offers exactly the optional methods, capabilities and timestamps of its real adapter', ({ definition, Adapter }) => {
    const lazy = definition.create(transport());
    const real = new Adapter(transport(), { baseUrl: definition.baseUrl } as never, '');
    expect(optional.filter((name) => lazy[name] !== undefined)).toEqual(optional.filter((name) => typeof real[name as keyof typeof real] === 'function'));
    expect(lazy.capabilities).toEqual(real.capabilities);
    expect(lazy.family).toBe(real.family);
    for (const value of ['2026-01-02 03:04:05', '2026-01-02T03:04:05.123456', '2026-01-02T03:04:05+00:00', '2026-01-02', '', 'soon', 42]) {
      expect(lazy.parseTimestamp(value)).toEqual(real.parseTimestamp(value));
    }
  });

  it('loads the adapter once, on the first call, and shares it between calls', async () => {
    let loads = 0;
    const inner = { getDataset: async (id: string) => ({ id }) } as unknown as PortalAdapter;
    const adapter = lazyAdapter({
      family: 'ckan',
      baseUrl: 'https://ckan.example',
      capabilities: { serverFilters: true, serverFullText: true, serverOrder: true, maxPageSize: 10, parallelPages: false },
      parseTimestamp: () => null,
      methods: [],
      load: async () => (loads++, inner),
    });
    expect(loads).toBe(0);
    await Promise.all([adapter.getDataset('a', {}), adapter.getDataset('b', {})]);
    expect(await adapter.getDataset('c', {})).toEqual({ id: 'c' });
    expect(loads).toBe(1);
  });

  it('tries the load again after a failed one instead of keeping the failure', async () => {
    let loads = 0;
    const adapter = lazyAdapter({
      family: 'zhejiang',
      baseUrl: 'https://zj.example',
      capabilities: { serverFilters: false, serverFullText: false, serverOrder: false, maxPageSize: 10, parallelPages: true },
      parseTimestamp: () => null,
      methods: ['lookup'],
      load: async () => {
        if (++loads === 1) throw new TypeError('Failed to fetch dynamically imported module');
        return { lookup: async () => 'answer' } as unknown as PortalAdapter;
      },
    });
    await expect(adapter.lookup?.({} as never, {}, {})).rejects.toThrow(TypeError);
    await expect(adapter.lookup?.({} as never, {}, {})).resolves.toBe('answer');
    expect(loads).toBe(2);
  });

  it('answers through the loaded adapter against the sandbox', async () => {
    const sandbox = createSandbox({ flavor: 'ckan', seed: 1, scale: 'small' });
    const adapter = portals.ckan({ baseUrl: 'https://sandbox.example' }).create(createTransport({ fetch: sandbox.fetch, cache: false }));
    const dataset = await adapter.getDataset('hz-parking-lots', {});
    expect(dataset.name).toBe('hz-parking-lots');
    expect(dataset.portal.family).toBe('ckan');
  });
});

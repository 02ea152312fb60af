import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createClient, decodeCheckpoint, DownloadInterruptedError, encodeCheckpoint, MemoryCheckpointStore, portals, UnsupportedError, type Checkpoint } from '../../src/index.js';
import { FOOD, harness, sorted, type Harness } from './sync-harness.js';

const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (error: unknown) => error as Error);

/** The id of the food licenses' CKAN resource whose name contains `label`. */
async function ckanResource(setup: Harness, label: string): Promise<string> {
  const dataset = await setup.client.datasets.get(FOOD.ckan.dataset);
  const resource = dataset.resources.find((item) => !item.queryable && item.name.includes(label));
  if (!resource) throw new Error(`no ${label} resource`);
  setup.paths.length = 0;
  return resource.id;
}

/** Mutates the food licenses and returns the keys of each change as strings. */
function mutate(setup: Harness) {
  const result = setup.sandbox.mutate({ dataset: FOOD.ckan.dataset, add: 3, update: 4, remove: 2 });
  return { added: sorted(result.added), updated: sorted(result.updated), removed: sorted(result.removed) };
}

describe('sync of a CKAN file resource', () => {
  it.each([
    ['the GBK CSV', 'GBK', 'nb-food-licenses-gbk.csv'],
    ['the JSON array', 'JSON', 'nb-food-licenses.json'],
    ['the XLSX workbook', 'Excel', 'nb-food-licenses.xlsx'],
  ])('reads %s once, then tells "unchanged" with one metadata request, then diffs a changed file exactly', async (_name, label, file) => {
    const setup = harness({ flavor: 'ckan' });
    const resource = await ckanResource(setup, label);
    const key = FOOD.ckan.key;
    const sync = setup.client.sync(FOOD.ckan.dataset, { key, store: new MemoryCheckpointStore(), resource });

    const first = await sync.pull();
    expect(first.added).toHaveLength(300);
    expect(setup.paths).toEqual(['package_show', file]);

    setup.paths.length = 0;
    const quiet = await sync.pull();
    expect(quiet.stats).toMatchObject({ strategy: 'change-check', unchanged: true, rowsRead: 0, pages: 0 });
    expect(setup.paths).toEqual(['package_show']);

    const changed = mutate(setup);
    setup.paths.length = 0;
    const next = await sync.pull();
    expect(sorted(next.added.map((row) => row[key] as string))).toEqual(changed.added);
    expect(sorted(next.updated.map((row) => row[key] as string))).toEqual(changed.updated);
    expect(sorted(next.removed)).toEqual(changed.removed);
    expect(next.stats.rowsRead).toBe(301);
    expect(setup.paths).toEqual(['package_show', file]);
  });

  it('decodes the GBK file into the same text the DataStore serves', async () => {
    const setup = harness({ flavor: 'ckan' });
    const resource = await ckanResource(setup, 'GBK');
    const { added } = await setup.client.sync(FOOD.ckan.dataset, { key: FOOD.ckan.key, store: new MemoryCheckpointStore(), resource }).pull();
    const api = await setup.client.datasets.records(FOOD.ckan.dataset).toArray();
    const names = new Map(api.map((row) => [String(row[FOOD.ckan.key]), row]));
    const first = added[0] as Record<string, unknown>;
    const match = names.get(String(first[FOOD.ckan.key])) as Record<string, unknown>;
    const text = Object.keys(first).filter((column) => typeof match[column] === 'string' && /[\u4e00-\u9fff]/.test(match[column] as string));
    expect(text.length).toBeGreaterThan(2);
    for (const column of text) expect(first[column]).toBe(match[column]);
  });

  it('asks with If-None-Match when the portal gives neither checksum nor date, and a 304 reads nothing', async () => {
    const setup = harness({ flavor: 'ckan' });
    const resource = await ckanResource(setup, 'JSON');
    const seen: Request[] = [];
    const blank = createClient({
      portal: portals.ckan({ baseUrl: setup.sandbox.url }),
      retry: false,
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        seen.push(request.clone());
        const response = await setup.sandbox.fetch(request);
        if (!request.url.includes('package_show')) return response;
        const body = (await response.json()) as { result: { resources: Record<string, unknown>[] } };
        for (const item of body.result.resources) Object.assign(item, { hash: '', last_modified: null, metadata_modified: null, created: null });
        return Response.json(body, { status: response.status });
      },
    });
    const sync = blank.sync(FOOD.ckan.dataset, { key: FOOD.ckan.key, store: new MemoryCheckpointStore(), resource });
    await sync.pull();
    seen.length = 0;
    const quiet = await sync.pull();
    expect(quiet.stats.unchanged).toBe(true);
    const download = seen.find((request) => request.url.includes('/download/'));
    expect(download?.headers.get('if-none-match')).toMatch(/^".+"$/);
    expect(seen).toHaveLength(2);

    mutate(setup);
    const next = await sync.pull();
    expect(next.stats.unchanged).toBe(false);
    expect(next.added).toHaveLength(3);
  });

  it('keeps the file validators through a FileCheckpointStore encoding, and old checkpoints without them still load', async () => {
    const setup = harness({ flavor: 'ckan' });
    const resource = await ckanResource(setup, 'GBK');
    const store = new MemoryCheckpointStore();
    await setup.client.sync(FOOD.ckan.dataset, { key: FOOD.ckan.key, store, resource }).pull();
    const saved = (await store.load(FOOD.ckan.dataset)) as Checkpoint;
    expect(saved.file).toMatchObject({ id: resource, etag: expect.stringMatching(/^".+"$/) });
    const reloaded = decodeCheckpoint(encodeCheckpoint(saved), 'memory');
    expect({ ...reloaded, hashes: new Map(reloaded.hashes) }).toEqual({ ...saved, hashes: new Map(saved.hashes) });
    const { file: _file, ...apiCheckpoint } = saved;
    const decoded = decodeCheckpoint(encodeCheckpoint(apiCheckpoint), 'memory');
    expect(decoded.file).toBeUndefined();
    expect(decoded.hashes.size).toBe(300);
  });

  it('reads the whole file on every pull with strategy full', async () => {
    const setup = harness({ flavor: 'ckan' });
    const resource = await ckanResource(setup, 'JSON');
    const sync = setup.client.sync(FOOD.ckan.dataset, { key: FOOD.ckan.key, store: new MemoryCheckpointStore(), resource, strategy: 'full' });
    await sync.pull();
    const again = await sync.pull();
    expect(again.stats).toMatchObject({ strategy: 'full', unchanged: false, rowsRead: 300 });
    expect(again.added).toHaveLength(0);
    expect(again.updated).toHaveLength(0);
  });

  it('validates changed rows with the sync schema', async () => {
    const setup = harness({ flavor: 'ckan' });
    const resource = await ckanResource(setup, 'GBK');
    const schema = z.object({ license_no: z.string() }).transform((row) => ({ id: `L-${row.license_no}` }));
    const sync = setup.client.sync(FOOD.ckan.dataset, { key: FOOD.ckan.key, store: new MemoryCheckpointStore(), resource, schema });
    const { added } = await sync.pull();
    expect(added[0]).toEqual({ id: expect.stringMatching(/^L-./) });
  });
});

describe('sync of a zhejiang download', () => {
  it.each(['csv', 'json', 'xlsx'] as const)('costs one conditional request when the %s download is unchanged, and diffs it exactly when not', async (format) => {
    const setup = harness({ flavor: 'zhejiang' });
    const key = FOOD.zhejiang.key;
    const sync = setup.client.sync(FOOD.zhejiang.dataset, { key, store: new MemoryCheckpointStore(), resource: format });
    const file = `cata_${FOOD.zhejiang.dataset}.${format}`;

    expect((await sync.pull()).added).toHaveLength(300);
    // The client learns the dataset's open class once (the catalogue entry), then reads the file.
    expect(setup.paths).toEqual([FOOD.zhejiang.dataset, file]);

    setup.paths.length = 0;
    const quiet = await sync.pull();
    expect(quiet.stats).toMatchObject({ unchanged: true, rowsRead: 0 });
    expect(setup.paths).toEqual([file]);

    const changed = mutate(setup);
    setup.paths.length = 0;
    const next = await sync.pull();
    expect(sorted(next.added.map((row) => row[key] as string))).toEqual(changed.added);
    expect(sorted(next.updated.map((row) => row[key] as string))).toEqual(changed.updated);
    expect(sorted(next.removed)).toEqual(changed.removed);
    expect(setup.paths).toEqual([file]);
  });
});

describe('a file sync that breaks mid-read', () => {
  it.each([
    ['ckan', async (setup: Harness) => ({ resource: await ckanResource(setup, 'GBK') })],
    ['zhejiang', async () => ({ format: 'csv' as const })],
  ] as const)('on %s throws a typed error, commits nothing, and the next pull yields every change', async (flavor, selection) => {
    const setup = harness({ flavor });
    const key = FOOD[flavor].key;
    const store = new MemoryCheckpointStore();
    const sync = setup.client.sync(FOOD[flavor].dataset, { key, store, ...(await selection(setup)) });

    setup.sandbox.setFaults([{ match: '/download/', kind: 'truncate' }]);
    expect(await failure(sync.pull())).toBeInstanceOf(DownloadInterruptedError);
    expect(await store.load(FOOD[flavor].dataset)).toBeUndefined();
    expect((await sync.pull()).added).toHaveLength(300);

    const before = await store.load(FOOD[flavor].dataset);
    const changed = mutate(setup);
    setup.sandbox.setFaults([{ match: '/download/', kind: 'truncate' }]);
    expect(await failure(sync.pull())).toBeInstanceOf(DownloadInterruptedError);
    expect(await store.load(FOOD[flavor].dataset)).toBe(before);

    const next = await sync.pull();
    expect(sorted(next.added.map((row) => row[key] as string))).toEqual(changed.added);
    expect(sorted(next.updated.map((row) => row[key] as string))).toEqual(changed.updated);
    expect(sorted(next.removed)).toEqual(changed.removed);
  });
});

describe('file sync options', () => {
  it('refuses modified-since on a file before sending any request', async () => {
    const setup = harness({ flavor: 'zhejiang' });
    const sync = setup.client.sync(FOOD.zhejiang.dataset, { key: FOOD.zhejiang.key, store: new MemoryCheckpointStore(), format: 'csv', strategy: 'modified-since' });
    expect(await failure(sync.pull())).toBeInstanceOf(UnsupportedError);
    expect(setup.paths).toEqual([]);
  });

  it('reads the whole file again when the resource changes between pulls', async () => {
    const setup = harness({ flavor: 'zhejiang' });
    const store = new MemoryCheckpointStore();
    await setup.client.sync(FOOD.zhejiang.dataset, { key: FOOD.zhejiang.key, store, format: 'csv' }).pull();
    const other = await setup.client.sync(FOOD.zhejiang.dataset, { key: FOOD.zhejiang.key, store, resource: 'json' }).pull();
    expect(other.stats).toMatchObject({ unchanged: false, rowsRead: 300 });
  });
});

import { describe, expect, it } from 'vitest';
import { createClient, DatasetSchema, portals } from '../../src/index.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { sandboxClient } from './sandbox-client.js';

function served(sandbox: Sandbox, id: string) {
  const dataset = sandbox.datasets.find((item) => item.id === id);
  if (!dataset) throw new Error(`no ${id}`);
  return dataset;
}

describe('datasets.get on the zhejiang flavor', () => {
  it('maps a catalogue entry to the unified Dataset, dates read as Shanghai time', async () => {
    const { client, sandbox } = sandboxClient({ flavor: 'zhejiang', sizes: { 'nb-food-licenses': 300 } });
    const dataset = await client.datasets.get('nb-food-licenses');
    expect(dataset.id).toBe('nb-food-licenses');
    expect(dataset.title).toBe(served(sandbox, 'nb-food-licenses').title);
    expect(dataset.updatedAt?.toISOString()).toBe(served(sandbox, 'nb-food-licenses').updatedAt.toISOString());
    // releaseDate "2021-09-15" is midnight in Shanghai, 16:00 the day before in UTC.
    expect(dataset.createdAt?.toISOString()).toBe('2021-09-14T16:00:00.000Z');
    expect(dataset.openClass).toBe('unconditional');
    // The entry gives the publishing body no id: its `region` (330200) is the area it serves, another party.
    expect(dataset.publisher).toEqual({ id: null, name: '宁波市市场监督管理局' });
    expect(dataset.license.title).toBe('浙江省公共数据开放平台数据使用协议');
    expect(dataset.themes).toEqual(['市场监管']);
    expect(dataset.recordCount).toBe(300);
    expect(dataset.fields.map((field) => field.name)).toContain('XKZBH');
    // The get_data interface, then the platform's file downloads.
    expect(dataset.resources[0]).toMatchObject({ format: 'API', queryable: true });
    expect(dataset.resources.slice(1).map((resource) => resource.format).sort()).toEqual(['CSV', 'XLSX']);
    expect(dataset.portal).toEqual({ family: 'zhejiang', baseUrl: sandbox.url });
    expect(() => DatasetSchema.parse(dataset)).not.toThrow();
  });

  it('follows a mutation: the update date moves to the sandbox clock', async () => {
    const now = new Date('2027-03-04T05:06:07.000Z');
    const { client, sandbox } = sandboxClient({ flavor: 'zhejiang', clock: () => now });
    sandbox.mutate({ dataset: 'hz-parking-lots', update: 3 });
    const dataset = await client.datasets.get('hz-parking-lots');
    expect(dataset.updatedAt?.toISOString()).toBe(served(sandbox, 'hz-parking-lots').updatedAt.toISOString());
    expect(dataset.updatedAt?.getTime()).toBe(now.getTime());
  });

  it('marks the practitioner dataset restricted and names its gateway interface', async () => {
    const { client } = sandboxClient({ flavor: 'zhejiang' });
    const dataset = await client.datasets.get('zj-medical-practitioners');
    expect(dataset.openClass).toBe('restricted');
    expect(dataset.resources[0]?.url).toContain('/gateway/api/001008001/dataSharing/practitionerVerify.htm');
    expect(() => DatasetSchema.parse(dataset)).not.toThrow();
  });
});

describe('datasets.get on the ckan flavor', () => {
  it('maps package_show to the unified Dataset, naive timestamps read as UTC', async () => {
    const { client, sandbox } = sandboxClient({ flavor: 'ckan', sizes: { 'nb-food-licenses': 300 } });
    const dataset = await client.datasets.get('nb-food-licenses');
    expect(dataset.name).toBe('nb-food-licenses');
    expect(dataset.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(dataset.updatedAt?.toISOString()).toBe(served(sandbox, 'nb-food-licenses').updatedAt.toISOString());
    expect(dataset.createdAt?.toISOString()).toBe('2021-09-15T00:00:00.000Z');
    expect(dataset.openClass).toBe('unconditional');
    expect(dataset.publisher?.name).toBe('宁波市市场监督管理局');
    expect(dataset.license).toEqual({ id: 'cc-by', title: 'Creative Commons Attribution', url: 'http://www.opendefinition.org/licenses/cc-by' });
    expect(dataset.themes).toEqual(['市场监管']);
    expect(dataset.tags).toContain('食品经营许可证');
    const [resource] = dataset.resources;
    expect(resource).toMatchObject({ format: 'CSV', queryable: true });
    expect(resource?.updatedAt?.toISOString()).toBe(served(sandbox, 'nb-food-licenses').updatedAt.toISOString());
    expect(dataset.portal).toEqual({ family: 'ckan', baseUrl: sandbox.url });
    expect(() => DatasetSchema.parse(dataset)).not.toThrow();
  });

  it('reads a mutated dataset\'s new update time to the millisecond', async () => {
    const now = new Date('2027-03-04T05:06:07.123Z');
    const { client, sandbox } = sandboxClient({ flavor: 'ckan', clock: () => now });
    sandbox.mutate({ dataset: 'nb-food-licenses', add: 1 });
    const dataset = await client.datasets.get('nb-food-licenses');
    expect(dataset.updatedAt?.getTime()).toBe(now.getTime());
  });

  it('shows a private dataset as restricted, with a closed license, to a client with the token', async () => {
    const sandbox = createSandbox({ flavor: 'ckan', extraDatasets: 0 });
    const client = createClient({ portal: portals.ckan({ baseUrl: sandbox.url, token: sandbox.credentials.apiToken }), fetch: sandbox.fetch });
    const dataset = await client.datasets.get('zj-medical-practitioners');
    expect(dataset.openClass).toBe('restricted');
    expect(dataset.license.id).not.toBe('cc-by');
    expect(() => DatasetSchema.parse(dataset)).not.toThrow();
  });
});

describe('datasets.version', () => {
  it.each(['zhejiang', 'ckan'] as const)('reports the update time and row count the %s sandbox serves, and follows a mutation', async (flavor) => {
    const now = new Date('2027-05-06T07:08:09.000Z');
    const { client, sandbox } = sandboxClient({ flavor, sizes: { 'nb-food-licenses': 300 }, clock: () => now });
    const before = await client.datasets.version('nb-food-licenses');
    expect(before).toEqual({ updatedAt: served(sandbox, 'nb-food-licenses').updatedAt, total: 300 });
    sandbox.mutate({ dataset: 'nb-food-licenses', add: 2, remove: 1 });
    const after = await client.datasets.version('nb-food-licenses');
    expect(after).toEqual({ updatedAt: now, total: 301 });
  });
});

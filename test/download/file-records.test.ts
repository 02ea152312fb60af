import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createClient, DownloadInterruptedError, FileFormatError, portals, RecordValidationError, ResponseTooLargeError } from '../../src/index.js';
import { createSandbox, type FaultOptions } from '../../src/sandbox/index.js';

function ckan(faults?: FaultOptions) {
  const sandbox = createSandbox({ flavor: 'ckan', seed: 3, ...(faults ? { faults } : {}) });
  const client = createClient({ portal: portals.ckan({ baseUrl: sandbox.url }), fetch: sandbox.fetch, retry: false });
  return { sandbox, client };
}

function zhejiang() {
  const sandbox = createSandbox({ flavor: 'zhejiang', seed: 3 });
  const client = createClient({ portal: portals.zhejiang({ baseUrl: sandbox.url, appSecret: sandbox.credentials.appSecret }), fetch: sandbox.fetch });
  return { sandbox, client };
}

/** Serves a fixed body for every resource download, the API from the sandbox. */
function ckanServing(body: BodyInit, contentType: string, options: { maxResponseBytes?: number } = {}) {
  const sandbox = createSandbox({ flavor: 'ckan', seed: 3 });
  const fetch = async (input: Request, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.url.includes('/download/')) return new Response(body, { headers: { 'content-type': contentType } });
    return sandbox.fetch(request);
  };
  return createClient({ portal: portals.ckan({ baseUrl: sandbox.url }), fetch, retry: false, ...options });
}

const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (error: unknown) => error as Error);

describe('records from ckan file resources', () => {
  it('reads the GBK CSV, JSON and XLSX resources with the same rows as the DataStore', async () => {
    const { client } = ckan();
    const dataset = await client.datasets.get('nb-food-licenses');
    const api = await client.datasets.records('nb-food-licenses', { limit: 3, fields: ['license_no', 'holder_name'] }).toArray();
    const files = dataset.resources.filter((resource) => !resource.queryable);
    expect(files.map((resource) => resource.format)).toEqual(['CSV', 'JSON', 'XLSX']);
    for (const resource of files) {
      const rows = await client.datasets.records('nb-food-licenses', { resource: resource.id, limit: 3, fields: ['license_no', 'holder_name'] }).toArray();
      expect(rows).toEqual(api);
    }
  });

  it('chooses a file resource by format and filters it on the client', async () => {
    const { client } = ckan();
    const rows = await client.datasets.records('nb-food-licenses', { format: 'json', where: { status: '注销' } }).toArray();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row['status'] === '注销')).toBe(true);
  });

  it('validates file rows with the schema and collects the invalid ones', async () => {
    const { client, sandbox } = ckan();
    const total = sandbox.datasets.find((dataset) => dataset.id === 'nb-food-licenses')!.count;
    const Row = z.object({ license_no: z.string(), status: z.literal('有效') });
    const stream = client.datasets.records('nb-food-licenses', { format: 'xlsx', schema: Row, onInvalid: 'collect' });
    const valid = await stream.toArray();
    expect(valid.length + stream.invalid.length).toBe(total);
    expect(stream.invalid[0]).toBeInstanceOf(RecordValidationError);
    const thrown = await failure(client.datasets.records('nb-food-licenses', { format: 'xlsx', schema: Row }).toArray());
    expect(thrown).toBeInstanceOf(RecordValidationError);
  });

  it('coerces declared number columns when asked and keeps text otherwise', async () => {
    const { client } = ckan();
    const [plain] = await client.datasets.records('hz-parking-lots', { format: 'json', limit: 1 }).toArray();
    const [typed] = await client.datasets.records('hz-parking-lots', { format: 'json', limit: 1, coerce: 'declared' }).toArray();
    expect(typeof plain?.['total_spaces']).toBe('string');
    expect(typeof typed?.['total_spaces']).toBe('number');
  });
});

describe('records from zhejiang downloads', () => {
  it('reads the GBK CSV, XLSX and JSON downloads alike', async () => {
    const { client } = zhejiang();
    const api = await client.datasets.records('nb-food-licenses', { limit: 5 }).toArray();
    for (const resource of ['csv', 'xlsx', 'json']) {
      expect(await client.datasets.records('nb-food-licenses', { resource, limit: 5 }).toArray()).toEqual(api);
    }
  });

  it('turns the platform refusing a download into its typed error', async () => {
    const sandbox = createSandbox({ flavor: 'zhejiang' });
    const client = createClient({ portal: portals.zhejiang({ baseUrl: sandbox.url, appSecret: 'wrong' }), fetch: sandbox.fetch });
    const error = await failure(client.datasets.records('nb-food-licenses', { resource: 'csv' }).toArray());
    expect(error.name).toBe('AuthError');
  });
});

describe('bad files', () => {
  it('reports GBK bytes read as UTF-8 with the byte offset', async () => {
    const { client } = ckan();
    const dataset = await client.datasets.get('nb-food-licenses');
    const gbk = dataset.resources.find((resource) => resource.name.includes('GBK'))!;
    const error = await failure(client.datasets.records('nb-food-licenses', { resource: gbk.id, encoding: 'utf-8' }).toArray());
    expect(error).toBeInstanceOf(FileFormatError);
    expect((error as FileFormatError).byteOffset).toBeGreaterThan(0);
  });

  it('reports a ragged row with its line', async () => {
    const client = ckanServing('a,b\n1,2\n3\n', 'text/csv');
    const error = await failure(client.datasets.records('nb-food-licenses', { format: 'csv' }).toArray());
    expect(error).toBeInstanceOf(FileFormatError);
    expect(error.message).toBe('CSV line 3 has 1 fields, the header has 2');
  });

  it('reports an unterminated quote with its line', async () => {
    const client = ckanServing('a,b\n1,"2\n3,4\n', 'text/csv');
    const error = await failure(client.datasets.records('nb-food-licenses', { format: 'csv' }).toArray());
    expect(error).toBeInstanceOf(FileFormatError);
    expect((error as FileFormatError).line).toBe(2);
  });

  it('refuses an HTML page served instead of CSV', async () => {
    const client = ckanServing('<!DOCTYPE html><html><body>502 Bad Gateway</body></html>', 'text/html');
    const error = await failure(client.datasets.records('nb-food-licenses', { format: 'csv' }).toArray());
    expect(error).toBeInstanceOf(FileFormatError);
    expect(error.message).toMatch(/HTML/);
  });

  it('refuses a corrupt XLSX', async () => {
    const client = ckanServing(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const error = await failure(client.datasets.records('nb-food-licenses', { format: 'xlsx' }).toArray());
    expect(error).toBeInstanceOf(FileFormatError);
  });

  it('stops a file larger than maxResponseBytes', async () => {
    const { client } = ckan();
    const error = await failure(client.datasets.records('nb-food-licenses', { format: 'json', maxBytes: 10_000 }).toArray());
    expect(error).toBeInstanceOf(ResponseTooLargeError);
  });

  it('reports an interrupted file with the byte where it broke', async () => {
    const { client } = ckan([{ match: '/download/', kind: 'truncate' }]);
    const error = await failure(client.datasets.records('nb-food-licenses', { format: 'json' }).toArray());
    expect(error).toBeInstanceOf(DownloadInterruptedError);
    expect((error as DownloadInterruptedError).byteOffset).toBeGreaterThan(0);
  });
});

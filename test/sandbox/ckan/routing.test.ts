import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sandbox/index.js';
import { get, NOW, post, send } from './ckan-call.js';

const sandbox = createSandbox({ flavor: 'ckan', seed: 4, clock: () => NOW });

describe('ckan routing and request errors', () => {
  it('answers an unknown action with a 400 and CKAN\'s bare message', async () => {
    const { status, contentType, body } = await get(sandbox, 'foo');
    expect(status).toBe(400);
    expect(contentType).toContain('application/json');
    expect(body).toBe('Bad request - Action name not known: foo');
  });

  it('answers a body that is not JSON, or not an object, with a 400', async () => {
    const broken = await post(sandbox, 'package_search', '{"q": ');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatch(/^Bad request - JSON Error: Error decoding JSON data\./);
    const list = await post(sandbox, 'package_search', '[1, 2]');
    expect(list.status).toBe(400);
    expect(list.body).toBe('Bad request - JSON Error: Request data JSON decoded to [1,2] but it needs to be a dictionary.');
  });

  it('serves the unversioned /api/action path like /api/3/action', async () => {
    const versioned = await get(sandbox, 'package_list');
    const unversioned = await send(sandbox, `${sandbox.url}/api/action/package_list`);
    expect(unversioned.status).toBe(200);
    expect(unversioned.body.result).toEqual(versioned.body.result);
  });

  it('answers paths outside the API with an HTML 404 page', async () => {
    for (const path of ['/', '/dataset', '/api/3/nothing', '/api/3/action/', '/%E0%A4%A']) {
      const { status, contentType, body } = await send(sandbox, `${sandbox.url}${path}`);
      expect(status, path).toBe(404);
      expect(contentType).toContain('text/html');
      expect(body).toContain('404 Not Found');
    }
  });

  it('answers methods other than GET and POST with a 405', async () => {
    const { status } = await send(sandbox, `${sandbox.url}/api/3/action/package_search`, { method: 'DELETE' });
    expect(status).toBe(405);
  });

  it('answers HEAD with the status of GET and no body', async () => {
    const response = await sandbox.fetch(`${sandbox.url}/api/3/action/package_show?id=nb-food-licenses`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers status_show, site_read, help_show and package_list', async () => {
    const status = await get(sandbox, 'status_show');
    expect(status.body.result).toMatchObject({ ckan_version: expect.stringMatching(/^2\.\d+/), site_url: sandbox.url });
    expect((await get(sandbox, 'site_read')).body.result).toBe(true);
    const help = await get(sandbox, 'help_show', { name: 'datastore_search' });
    expect(help.body.result).toContain('resource_id');
    const unknownHelp = await get(sandbox, 'help_show', { name: '__proto__' });
    expect(unknownHelp.status).toBe(404);
    const list = await get(sandbox, 'package_list');
    const open = sandbox.datasets.filter((dataset) => dataset.openClass === 'unconditional').map((dataset) => dataset.id).sort();
    expect(list.body.result).toEqual(open);
  });

  it('never fails for hostile input', async () => {
    const inputs: Record<string, unknown>[] = [
      { q: '"unterminated', fq: '[[[ TO', sort: ',,,', rows: '99999999999999999999999' },
      { q: '😀 \u0000 \uFFFF', fq: 'tags:(a OR) -name:* +', start: '1e3' },
      { fq: 'metadata_modified:[NOW-999999999YEARS TO NOW+1DAY/DAY]' },
      { q: '\\', fq: 'name:\\' },
    ];
    for (const params of inputs) {
      const { status, body } = await get(sandbox, 'package_search', params);
      expect([200, 400, 409], JSON.stringify(params)).toContain(status);
      expect(typeof body.success).toBe('boolean');
    }
    const datastore: Record<string, unknown>[] = [
      { resource_id: 'hz-parking-lots', filters: '[]', q: '{"nope": 1}' },
      { resource_id: 'hz-parking-lots', filters: { lot_id: [{}] } },
      { resource_id: 'hz-parking-lots', sort: '"unterminated', fields: ',,' },
      { resource_id: 'hz-parking-lots', q: '\u0000😀', limit: '1', offset: '99999999999999999999' },
      { resource_id: ['a', 'b'], after: 'x' },
    ];
    for (const params of datastore) {
      const { status, body } = await get(sandbox, 'datastore_search', params);
      expect([200, 404, 409], JSON.stringify(params)).toContain(status);
      expect(typeof body.success).toBe('boolean');
    }
    const odd = await post(sandbox, 'datastore_search', { resource_id: { nested: true }, limit: [1, 2] });
    expect(odd.status).toBe(409);
  });
});

describe('ckan samples and resource downloads', () => {
  it('offers sample URLs that all answer successfully', async () => {
    const samples = sandbox.samples();
    expect(samples.length).toBeGreaterThanOrEqual(3);
    for (const url of samples) {
      const { status, body } = await send(sandbox, url);
      expect(status, url).toBe(200);
      expect(body.success).toBe(true);
    }
  });

  it('serves the resource URL as a CSV file with the same rows as the DataStore', async () => {
    const small = createSandbox({ flavor: 'ckan', seed: 4, sizes: { 'nb-food-licenses': 30 } });
    const pkg = (await get(small, 'package_show', { id: 'nb-food-licenses' })).body.result;
    const { status, contentType, body } = await send(small, pkg.resources[0].url);
    expect(status).toBe(200);
    expect(contentType).toContain('text/csv');
    const lines = (body as string).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(31);
    const key = small.datasets.find((dataset) => dataset.id === 'nb-food-licenses')!.key;
    const header = lines[0]!.split(',');
    const records = (await get(small, 'datastore_search', { resource_id: 'nb-food-licenses' })).body.result.records;
    expect(lines[1]!.split(',')[header.indexOf(key)]).toBe(records[0][key]);
  });
});

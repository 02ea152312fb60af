import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sandbox/index.js';
import { auth, get, NOW, send } from './ckan-call.js';

const sandbox = createSandbox({ flavor: 'ckan', seed: 11, clock: () => NOW });
const open = sandbox.datasets.find((dataset) => dataset.id === 'nb-food-licenses')!;
const restricted = sandbox.datasets.find((dataset) => dataset.openClass !== 'unconditional')!;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const NAIVE_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

describe('package_show', () => {
  it('describes a dataset in CKAN package form', async () => {
    const { status, body } = await get(sandbox, 'package_show', { id: open.id });
    expect(status).toBe(200);
    const pkg = body.result;
    expect(pkg.id).toMatch(UUID);
    expect(pkg).toMatchObject({
      name: open.id,
      title: open.title,
      state: 'active',
      private: false,
      type: 'dataset',
      license_id: 'cc-by',
      license_title: 'Creative Commons Attribution',
      isopen: true,
      // The DataStore CSV, plus GBK CSV, JSON and XLSX files.
      num_resources: 4,
    });
    expect(pkg.license_url).toMatch(/^http/);
    expect(pkg.metadata_created).toMatch(NAIVE_UTC);
    expect(pkg.metadata_modified).toBe(`${open.updatedAt.toISOString().slice(0, 23)}000`);
    expect(pkg.organization.name).toMatch(/^[a-z0-9_-]{2,}$/);
    expect(pkg.organization.title.length).toBeGreaterThan(0);
    expect(pkg.tags.length).toBeGreaterThan(0);
    expect(pkg.tags[0]).toHaveProperty('name');
    expect(pkg.groups).toHaveLength(1);
    expect(pkg.extras).toEqual([{ key: 'update_frequency', value: expect.any(String) }]);
  });

  it('lists one DataStore resource whose URL is on the request origin', async () => {
    const { body } = await send(sandbox, `http://portal.example:8080/api/3/action/package_show?id=${open.id}`);
    const [resource] = body.result.resources;
    expect(resource.id).toMatch(UUID);
    expect(resource).toMatchObject({ datastore_active: true, format: 'CSV', size: null, hash: '', package_id: body.result.id });
    expect(resource.url).toBe(`http://portal.example:8080/dataset/${open.id}/resource/${resource.id}/download/${open.id}.csv`);
    expect(resource.last_modified).toBe(body.result.metadata_modified);
    expect(resource.metadata_modified).toBe(body.result.metadata_modified);
    expect(body.help).toBe('http://portal.example:8080/api/3/action/help_show?name=package_show');
  });

  it('finds a dataset by its id as well as its name', async () => {
    const byName = await get(sandbox, 'package_show', { id: open.id });
    const byId = await get(sandbox, 'package_show', { id: byName.body.result.id });
    expect(byId.body).toEqual(byName.body);
  });

  it('answers an unknown dataset with a 404 Not Found Error', async () => {
    const { status, body } = await get(sandbox, 'package_show', { id: 'no-such-dataset' });
    expect(status).toBe(404);
    expect(body).toMatchObject({ success: false, error: { __type: 'Not Found Error', message: 'Not found' } });
  });

  it('answers a missing id with a 409 Validation Error', async () => {
    const { status, body } = await get(sandbox, 'package_show');
    expect(status).toBe(409);
    expect(body.error).toEqual({ __type: 'Validation Error', name_or_id: ['Missing value'] });
  });

  it('refuses a private dataset without the token and shows it with the token', async () => {
    const denied = await get(sandbox, 'package_show', { id: restricted.id });
    expect(denied.status).toBe(403);
    expect(denied.body.error.__type).toBe('Authorization Error');
    expect(denied.body.error.message).toMatch(/^Access denied: /);
    const wrong = await get(sandbox, 'package_show', { id: restricted.id }, { Authorization: 'not-the-token' });
    expect(wrong.status).toBe(403);
    const bearer = await get(sandbox, 'package_show', { id: restricted.id }, { Authorization: `Bearer ${sandbox.credentials.apiToken}` });
    expect(bearer.status).toBe(403);
    const allowed = await get(sandbox, 'package_show', { id: restricted.id }, auth(sandbox));
    expect(allowed.status).toBe(200);
    expect(allowed.body.result).toMatchObject({ name: restricted.id, private: true, isopen: false, license_id: 'other-closed' });
  });
});

describe('resource_show', () => {
  it('returns the resource that package_show lists', async () => {
    const pkg = (await get(sandbox, 'package_show', { id: open.id })).body.result;
    const { status, body } = await get(sandbox, 'resource_show', { id: pkg.resources[0].id });
    expect(status).toBe(200);
    expect(body.result).toEqual(pkg.resources[0]);
  });

  it('answers an unknown resource with a 404 and a missing id with a 409', async () => {
    const unknown = await get(sandbox, 'resource_show', { id: '00000000-0000-0000-0000-000000000000' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toEqual({ __type: 'Not Found Error', message: 'Not found: Resource was not found.' });
    const missing = await get(sandbox, 'resource_show');
    expect(missing.status).toBe(409);
    expect(missing.body.error).toEqual({ __type: 'Validation Error', id: ['Missing value'] });
  });

  it('refuses the resource of a private dataset without the token', async () => {
    const pkg = (await get(sandbox, 'package_show', { id: restricted.id }, auth(sandbox))).body.result;
    const denied = await get(sandbox, 'resource_show', { id: pkg.resources[0].id });
    expect(denied.status).toBe(403);
    const allowed = await get(sandbox, 'resource_show', { id: pkg.resources[0].id }, auth(sandbox));
    expect(allowed.status).toBe(200);
  });
});

describe('determinism', () => {
  it('serves identical packages for the same seed and different ids for another seed', async () => {
    const twin = createSandbox({ flavor: 'ckan', seed: 11, clock: () => NOW });
    const other = createSandbox({ flavor: 'ckan', seed: 12, clock: () => NOW });
    const a = await get(sandbox, 'package_show', { id: open.id });
    const b = await get(twin, 'package_show', { id: open.id });
    const c = await get(other, 'package_show', { id: open.id });
    expect(b.body).toEqual(a.body);
    expect(c.body.result.id).not.toBe(a.body.result.id);
    expect(c.body.result.resources[0].id).not.toBe(a.body.result.resources[0].id);
    const rowsA = await get(sandbox, 'datastore_search', { resource_id: open.id, limit: 20 });
    const rowsB = await get(twin, 'datastore_search', { resource_id: open.id, limit: 20 });
    expect(rowsB.body.result.records).toEqual(rowsA.body.result.records);
  });
});

import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/sandbox/index.js';
import { apiKey, get, NOW } from './ods-call.js';

const sandbox = createSandbox({ flavor: 'opendatasoft', seed: 3, clock: () => NOW, extraDatasets: 6 });
const CORE = ['hz-parking-lots', 'nb-business-licenses', 'nb-food-licenses', 'zj-medical-practitioners'];

describe('the catalogue of the opendatasoft flavor', () => {
  it('lists the public datasets by dataset_id, 10 by default, with the total', async () => {
    const { status, body } = await get(sandbox, '/catalog/datasets');
    expect(status).toBe(200);
    expect(body.total_count).toBe(sandbox.datasets.filter((dataset) => dataset.openClass === 'unconditional').length);
    expect(body.results).toHaveLength(9);
    const ids = body.results.map((entry: any) => entry.dataset_id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).not.toContain('zj-medical-practitioners');
  });

  it('lists restricted datasets too for a caller with the key', async () => {
    const { body } = await get(sandbox, '/catalog/datasets', { limit: 100 }, apiKey(sandbox));
    const ids = body.results.map((entry: any) => entry.dataset_id);
    for (const id of CORE) expect(ids).toContain(id);
    expect(body.results.find((entry: any) => entry.dataset_id === 'zj-medical-practitioners').visibility).toBe('restricted');
  });

  it('describes a dataset with fields and metas.default', async () => {
    const { status, body } = await get(sandbox, '/catalog/datasets/nb-food-licenses');
    expect(status).toBe(200);
    const food = sandbox.datasets.find((dataset) => dataset.id === 'nb-food-licenses')!;
    expect(body.dataset_id).toBe('nb-food-licenses');
    expect(body.dataset_uid).toMatch(/^da_[0-9a-z]{6}$/);
    expect(body.fields.map((field: any) => field.name)).toEqual(food.columns.map((column) => column.name));
    expect(body.fields[0]).toMatchObject({ name: 'license_no', label: food.columns[0]!.label, type: 'text' });
    const metas = body.metas.default;
    expect(metas.title).toBe(food.title);
    expect(metas.records_count).toBe(food.count);
    expect(metas.modified).toMatch(/\+00:00$/);
    expect(new Date(metas.modified).getTime()).toBe(food.updatedAt.getTime());
    expect(metas.data_processed).toBe(metas.modified);
    expect(metas.license).toBe('CC BY 4.0');
    expect(metas.license_url).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(Array.isArray(metas.theme)).toBe(true);
    expect(Array.isArray(metas.keyword)).toBe(true);
  });

  it('answers 404 for a restricted dataset read without the key', async () => {
    expect((await get(sandbox, '/catalog/datasets/zj-medical-practitioners')).status).toBe(404);
    expect((await get(sandbox, '/catalog/datasets/zj-medical-practitioners', {}, apiKey(sandbox))).status).toBe(200);
  });

  it('filters by where over metas and by a refine facet', async () => {
    const food = sandbox.datasets.find((dataset) => dataset.id === 'nb-food-licenses')!;
    const byWhere = await get(sandbox, '/catalog/datasets', { where: `title = "${food.title}"` });
    expect(byWhere.body.results.map((entry: any) => entry.dataset_id)).toEqual(['nb-food-licenses']);
    const theme = byWhere.body.results[0].metas.default.theme[0];
    const refined = await get(sandbox, '/catalog/datasets', { refine: `theme:${theme}`, limit: 100 });
    expect(refined.body.total_count).toBeGreaterThan(0);
    for (const entry of refined.body.results) expect(entry.metas.default.theme).toContain(theme);
    const searched = await get(sandbox, '/catalog/datasets', { where: 'search("许可")', limit: 100 });
    expect(searched.body.results.map((entry: any) => entry.dataset_id)).toContain('nb-food-licenses');
  });

  it('filters by modification date and orders by it', async () => {
    sandbox.mutate({ dataset: 'hz-parking-lots', update: 1 });
    const { body } = await get(sandbox, '/catalog/datasets', { where: `modified >= date'${NOW.toISOString()}'`, order_by: 'modified desc' });
    expect(body.results.map((entry: any) => entry.dataset_id)).toEqual(['hz-parking-lots']);
  });

  it('selects the metas.default fields asked for', async () => {
    const { body } = await get(sandbox, '/catalog/datasets', { select: 'title,records_count', limit: 2 });
    for (const entry of body.results) expect(Object.keys(entry.metas.default)).toEqual(['title', 'records_count']);
  });

  it('refuses a bad refine, an unknown where field and an oversized page', async () => {
    expect((await get(sandbox, '/catalog/datasets', { refine: 'nothing' })).body.error_code).toBe('InvalidRESTParameterError');
    expect((await get(sandbox, '/catalog/datasets', { where: 'colour = "red"' })).body.error_code).toBe('ODSQLError');
    expect((await get(sandbox, '/catalog/datasets', { limit: 1000 })).status).toBe(400);
  });
});

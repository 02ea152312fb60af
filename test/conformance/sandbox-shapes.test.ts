import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import * as ckanFixtures from './fixtures/ckan-answers.js';
import * as odsFixtures from './fixtures/opendatasoft-answers.js';
import * as socrataFixtures from './fixtures/socrata-answers.js';
import * as ckan from './shapes/ckan-shapes.js';
import * as ods from './shapes/opendatasoft-shapes.js';
import * as socrata from './shapes/socrata-shapes.js';
import { shapeDifferences } from './shapes/value-shape.js';

// Users test their apps against the sandbox: its answers must have the shapes real sites send
// (key sets, types, null and omission habits). The shapes are written from the recorded answers in
// shared/real-responses; our fixtures reproduce them, and the sandbox must match the same shapes.

async function answer(sandbox: Sandbox, path: string, headers: Record<string, string> = {}): Promise<{ body: any; headers: Headers }> {
  const response = await sandbox.fetch(new Request(`${sandbox.url}${path}`, { headers }));
  expect(response.status, path).toBe(200);
  return { body: await response.json(), headers: response.headers };
}

describe('ckan answers', () => {
  const sandbox = createSandbox({ flavor: 'ckan', seed: 3, extraDatasets: 6, sizes: { 'nb-food-licenses': 40, 'hz-parking-lots': 40 } });
  const token = { Authorization: sandbox.credentials.apiToken };

  it('our fixtures have the shapes of the recorded answers', () => {
    expect(shapeDifferences(ckanFixtures.actionAnswer('package_search', ckanFixtures.packageSearchResult), ckan.actionAnswer(ckan.packageSearchResult))).toEqual([]);
    for (const page of [ckanFixtures.datastorePage('r', 0, 5), ckanFixtures.datastorePage('r', 5, 5), ckanFixtures.datastoreSearchWithQ('r', 'Riverside')]) {
      expect(shapeDifferences(ckanFixtures.actionAnswer('datastore_search', page), ckan.actionAnswer(ckan.datastoreSearchResult))).toEqual([]);
      expect(ckan.datastoreHabits(page)).toEqual([]);
    }
  });

  it('the sandbox catalogue, public and private packages have the same shapes', async () => {
    const anonymous = await answer(sandbox, '/api/3/action/package_search?rows=100');
    const withPrivate = await answer(sandbox, '/api/3/action/package_search?rows=100&include_private=true', token);
    expect(withPrivate.body.result.results.some((pkg: { private: boolean }) => pkg.private)).toBe(true);
    for (const search of [anonymous, withPrivate]) expect(shapeDifferences(search.body, ckan.actionAnswer(ckan.packageSearchResult))).toEqual([]);
    const shown = await answer(sandbox, '/api/3/action/package_show?id=zj-medical-practitioners', token);
    expect(shapeDifferences(shown.body, ckan.actionAnswer(ckan.ckanPackage))).toEqual([]);
    const resource = shown.body.result.resources[0];
    expect(shapeDifferences((await answer(sandbox, `/api/3/action/resource_show?id=${resource.id}`, token)).body, ckan.actionAnswer(ckan.ckanResource))).toEqual([]);
  });

  it('the sandbox DataStore pages, with and without q, have the same shapes and habits', async () => {
    for (const id of ['nb-food-licenses', 'hz-parking-lots']) {
      const pkg = await answer(sandbox, `/api/3/action/package_show?id=${id}`);
      const store = pkg.body.result.resources.find((resource: { datastore_active: boolean }) => resource.datastore_active);
      const filters = encodeURIComponent(JSON.stringify(id === 'hz-parking-lots' ? { district: '西湖区' } : { status: '有效' }));
      for (const query of ['limit=5', 'limit=5&offset=35', `limit=5&q=${encodeURIComponent('宁波')}`, `limit=5&filters=${filters}&sort=_id%20desc`]) {
        const page = await answer(sandbox, `/api/3/action/datastore_search?resource_id=${store.id}&${query}`);
        expect(shapeDifferences(page.body, ckan.actionAnswer(ckan.datastoreSearchResult)), query).toEqual([]);
        expect(ckan.datastoreHabits(page.body.result), query).toEqual([]);
      }
    }
  });
});

describe('socrata answers', () => {
  const sandbox = createSandbox({ flavor: 'socrata', seed: 3, extraDatasets: 6, sizes: { 'nb-food-licenses': 40, 'hz-parking-lots': 40 } });
  const token = { 'X-App-Token': sandbox.credentials.apiToken };
  const domain = new URL(sandbox.url).hostname;

  it('our fixtures have the shapes of the recorded answers', () => {
    const hits = [socrataFixtures.discoveryHitToday, socrataFixtures.discoveryHitWithoutAttribution, socrataFixtures.discoveryHit2018, socrataFixtures.discoveryHit2016];
    expect(shapeDifferences(socrataFixtures.discoveryAnswer(hits), socrata.discoveryAnswer)).toEqual([]);
    for (const view of [socrataFixtures.viewToday, socrataFixtures.view2013, socrataFixtures.viewOfReservoirs]) expect(shapeDifferences(view, socrata.view)).toEqual([]);
    expect(shapeDifferences(socrataFixtures.landmarkRows, socrata.sodaRows)).toEqual([]);
    expect(socrata.sodaRowHabits(socrataFixtures.landmarkRows, new Headers(socrataFixtures.landmarkRowHeaders))).toEqual([]);
    expect(socrata.sodaRowHabits(socrataFixtures.reservoirRows, new Headers(socrataFixtures.reservoirRowHeaders))).toEqual([]);
  });

  it('the sandbox Discovery answers, with and without a token, have the same shapes', async () => {
    for (const headers of [{}, token]) {
      expect(shapeDifferences((await answer(sandbox, `/api/catalog/v1?domains=${domain}&limit=100`, headers)).body, socrata.discoveryAnswer)).toEqual([]);
    }
  });

  it('the sandbox views have the same shapes', async () => {
    for (const id of ['nb-food-licenses', 'hz-parking-lots', 'nb-business-licenses', 'zj-medical-practitioners']) {
      expect(shapeDifferences((await answer(sandbox, `/api/views/${id}.json`, token)).body, socrata.view), id).toEqual([]);
    }
  });

  it('the sandbox rows have the same shapes, types in their headers and omitted null cells', async () => {
    for (const query of ['$limit=20', '$select=:*,*&$limit=5', '$select=district,count(*)&$group=district']) {
      // A large dataset's first read is a 202 "still preparing": ask until it is ready.
      let response = await sandbox.fetch(new Request(`${sandbox.url}/resource/hz-parking-lots.json?${query}`, { headers: token }));
      while (response.status === 202) response = await sandbox.fetch(new Request(`${sandbox.url}/resource/hz-parking-lots.json?${query}`, { headers: token }));
      const rows = (await response.json()) as Record<string, unknown>[];
      expect(shapeDifferences(rows, socrata.sodaRows), query).toEqual([]);
      expect(socrata.sodaRowHabits(rows, response.headers), query).toEqual([]);
    }
    // A cell emptied by a mutation is left out of its row, never sent as null.
    const [first] = (await answer(sandbox, '/resource/nb-food-licenses.json?$limit=1&$order=:id', token)).body;
    sandbox.mutate({ dataset: 'nb-food-licenses', update: [{ license_no: first.license_no, legal_rep: null }] });
    const [emptied] = (await answer(sandbox, '/resource/nb-food-licenses.json?$limit=1&$order=:id', token)).body;
    expect(emptied).not.toHaveProperty('legal_rep');
    expect(shapeDifferences([emptied], socrata.sodaRows)).toEqual([]);
  });
});

describe('opendatasoft answers', () => {
  const sandbox = createSandbox({ flavor: 'opendatasoft', seed: 3, extraDatasets: 6, sizes: { 'nb-food-licenses': 40, 'hz-parking-lots': 40 } });
  const key = { Authorization: `Apikey ${sandbox.credentials.apiToken}` };
  const api = '/api/explore/v2.1';

  it('our fixtures have the shapes of the recorded answers', () => {
    expect(shapeDifferences(odsFixtures.catalogAnswer([odsFixtures.describedEntry, odsFixtures.bareEntry], 19), ods.catalogAnswer)).toEqual([]);
    expect(shapeDifferences(odsFixtures.recordsAnswer(odsFixtures.cityRows, 137611), ods.recordsAnswer)).toEqual([]);
    expect(ods.recordHabits(odsFixtures.cityRows, ['population'])).toEqual([]);
    expect(shapeDifferences(odsFixtures.groupsAnswer([{ country: 'FR', n: 2 }]), ods.groupsAnswer)).toEqual([]);
  });

  it('the sandbox catalogue and dataset entries have the same shapes', async () => {
    for (const headers of [{}, key]) expect(shapeDifferences((await answer(sandbox, `${api}/catalog/datasets?limit=100`, headers)).body, ods.catalogAnswer)).toEqual([]);
    for (const id of ['nb-food-licenses', 'zj-medical-practitioners']) {
      expect(shapeDifferences((await answer(sandbox, `${api}/catalog/datasets/${id}`, key)).body, ods.catalogEntry), id).toEqual([]);
    }
  });

  it('the sandbox records keep null cells and typed numbers, and its groups come without total_count', async () => {
    const [first] = (await answer(sandbox, `${api}/catalog/datasets/hz-parking-lots/records?limit=1`)).body.results;
    sandbox.mutate({ dataset: 'hz-parking-lots', update: [{ lot_id: first.lot_id, address: null }] });
    const records = await answer(sandbox, `${api}/catalog/datasets/hz-parking-lots/records?limit=40`);
    expect(records.body.results.find((row: { lot_id: string }) => row.lot_id === first.lot_id)).toHaveProperty('address', null);
    expect(shapeDifferences(records.body, ods.recordsAnswer)).toEqual([]);
    expect(ods.recordHabits(records.body.results, ['total_spaces', 'free_spaces', 'lng', 'lat'])).toEqual([]);
    const groups = await answer(sandbox, `${api}/catalog/datasets/hz-parking-lots/records?select=${encodeURIComponent('district, count(*) as n')}&group_by=district`);
    expect(shapeDifferences(groups.body, ods.groupsAnswer)).toEqual([]);
  });
});

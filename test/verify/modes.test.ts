import { describe, expect, expectTypeOf, it } from 'vitest';
import { ArgumentError, UnsupportedError, type Verdict, type VerdictStatus } from '../../src/index.js';
import { AT, foodRows, HOT_FOOD, verifySandbox } from './verify-sandbox.js';

describe('choosing a mode', () => {
  it('refuses remote food licence checks on zhejiang when the verifier is made, since its interfaces cannot filter', () => {
    const { client } = verifySandbox('zhejiang');
    expect(() => client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', mode: 'remote' })).toThrow(UnsupportedError);
    expect(() => client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', mode: 'remote' })).toThrow(/use mode 'snapshot'/);
  });

  it('rejects unknown kinds, modes, instants and datasets at once', () => {
    const { client } = verifySandbox('ckan');
    const make = (options: object) => () => client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', ...options } as never);
    expect(make({ kind: 'pilot' })).toThrow(ArgumentError);
    expect(make({ mode: 'fast' })).toThrow(/Unknown verifier mode/);
    expect(make({ at: new Date('nonsense') })).toThrow(/at must be a valid Date/);
    expect(make({ dataset: '' })).toThrow(ArgumentError);
    expect(make({ cache: { max: 0 } })).toThrow(/cache must be false or \{ max, ttl \}/);
  });

  it('picks the snapshot on zhejiang and the server filter on ckan in auto mode', async () => {
    const zhejiang = verifySandbox('zhejiang').client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses' });
    const ckan = verifySandbox('ckan').client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses' });
    expect(await zhejiang.mode()).toBe('snapshot');
    expect(await ckan.mode()).toBe('remote');
  });

  it('rejects with a clear error when the dataset has no number column, and takes the column when given', async () => {
    const { client } = verifySandbox('ckan');
    const parking = client.licenses.verifier({ kind: 'food-business', dataset: 'hz-parking-lots' });
    await expect(parking.verify({ number: 'JY23302030012343' })).rejects.toThrow(/Cannot find the food-business number column of hz-parking-lots .* pass fields: \{ number/);
    const named = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', fields: { number: 'LICENCE' } });
    await expect(named.verify({ number: 'JY23302030012343' })).rejects.toThrow(/fields.number names "LICENCE", which is not a column of nb-food-licenses/);
  });

  it('reads the columns it is given instead of the aliases', async () => {
    const { client } = verifySandbox('ckan');
    const { valid } = await foodRows(client);
    const rows = await client.datasets.records('nb-food-licenses', { where: { license_no: valid.number } }).toArray();
    const legalRep = String(rows[0]?.['legal_rep']);
    const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', fields: { holder: 'legal_rep' }, at: AT });
    expect((await verifier.verify({ number: valid.number, holder: legalRep })).status).toBe('valid');
    expect((await verifier.verify({ number: valid.number, holder: valid.holder })).status).toBe('holder_mismatch');
  });
});

describe('verifyMany', () => {
  it('keeps the order of the items, duplicates and bad items included', async () => {
    for (const flavor of ['zhejiang', 'ckan'] as const) {
      const { client } = verifySandbox(flavor);
      const rows = await foodRows(client);
      const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', at: AT });
      const items = [rows.expired, rows.valid, { number: 'JY1' }, rows.revoked, rows.valid, rows.retailer].map((row) => ({ number: row.number, activity: HOT_FOOD }));
      const verdicts = await verifier.verifyMany(items, { concurrency: 3 });
      expect(verdicts.map((verdict) => verdict.status)).toEqual(['expired', 'valid', 'invalid_format', 'revoked', 'valid', 'out_of_scope']);
      expect(verdicts.map((verdict) => verdict.item.number)).toEqual(items.map((item) => item.number));
    }
  });

  it('sends no request per item from a snapshot', async () => {
    const { client, requests } = verifySandbox('zhejiang');
    const { rows } = await foodRows(client);
    const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', at: AT });
    await verifier.mode();
    const before = requests();
    const verdicts = await verifier.verifyMany(rows.map((row) => ({ number: row.number, holder: row.holder })));
    expect(verdicts).toHaveLength(rows.length);
    expect(requests()).toBe(before);
    expect(new Set(verdicts.map((verdict) => verdict.source.checkedAt)).size).toBe(1);
  });

  it('asks the portal once per distinct number in remote mode, and again after refresh()', async () => {
    const { client, requests } = verifySandbox('ckan');
    const { valid, expired } = await foodRows(client);
    const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', at: AT });
    await verifier.mode();
    const before = requests('datastore_search');
    const verdicts = await verifier.verifyMany([valid, expired, valid, valid, expired].map((row) => ({ number: row.number })), { concurrency: 4 });
    expect(verdicts.map((verdict) => verdict.status)).toEqual(['valid', 'expired', 'valid', 'valid', 'expired']);
    await verifier.verify({ number: valid.number.toLowerCase() });
    expect(requests('datastore_search') - before).toBe(2);
    await verifier.refresh();
    await verifier.verify({ number: valid.number });
    expect(requests('datastore_search') - before).toBe(3);
  });

  it('asks every time when the cache is off', async () => {
    const { client, requests } = verifySandbox('ckan');
    const { valid } = await foodRows(client);
    const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', cache: false });
    await verifier.mode();
    const before = requests('datastore_search');
    await verifier.verifyMany([valid, valid, valid].map((row) => ({ number: row.number })));
    expect(requests('datastore_search') - before).toBe(3);
  });

  it('turns bad items into invalid-format verdicts and refuses a non-array or a bad concurrency', async () => {
    const { client } = verifySandbox('zhejiang');
    const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses' });
    const bad = [null, 42, {}, { number: 5 }, { number: 'JY23302030012343', holder: 3 }, { number: ['JY'] }, { number: 'JY23302030012343', activity: {} }];
    const verdicts = await verifier.verifyMany(bad as never);
    expect(verdicts.map((verdict) => verdict.status)).toEqual(Array(bad.length).fill('invalid_format'));
    expect(verdicts[4]?.warnings).toEqual(['holder: expected a string, got number']);
    expect((await verifier.verify(undefined as never)).status).toBe('invalid_format');
    await expect(verifier.verifyMany('JY1' as never)).rejects.toThrow(ArgumentError);
    await expect(verifier.verifyMany([], { concurrency: 0 })).rejects.toThrow(/concurrency must be a positive whole number/);
  });

  it('stops before starting when the signal is already aborted', async () => {
    const { client } = verifySandbox('zhejiang');
    const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses' });
    await expect(verifier.verifyMany([{ number: 'JY23302030012343' }], { signal: AbortSignal.abort() })).rejects.toThrow();
  });
});

describe('refresh()', () => {
  it('costs only the change check when nothing changed', async () => {
    for (const flavor of ['zhejiang', 'ckan'] as const) {
      const { client, requests } = verifySandbox(flavor);
      const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', mode: 'snapshot' });
      await verifier.mode();
      const before = requests();
      await verifier.refresh();
      // The sync engine's change check: update date and row count (zhejiang get_dataupdate_date +
      // get_total; ckan package_show + a zero-row datastore_search). No data page.
      expect(requests() - before, flavor).toBe(2);
    }
  });

  it('sees additions, updates and removals once the sandbox changed', async () => {
    for (const flavor of ['zhejiang', 'ckan'] as const) {
      const { client, sandbox } = verifySandbox(flavor);
      const rows = await foodRows(client);
      const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', mode: 'snapshot', at: AT });
      expect((await verifier.verify({ number: rows.valid.number })).status).toBe('valid');
      const result = sandbox.mutate({ dataset: 'nb-food-licenses', add: 1, update: [{ license_no: rows.valid.number, status: '吊销' }], remove: [rows.expired.number] });
      const added = String(result.added[0]);
      expect((await verifier.verify({ number: added })).status).toBe('not_found');
      await verifier.refresh();
      expect((await verifier.verify({ number: rows.valid.number })).status, flavor).toBe('revoked');
      expect((await verifier.verify({ number: rows.expired.number })).status).toBe('not_found');
      expect((await verifier.verify({ number: added })).status).not.toBe('not_found');
      // zhejiang writes update times to the second.
      const updatedAt = (await verifier.verify({ number: added })).source.datasetUpdatedAt as Date;
      expect(Math.abs(updatedAt.getTime() - result.updatedAt.getTime())).toBeLessThan(1000);
    }
  });

  it('shares one re-read between concurrent calls', async () => {
    const { client, sandbox, requests } = verifySandbox('ckan');
    const alone = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', mode: 'snapshot' });
    const shared = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses', mode: 'snapshot' });
    await Promise.all([alone.mode(), shared.mode()]);
    sandbox.mutate({ dataset: 'nb-food-licenses', update: 1 });
    let before = requests();
    await alone.refresh();
    const one = requests() - before;
    before = requests();
    await Promise.all([shared.refresh(), shared.refresh(), shared.refresh()]);
    expect(requests() - before).toBe(one);
  });
});

describe('types', () => {
  it('gives verdicts a closed set of statuses', async () => {
    const { client } = verifySandbox('ckan');
    const verifier = client.licenses.verifier({ kind: 'food-business', dataset: 'nb-food-licenses' });
    expectTypeOf(verifier.verify).returns.resolves.toEqualTypeOf<Verdict>();
    expectTypeOf<Verdict['status']>().toEqualTypeOf<VerdictStatus>();
    expectTypeOf<Verdict['checks']['category']>().toEqualTypeOf<boolean | undefined>();
  });
});

import { describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../../src/sandbox/index.js';
import { getJson, movableClock, query, shanghai } from './zhejiang-requests.js';

const search = (sandbox: Sandbox, params: Record<string, string | number> = {}) =>
  getJson(sandbox, `${sandbox.url}/dopServer/rest/catalog/search?${query(params)}`);
const entry = (sandbox: Sandbox, id: string) => getJson(sandbox, `${sandbox.url}/dopServer/rest/catalog/${encodeURIComponent(id)}`);

// Every dataset is listed, forbidden ones with openType 3.
const published = (sandbox: Sandbox) => sandbox.datasets;

describe('zhejiang catalogue (section B)', () => {
  it('lists every published dataset, 10 per page by default, with the total', async () => {
    const sandbox = createSandbox({ seed: 5 });
    const body = await search(sandbox);
    expect(body.status).toBe(1);
    expect(body.data.total).toBe(published(sandbox).length);
    expect(body.data.pageNum).toBe(1);
    expect(body.data.pageSize).toBe(10);
    expect(body.data.list).toHaveLength(Math.min(10, published(sandbox).length));
  });

  it('pages through the whole catalogue without repeating an entry', async () => {
    const sandbox = createSandbox({ seed: 5 });
    const ids: string[] = [];
    for (let pageNum = 1; ; pageNum++) {
      const body = await search(sandbox, { pageNum, pageSize: 7 });
      if (body.data.list.length === 0) break;
      ids.push(...body.data.list.map((item: { cataId: string }) => item.cataId));
    }
    expect(ids).toEqual(published(sandbox).map((dataset) => dataset.id));
  });

  it('finds datasets by a keyword in the title, or in a field label or pinyin name', async () => {
    const sandbox = createSandbox({ seed: 5 });
    const byTitle = await search(sandbox, { keyword: '停车', pageSize: 100 });
    expect(byTitle.data.list.map((item: { cataId: string }) => item.cataId)).toContain('hz-parking-lots');
    for (const item of byTitle.data.list) {
      const text = [item.title, item.summary, ...item.fields.flatMap((field: { name: string; cnName: string }) => [field.name, field.cnName])].join(' ');
      expect(text).toContain('停车');
    }
    const byLabel = await search(sandbox, { keyword: '空闲泊位', pageSize: 100 });
    expect(byLabel.data.list.map((item: { cataId: string }) => item.cataId)).toContain('hz-parking-lots');
    const byPinyin = await search(sandbox, { keyword: 'kxbw', pageSize: 100 });
    expect(byPinyin.data.list.map((item: { cataId: string }) => item.cataId)).toContain('hz-parking-lots');
    const none = await search(sandbox, { keyword: '不存在的关键词zzz' });
    expect(none.data).toEqual({ total: 0, pageNum: 1, pageSize: 10, list: [] });
  });

  it('filters by domain, open type and part of the publisher name', async () => {
    const sandbox = createSandbox({ seed: 5 });
    const domain = await search(sandbox, { domain: '交通出行', pageSize: 100 });
    expect(domain.data.total).toBeGreaterThan(0);
    for (const item of domain.data.list) expect(item.domain).toBe('交通出行');

    const restricted = await search(sandbox, { openType: 2, pageSize: 100 });
    expect(restricted.data.list.map((item: { cataId: string }) => item.cataId)).toContain('zj-medical-practitioners');
    for (const item of restricted.data.list) expect(item.openType).toBe(2);
    const open = await search(sandbox, { openType: 1, pageSize: 100 });
    // The search filters by 1 and 2 only: the forbidden entry (openType 3) is in neither.
    expect(open.data.total + restricted.data.total).toBe(published(sandbox).length - 1);

    const parking = (await entry(sandbox, 'hz-parking-lots')).data;
    const org = await search(sandbox, { orgName: parking.orgName.slice(0, 4), pageSize: 100 });
    expect(org.data.list.map((item: { cataId: string }) => item.cataId)).toContain('hz-parking-lots');
    for (const item of org.data.list) expect(item.orgName).toContain(parking.orgName.slice(0, 4));
  });

  it.each([
    [{ pageSize: 101 }, 'pageSize不能超过100'],
    [{ pageSize: 0 }, 'pageSize必须为正整数'],
    [{ pageNum: -1 }, 'pageNum必须为正整数'],
    [{ openType: 3 }, 'openType必须为1或2'],
    [{ openType: '无条件' }, 'openType必须为1或2'],
  ])('answers the search %j with status 0 "%s"', async (params, msg) => {
    const sandbox = createSandbox({ seed: 5 });
    expect(await search(sandbox, params)).toEqual({ status: 0, msg, data: null });
  });

  it('describes an unconditional entry in the documented shape', async () => {
    const clock = movableClock();
    const sandbox = createSandbox({ seed: 5, clock: clock.clock });
    const body = await entry(sandbox, 'hz-parking-lots');
    const dataset = sandbox.datasets.find((candidate) => candidate.id === 'hz-parking-lots')!;
    expect(body.status).toBe(1);
    expect(Object.keys(body.data).sort()).toEqual(
      ['cataId', 'title', 'summary', 'orgName', 'region', 'domain', 'openType', 'dataFormat', 'updateFrequency', 'releaseDate', 'updateDate', 'recordCount', 'fields', 'interfaces', 'license', 'gateway'].sort(),
    );
    expect(body.data).toMatchObject({
      cataId: 'hz-parking-lots',
      title: dataset.title,
      domain: '交通出行',
      openType: 1,
      recordCount: 3128,
      updateDate: shanghai(dataset.updatedAt),
      // Section A's names, then the data gateway's interface id (section A2).
      interfaces: ['get_data', 'get_total', 'get_dataupdate_date', dataset.dataGateway?.data],
      license: '浙江省公共数据开放平台数据使用协议',
      gateway: null,
    });
    expect(body.data.region).toMatch(/^\d{6}$/);
    expect(body.data.releaseDate).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(body.data.fields).toEqual(
      dataset.columns.filter((column) => column.pinyin !== undefined).map((column) => ({ name: column.pinyin, cnName: column.label, type: column.type })),
    );
  });

  it('names the gateway interface of the restricted practitioner entry', async () => {
    const sandbox = createSandbox({ seed: 5 });
    const body = await entry(sandbox, 'zj-medical-practitioners');
    expect(body.data.openType).toBe(2);
    expect(body.data.gateway).toEqual({ path: '001008001', apiId: 'practitionerVerify', params: ['certNo', 'name'] });
  });

  it('answers an unknown entry id with status 0 "目录不存在"', async () => {
    const sandbox = createSandbox({ seed: 5 });
    for (const id of ['12720', '不存在', 'a b']) {
      expect(await entry(sandbox, id)).toEqual({ status: 0, msg: '目录不存在', data: null });
    }
  });

  it('JSON-encodes the catalogue data as the other interfaces do', async () => {
    const sandbox = createSandbox({ seed: 5, encodeData: 1 });
    const body = await entry(sandbox, 'hz-parking-lots');
    expect(JSON.parse(body.data).cataId).toBe('hz-parking-lots');
  });
});

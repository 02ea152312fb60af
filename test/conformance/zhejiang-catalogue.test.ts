import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient, DatasetSchema, portals } from '../../src/index.js';
import { BASE, useMswServer } from '../http/msw-server.js';

// The zhejiang catalogue (section B of shared/portals/zhejiang.md). No real answers of it are
// recorded: these entries carry the hand-typing habits real catalogues of the other families show
// (a list where one text was meant, a number as text, an empty frequency, null for an object,
// keys the model does not know), to prove that none of them costs an entry or its page.

const server = useMswServer();
const client = () => createClient({ portal: portals.zhejiang({ baseUrl: BASE, appSecret: 'secret-for-tests' }), retry: false, cache: false });

const wellFormed = {
  cataId: '12720',
  title: '杭州市停车场泊位信息',
  summary: '杭州市经营性停车场泊位信息',
  orgName: '杭州市城市大脑停车系统运营有限公司',
  region: '330100',
  domain: '交通出行',
  openType: 1,
  dataFormat: ['json', 'csv'],
  updateFrequency: '实时',
  releaseDate: '2020-06-01',
  updateDate: '2026-11-20 08:00:00',
  recordCount: 3128,
  fields: [{ name: 'TCCMC', cnName: '停车场名称', type: 'string' }],
  interfaces: ['get_data', 'get_total', 'get_dataupdate_date'],
  license: '浙江省公共数据开放平台数据使用协议',
  gateway: null,
};

const handTyped = {
  cataId: 12721,
  title: '宁波市食品经营许可证信息',
  summary: null,
  orgName: '',
  region: 330200,
  domain: ['市场监管'],
  openType: '1',
  dataFormat: 'json,csv',
  updateFrequency: '',
  releaseDate: 20210915,
  updateDate: '2026-11-20',
  recordCount: '100000',
  fields: [{ name: 'XKZBH', cnName: '许可证编号' }, { cnName: '没有字段名' }, null],
  interfaces: 'get_data',
  license: null,
  gateway: 'none',
  sourceSystem: { name: '市场监管局' },
};

function serveCatalogue(entries: readonly unknown[]) {
  server.use(
    http.get(`${BASE}/dopServer/rest/catalog/search`, () => HttpResponse.json({ status: 1, msg: 'ok', data: { total: entries.length, pageNum: 1, pageSize: 20, list: entries } })),
    http.get(`${BASE}/dopServer/rest/catalog/:id`, ({ params }) => {
      const entry = entries.find((item) => String((item as { cataId: unknown }).cataId) === params['id']);
      return HttpResponse.json(entry ? { status: 1, msg: 'ok', data: entry } : { status: 0, msg: '目录不存在', data: null });
    }),
  );
}

describe('zhejiang conformance: catalogue entries', () => {
  it('keeps a hand-typed entry beside a well-formed one, coercing or dropping its odd fields', async () => {
    serveCatalogue([wellFormed, handTyped]);
    const page = await client().catalog.search({});
    expect(page.items.map((dataset) => dataset.id)).toEqual(['12720', '12721']);
    for (const dataset of page.items) expect(() => DatasetSchema.parse(dataset)).not.toThrow();
    const [parking, food] = page.items;
    // The entry names its publisher without an id: `region` is the area it serves, another party.
    expect(parking).toMatchObject({ publisher: { id: null, name: '杭州市城市大脑停车系统运营有限公司' }, updateFrequency: '实时', recordCount: 3128, formats: ['JSON', 'CSV'] });
    expect(food).toMatchObject({
      title: '宁波市食品经营许可证信息',
      description: '',
      publisher: null,
      themes: ['市场监管'],
      openClass: 'unconditional',
      formats: ['JSON', 'CSV'],
      recordCount: 100000,
      fields: [{ name: 'XKZBH', label: '许可证编号', type: null }],
      license: { id: null, title: null, url: null },
      createdAt: null,
    });
    expect(food).not.toHaveProperty('updateFrequency');
    expect(food?.updatedAt?.toISOString()).toBe('2026-11-19T16:00:00.000Z');
    expect(food?.resources.map((resource) => resource.format)).toEqual(['API', 'CSV']);
  });

  it('reads the same hand-typed entry through datasets.get', async () => {
    serveCatalogue([wellFormed, handTyped]);
    const dataset = await client().datasets.get('12721');
    expect(dataset).toMatchObject({ id: '12721', recordCount: 100000, themes: ['市场监管'] });
    expect(dataset.resources[0]).toMatchObject({ format: 'API', queryable: true });
  });
});

import { describe, expect, it } from 'vitest';
import { datasetDefinitions } from '../../../src/sandbox/data/index.js';
import { createSandbox } from '../../../src/sandbox/index.js';
import { decoded, movableClock, refreshByKey, verify } from './zhejiang-requests.js';

const practitioners = datasetDefinitions({ extra: 0 }).find((definition) => definition.id === 'zj-medical-practitioners')!;
const column = (pinyin: string) => practitioners.columns.find((candidate) => candidate.pinyin === pinyin)!.name;

async function setUp(options: { encodeData?: 0 | 1 | 2 } = {}) {
  const clock = movableClock();
  const sandbox = createSandbox({ seed: 11, clock: clock.clock, ...options });
  const { requestSecret } = decoded((await refreshByKey(sandbox, clock.now())).datas);
  const call = (business: Record<string, string>) => verify(sandbox, requestSecret, clock.now(), business);
  return { sandbox, clock, call };
}

describe('zhejiang practitioner verification interface', () => {
  it('confirms a certificate whose full name matches, with its category, status and institution only', async () => {
    const { clock, call } = await setUp();
    const row = practitioners.row(11, 17, clock.clock());
    const body = await call({ certNo: String(row[column('ZSBM')]), name: String(row[column('XM')]) });
    expect(body).toEqual({
      code: '00',
      msg: '成功',
      datas: {
        match: true,
        found: true,
        category: String(row[column('ZYLB')]),
        status: String(row[column('ZT')]),
        institution: String(row[column('ZYDD')]),
      },
      dataCount: 1,
    });
  });

  it('reports a found certificate whose name differs as not matching', async () => {
    const { clock, call } = await setUp();
    const row = practitioners.row(11, 3, clock.clock());
    const other = practitioners.row(11, 4, clock.clock());
    const body = await call({ certNo: String(row[column('ZSBM')]), name: String(other[column('XM')]) + '某' });
    expect(body.datas.found).toBe(true);
    expect(body.datas.match).toBe(false);
  });

  it('does not accept the masked name as a match', async () => {
    const { clock, call } = await setUp();
    const row = practitioners.row(11, 5, clock.clock());
    const name = String(row[column('XM')]);
    const body = await call({ certNo: String(row[column('ZSBM')]), name: `${name[0]}**` });
    expect(body.datas.match).toBe(false);
  });

  it('reports an unknown certificate as not found, with nothing else', async () => {
    const { call } = await setUp();
    expect(await call({ certNo: 'ZZ0000000000000', name: '张三' })).toEqual({
      code: '00',
      msg: '成功',
      datas: { match: false, found: false, category: null, status: null, institution: null },
      dataCount: 1,
    });
  });

  it.each([
    [{ name: '张三' }, '97', '缺少参数certNo'],
    [{ certNo: '', name: '张三' }, '97', '缺少参数certNo'],
    [{ certNo: 'A1' }, '97', '缺少参数name'],
    [{ certNo: "A1' OR 1=1", name: '张三' }, '98', '参数certNo类型错误'],
    [{ certNo: '1'.repeat(65), name: '张三' }, '98', '参数certNo类型错误'],
    [{ certNo: 'A1', name: '张'.repeat(65) }, '98', '参数name类型错误'],
  ])('answers the business parameters %j with code %s', async (business, code, msg) => {
    const { call } = await setUp();
    expect(await call(business)).toEqual({ code, msg, datas: null });
  });

  it('JSON-encodes datas as the context says, the token answers included', async () => {
    const { sandbox, clock } = await setUp({ encodeData: 2 });
    const tokens = (await refreshByKey(sandbox, clock.now())).datas;
    expect(typeof JSON.parse(tokens)).toBe('string');
    expect(decoded(tokens).requestSecret).toMatch(/^[0-9a-f]{32}$/);
    const { requestSecret } = decoded(tokens);
    const fresh = (business: Record<string, string>) => verify(sandbox, requestSecret, clock.now(), business);
    const row = practitioners.row(11, 0, clock.clock());
    const body = await fresh({ certNo: String(row[column('ZSBM')]), name: String(row[column('XM')]) });
    expect(typeof JSON.parse(body.datas)).toBe('string');
    expect(JSON.parse(JSON.parse(body.datas))).toMatchObject({ found: true, match: true });
  });

  it('answers from the current data after a mutation renames a practitioner or removes one', async () => {
    const { sandbox, clock, call } = await setUp();
    const renamed = practitioners.row(11, 8, clock.clock());
    const removed = practitioners.row(11, 9, clock.clock());
    const certOf = (row: typeof renamed) => String(row[column('ZSBM')]);
    expect((await call({ certNo: certOf(renamed), name: String(renamed[column('XM')]) })).datas.match).toBe(true);

    sandbox.mutate({ dataset: 'zj-medical-practitioners', update: [{ [practitioners.key]: renamed[practitioners.key]!, [column('XM')]: '欧阳新名' }] });
    expect((await call({ certNo: certOf(renamed), name: String(renamed[column('XM')]) })).datas.match).toBe(false);
    expect((await call({ certNo: certOf(renamed), name: '欧阳新名' })).datas.match).toBe(true);

    sandbox.mutate({ dataset: 'zj-medical-practitioners', remove: [removed[practitioners.key]!] });
    expect((await call({ certNo: certOf(removed), name: String(removed[column('XM')]) })).datas.found).toBe(false);
  });

  it('finds rows added by a mutation', async () => {
    const { sandbox, call } = await setUp();
    expect(practitioners.key).toBe(column('ZSBM'));
    const certNo = 'ZZ1234567890';
    expect((await call({ certNo, name: '钱新来' })).datas.found).toBe(false);
    sandbox.mutate({
      dataset: 'zj-medical-practitioners',
      add: [{ [column('ZSBM')]: certNo, [column('XM')]: '钱新来', [column('ZYLB')]: '临床', [column('ZT')]: '注册', [column('ZYDD')]: '某医院' }],
    });
    expect((await call({ certNo, name: '钱新来' })).datas).toEqual({ match: true, found: true, category: '临床', status: '注册', institution: '某医院' });
  });

  it('answers code 96 when two rows hold the same certificate number', async () => {
    const { sandbox, clock, call } = await setUp();
    const row = practitioners.row(11, 2, clock.clock());
    sandbox.mutate({ dataset: 'zj-medical-practitioners', add: [{ ...row, [column('XM')]: '重复者' }] });
    expect(await call({ certNo: String(row[column('ZSBM')]), name: String(row[column('XM')]) })).toEqual({ code: '96', msg: '数据错误', datas: null });
  });
});

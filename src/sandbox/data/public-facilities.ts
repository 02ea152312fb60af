import { addDays, updatedAtBetween } from './calendar.js';
import { tradeName } from './company-names.js';
import type { ColumnDefinition, DatasetDefinition, Row } from './dataset-definition.js';
import { hashString, mix32, type Random, rowRandom } from './random.js';
import { ZHEJIANG_CITIES, type ZhejiangCity } from './zhejiang-cities.js';

interface Place {
  readonly city: ZhejiangCity;
  readonly county: string;
  readonly road: string;
  readonly trade: string;
}

/** A kind of small public-facility dataset that every city of Zhejiang publishes. */
interface FacilityType {
  readonly slug: string;
  readonly noun: string;
  /** Prefix of the facility number. */
  readonly code: string;
  readonly publisher: (city: string) => string;
  readonly theme: string;
  readonly frequencies: readonly string[];
  readonly tags: readonly string[];
  readonly name: (random: Random, place: Place) => string;
  readonly column: ColumnDefinition;
  readonly value: (random: Random) => string | number;
}

const OPEN_HOURS = ['全天开放', '06:00-22:00', '05:30-23:00', '08:30-17:00', '09:00-21:00'];

const FACILITY_TYPES: readonly FacilityType[] = [
  {
    slug: 'public-toilets',
    noun: '公共厕所',
    code: 'GC',
    publisher: (city) => `${city}城市管理局`,
    theme: '城建住房',
    frequencies: ['每月', '每季度'],
    tags: ['公厕', '市容环卫'],
    name: (random, p) => random.pick([`${p.road}公厕`, `${p.trade}公园公厕`, `${p.county}${p.trade}农贸市场公厕`]),
    column: { name: 'open_hours', pinyin: 'KFSJ', label: '开放时间', type: 'string' },
    value: (random) => random.pick(OPEN_HOURS),
  },
  {
    slug: 'public-bike-stations',
    noun: '公共自行车站点',
    code: 'ZXC',
    publisher: (city) => `${city}交通运输局`,
    theme: '交通出行',
    frequencies: ['每日', '每周'],
    tags: ['公共自行车', '慢行交通'],
    name: (random, p) => random.pick([`${p.road}站`, `${p.trade}小区站`, `${p.road}${p.trade}路口站`]),
    column: { name: 'docks', pinyin: 'SZQS', label: '锁止器数', type: 'integer' },
    value: (random) => random.int(10, 60),
  },
  {
    slug: 'ev-chargers',
    noun: '充电桩',
    code: 'CDZ',
    publisher: (city) => `${city}发展和改革委员会`,
    theme: '能源环境',
    frequencies: ['每周', '每月'],
    tags: ['新能源汽车', '充电设施'],
    name: (random, p) => random.pick([`${p.trade}充电站`, `${p.road}公共充电站`, `${p.trade}广场充电站`]),
    column: { name: 'chargers', pinyin: 'CDZSL', label: '充电桩数量', type: 'integer' },
    value: (random) => random.int(2, 40),
  },
  {
    slug: 'libraries',
    noun: '图书馆',
    code: 'TSG',
    publisher: (city) => `${city}文化广电旅游局`,
    theme: '文化休闲',
    frequencies: ['每季度', '每年'],
    tags: ['公共图书馆', '城市书房'],
    name: (random, p) => random.pick([`${p.city.name}${p.county}图书馆${p.road}分馆`, `${p.trade}城市书房`, `${p.county}${p.trade}社区图书室`]),
    column: { name: 'open_hours', pinyin: 'KFSJ', label: '开放时间', type: 'string' },
    value: (random) => random.pick(OPEN_HOURS.slice(1)),
  },
  {
    slug: 'parks',
    noun: '公园',
    code: 'GY',
    publisher: (city) => `${city}住房和城乡建设局`,
    theme: '城建住房',
    frequencies: ['每年', '每季度'],
    tags: ['公园绿地', '休闲'],
    name: (random, p) => random.pick([`${p.trade}公园`, `${p.road}口袋公园`, `${p.county}${p.trade}湿地公园`]),
    column: { name: 'area_ha', pinyin: 'MJ', label: '面积(公顷)', type: 'number' },
    value: (random) => Math.round((0.2 + random.next() ** 2 * 80) * 100) / 100,
  },
  {
    slug: 'sports-venues',
    noun: '体育场馆',
    code: 'TY',
    publisher: (city) => `${city}体育局`,
    theme: '文化休闲',
    frequencies: ['每季度', '每年'],
    tags: ['全民健身', '体育设施'],
    name: (random, p) => random.pick([`${p.county}全民健身中心`, `${p.trade}体育馆`, `${p.road}笼式足球场`, `${p.trade}游泳馆`]),
    column: { name: 'kind', pinyin: 'CGLX', label: '场馆类型', type: 'string' },
    value: (random) => random.pick(['体育馆', '游泳馆', '足球场', '篮球场', '全民健身中心', '健身步道']),
  },
  {
    slug: 'farmers-markets',
    noun: '农贸市场',
    code: 'NM',
    publisher: (city) => `${city}市场监督管理局`,
    theme: '市场监管',
    frequencies: ['每月', '每季度'],
    tags: ['菜市场', '民生'],
    name: (random, p) => random.pick([`${p.trade}农贸市场`, `${p.road}菜市场`, `${p.county}${p.trade}综合市场`]),
    column: { name: 'stalls', pinyin: 'TWS', label: '摊位数', type: 'integer' },
    value: (random) => random.int(40, 400),
  },
  {
    slug: 'schools',
    noun: '学校',
    code: 'XX',
    publisher: (city) => `${city}教育局`,
    theme: '教育科技',
    frequencies: ['每年'],
    tags: ['中小学', '幼儿园', '教育'],
    name: (random, p) => random.pick([`${p.city.name}${p.county}${p.trade}小学`, `${p.city.name}第${random.int(2, 19)}中学`, `${p.county}${p.trade}幼儿园`]),
    column: { name: 'stage', pinyin: 'XD', label: '学段', type: 'string' },
    value: (random) => random.pick(['幼儿园', '小学', '初中', '高中', '九年一贯制']),
  },
  {
    slug: 'elderly-care',
    noun: '养老机构',
    code: 'YL',
    publisher: (city) => `${city}民政局`,
    theme: '社会服务保障',
    frequencies: ['每季度', '每月'],
    tags: ['养老服务', '民政'],
    name: (random, p) => random.pick([`${p.county}${p.trade}颐养院`, `${p.trade}养老服务中心`, `${p.county}社会福利中心`]),
    column: { name: 'beds', pinyin: 'CWS', label: '床位数', type: 'integer' },
    value: (random) => random.int(20, 600),
  },
  {
    slug: 'disaster-shelters',
    noun: '避灾安置场所',
    code: 'BZ',
    publisher: (city) => `${city}应急管理局`,
    theme: '公共安全',
    frequencies: ['每年', '每半年'],
    tags: ['应急避难', '防汛防台'],
    name: (random, p) => random.pick([`${p.trade}社区避灾安置点`, `${p.county}${p.trade}小学避灾安置场所`, `${p.trade}文化礼堂避灾点`]),
    column: { name: 'capacity', pinyin: 'RNRS', label: '可容纳人数', type: 'integer' },
    value: (random) => random.int(50, 3000),
  },
];

/** How many datasets one round of the long tail has: every facility type in every city. */
const ROUND = FACILITY_TYPES.length * ZHEJIANG_CITIES.length;

/**
 * The `extraIndex`-th long-tail catalogue dataset: a small public-facility list of one city
 * (e.g. `zj-public-toilets-330100-0001`), 20–400 rows. Its metadata depends on the index only;
 * its rows on (seed, row index).
 */
export function publicFacilityDataset(extraIndex: number): DatasetDefinition {
  const type = FACILITY_TYPES[extraIndex % FACILITY_TYPES.length] as FacilityType;
  const city = ZHEJIANG_CITIES[Math.floor(extraIndex / FACILITY_TYPES.length) % ZHEJIANG_CITIES.length] as ZhejiangCity;
  const round = Math.floor(extraIndex / ROUND);
  const h = mix32(hashString('long-tail') ^ extraIndex);
  const id = `zj-${type.slug}-${city.code}-${String(extraIndex + 1).padStart(4, '0')}`;
  const rows = 20 + (h % 381);
  // Later rounds are the previous years' editions of the same lists.
  const year = 2026 - round;
  const baseUpdatedAt = new Date(Date.parse(`${year}-11-19T00:00:00Z`) - (mix32(h) % 200) * 86_400_000).toISOString();
  const releasedOn = addDays('2019-01-01', mix32(h + 1) % 1200);
  const salt = id;

  const row = (seed: number, index: number): Row => {
    const random = rowRandom(seed, index, salt);
    const county = random.pick(city.counties);
    const place: Place = { city, county: county.name, road: random.pick(city.roads), trade: tradeName(random) };
    return {
      facility_id: `${type.code}${city.code}${String(index + 1).padStart(4, '0')}`,
      name: type.name(random, place),
      address: `${city.name}${county.name}${place.road}${random.int(1, 999)}号`,
      district: county.name,
      lng: Math.round((city.lng + (random.next() * 2 - 1) * 0.12) * 1e6) / 1e6,
      lat: Math.round((city.lat + (random.next() * 2 - 1) * 0.12) * 1e6) / 1e6,
      [type.column.name]: type.value(random),
      updated_at: updatedAtBetween(random, '2020-01-01', `${year - 2}-01-01`, baseUpdatedAt),
    };
  };

  return {
    id,
    title: round === 0 ? `${city.name}${type.noun}信息` : `${city.name}${type.noun}信息（${year}年）`,
    description: `${city.name}${type.noun}的编号、名称、地址、所属区县、经纬度和${type.column.label}。`,
    publisher: type.publisher(city.name),
    region: city.code,
    theme: type.theme,
    tags: [type.noun, ...type.tags, city.name],
    openClass: 'unconditional',
    updateFrequency: type.frequencies[h % type.frequencies.length] as string,
    releasedOn,
    baseUpdatedAt,
    size: { small: rows, full: rows },
    key: 'facility_id',
    columns: [
      { name: 'facility_id', pinyin: 'BH', label: '编号', type: 'string' },
      { name: 'name', pinyin: 'MC', label: '名称', type: 'string' },
      { name: 'address', pinyin: 'DZ', label: '地址', type: 'string' },
      { name: 'district', pinyin: 'SSQX', label: '所属区县', type: 'string' },
      { name: 'lng', pinyin: 'JD', label: '经度', type: 'number' },
      { name: 'lat', pinyin: 'WD', label: '纬度', type: 'number' },
      type.column,
      { name: 'updated_at', label: '更新时间', type: 'datetime' },
    ],
    row,
  };
}

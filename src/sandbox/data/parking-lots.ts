import { tradeName } from './company-names.js';
import type { DatasetDefinition, Row } from './dataset-definition.js';
import { HANGZHOU_DISTRICTS, weightedDistricts } from './districts.js';
import { rowRandom } from './random.js';

/** Hangzhou's published count of car parks (3,128 lots, about 910k spaces). */
const LOT_COUNT = 3_128;
const MINUTE = 60_000;
const BASE_UPDATED_AT = '2026-11-20T00:00:00.000Z';
/** Beijing time is UTC+8 all year. */
const BEIJING_OFFSET_HOURS = 8;

const NAME_PATTERNS: readonly ((road: string, trade: string) => string)[] = [
  (road) => `${road}公共停车场`,
  (_road, trade) => `${trade}广场地下停车场`,
  (_road, trade) => `${trade}大厦停车库`,
  (_road, trade) => `${trade}小区停车场`,
  (road) => `${road}路内停车泊位`,
  (_road, trade) => `${trade}商业中心P+R停车场`,
];

/**
 * Share of occupied spaces at an hour of the day (Beijing time): a smooth daily cycle per lot,
 * peaking at the lot's own busy hour.
 */
function occupancy(hour: number, mean: number, amplitude: number, peak: number): number {
  return mean + amplitude * Math.cos((2 * Math.PI * (hour - peak)) / 24);
}

function parkingLotRow(seed: number, index: number, now: Date): Row {
  const random = rowRandom(seed, index, 'hz-parking-lots');
  const district = random.weighted(weightedDistricts(HANGZHOU_DISTRICTS));
  const road = random.pick(district.roads);
  const trade = tradeName(random);
  // Sizes skew small: a few large garages, many small lots; the mean is about 290 spaces.
  const total = 20 + Math.round(1480 * random.next() ** 4.5);
  const rural = district.weight <= 3;
  const spread = rural ? 0.06 : 0.03;
  const lng = Math.round((district.lng + (random.next() * 2 - 1) * spread) * 1e6) / 1e6;
  const lat = Math.round((district.lat + (random.next() * 2 - 1) * spread) * 1e6) / 1e6;
  const mean = 0.45 + random.next() * 0.25;
  const amplitude = 0.12 + random.next() * 0.2;
  const peak = 10 + random.next() * 10;

  // An invalid clock falls back to the dataset's base time rather than failing the request.
  const time = Number.isFinite(now.getTime()) ? now.getTime() : Date.parse(BASE_UPDATED_AT);
  const minute = Math.floor(time / MINUTE);
  const hour = (((minute / 60 + BEIJING_OFFSET_HOURS) % 24) + 24) % 24;
  // Noise depends on the minute only, so a poll within the same minute sees the same value.
  const noise = (rowRandom(seed, index, `hz-parking-lots@${minute}`).next() - 0.5) * 0.06;
  const occupied = Math.min(1, Math.max(0, occupancy(hour, mean, amplitude, peak) + noise));
  const free = Math.min(total, Math.max(0, Math.round(total * (1 - occupied))));

  return {
    lot_id: `HZ${district.code}P${String(index + 1).padStart(5, '0')}`,
    name: random.pick(NAME_PATTERNS)(road, trade),
    district: district.name,
    address: `${district.city}${district.name}${road}${random.int(1, 999)}号`,
    total_spaces: total,
    free_spaces: free,
    lng,
    lat,
    updated_at: new Date(minute * MINUTE).toISOString(),
  };
}

/**
 * `hz-parking-lots`: Hangzhou car parks with live free spaces. Free spaces follow a smooth
 * daily cycle per lot plus per-minute noise, always within 0..total; `updated_at` is the
 * sandbox clock truncated to the minute. Always 3,128 rows.
 */
export const parkingLots: DatasetDefinition = {
  id: 'hz-parking-lots',
  title: '杭州市停车场泊位信息',
  description: '杭州市经营性停车场及路内泊位的实时泊位信息，包括停车场编号、名称、所属区县、地址、总泊位、空闲泊位、经纬度和更新时间，每分钟更新。',
  publisher: '杭州市城市大脑停车系统运营有限公司',
  region: '330100',
  theme: '交通出行',
  tags: ['停车场', '泊位', '实时', '城市大脑', '杭州'],
  openClass: 'unconditional',
  updateFrequency: '实时',
  live: true,
  releasedOn: '2020-06-01',
  baseUpdatedAt: BASE_UPDATED_AT,
  size: { small: LOT_COUNT, full: LOT_COUNT },
  key: 'lot_id',
  columns: [
    { name: 'lot_id', pinyin: 'TCCBH', label: '停车场编号', type: 'string' },
    { name: 'name', pinyin: 'TCCMC', label: '停车场名称', type: 'string' },
    { name: 'district', pinyin: 'SSQX', label: '所属区县', type: 'string' },
    { name: 'address', pinyin: 'DZ', label: '地址', type: 'string' },
    { name: 'total_spaces', pinyin: 'ZBW', label: '总泊位', type: 'integer' },
    { name: 'free_spaces', pinyin: 'KXBW', label: '空闲泊位', type: 'integer' },
    { name: 'lng', pinyin: 'JD', label: '经度', type: 'number' },
    { name: 'lat', pinyin: 'WD', label: '纬度', type: 'number' },
    { name: 'updated_at', pinyin: 'GXSJ', label: '更新时间', type: 'datetime' },
  ],
  row: parkingLotRow,
};

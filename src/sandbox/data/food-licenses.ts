import { foodLicense } from '../../ids/food-license.js';
import { uscc } from '../../ids/uscc.js';
import { dateBetween, termEnd, updatedAtBetween } from './calendar.js';
import { tradeName } from './company-names.js';
import type { DatasetDefinition, Row } from './dataset-definition.js';
import { type District, localName, NINGBO_DISTRICTS } from './districts.js';
import { permuteIndex } from './index-permutation.js';
import { organizationCodeBody } from './organization-code-body.js';
import { personName } from './person-names.js';
import { rowRandom } from './random.js';
import { streetAddress } from './street-address.js';

const BASE_UPDATED_AT = '2026-11-20T00:00:00.000Z';
/** Licences whose `valid_until` is before this date count as expired. */
export const FOOD_LICENSE_EXPIRY_CUTOFF = '2026-11-01';
/** Share of rows that are expired (status still 有效, valid_until before the cut-off). */
export const FOOD_LICENSE_EXPIRED_SHARE = 0.08;
/** Share of rows that are revoked (status 注销, 吊销 or 撤销; dates still in force). */
export const FOOD_LICENSE_REVOKED_SHARE = 0.03;
/** Share of rows whose scope lacks 热食类食品制售: exactly the food retailers (JY1). */
export const FOOD_LICENSE_NO_HOT_FOOD_SHARE = 0.1;

const HOT_FOOD = '热食类食品制售';
const RESTAURANT_WORDS = ['面馆', '小吃店', '餐馆', '快餐店', '饭店', '奶茶店', '烧烤店', '饺子馆', '麻辣烫店', '餐厅'];
const SHOP_WORDS = ['便利店', '超市', '食品商行', '副食品店', '生鲜超市'];
const REVOKED: readonly (readonly [string, number])[] = [
  ['注销', 60],
  ['吊销', 15],
  ['撤销', 25],
];
/** Each county has its own block of 10^6 six-digit sequence numbers. */
const SEQUENCES_PER_COUNTY = 1_000_000;

function foodLicenseRow(seed: number, index: number): Row {
  const random = rowRandom(seed, index, 'nb-food-licenses');
  // The licence number is injective in the index: county block plus a permuted sequence.
  const slot = permuteIndex(index, SEQUENCES_PER_COUNTY * NINGBO_DISTRICTS.length, seed, 'nb-food-licenses');
  const district = NINGBO_DISTRICTS[Math.floor(slot / SEQUENCES_PER_COUNTY)] as District;
  const county = district.code;
  const sequence = String(slot % SEQUENCES_PER_COUNTY).padStart(6, '0');

  const kindDraw = random.next();
  const trade = tradeName(random);
  const place = localName(district);
  let typeDigit: '1' | '2' | '3';
  let businessType: string;
  let holder: string;
  let individual = false;
  const scope: string[] = [];
  if (kindDraw < FOOD_LICENSE_NO_HOT_FOOD_SHARE) {
    typeDigit = '1';
    businessType = '食品销售经营者';
    individual = random.chance(0.6);
    holder = individual ? `${place}${trade}${random.pick(SHOP_WORDS)}` : `宁波${trade}商贸有限公司`;
    scope.push('预包装食品销售');
    if (random.chance(0.6)) scope.push('散装食品销售');
    if (random.chance(0.2)) scope.push('保健食品销售');
  } else if (kindDraw < 0.9) {
    typeDigit = '2';
    businessType = '餐饮服务经营者';
    individual = random.chance(0.65);
    holder = individual ? `${place}${trade}${random.pick(RESTAURANT_WORDS)}` : `宁波${trade}餐饮管理有限公司`;
    scope.push(HOT_FOOD);
    if (random.chance(0.3)) scope.push('冷食类食品制售');
    if (random.chance(0.2)) scope.push('糕点类食品制售');
    if (random.chance(0.35)) scope.push('自制饮品制售');
    if (random.chance(0.4)) scope.push('预包装食品销售');
  } else {
    typeDigit = '3';
    businessType = '单位食堂';
    holder = `宁波${trade}${random.pick(['机械', '电器', '科技', '模具', '服饰'])}有限公司`;
    scope.push(HOT_FOOD);
    if (random.chance(0.3)) scope.push('冷食类食品制售');
  }

  const stateDraw = random.next();
  let status = '有效';
  let issuedOn: string;
  if (stateDraw < FOOD_LICENSE_REVOKED_SHARE) {
    status = random.weighted(REVOKED);
    issuedOn = dateBetween(random, '2021-11-02', '2026-11-19');
  } else if (stateDraw < FOOD_LICENSE_REVOKED_SHARE + FOOD_LICENSE_EXPIRED_SHARE) {
    // Five-year terms starting on these days end between 2021-11-01 and 2026-10-31.
    issuedOn = dateBetween(random, '2016-11-02', '2021-11-01');
  } else {
    issuedOn = dateBetween(random, '2021-11-02', '2026-11-19');
  }

  const first13 = `${typeDigit}${county}${sequence}`;
  const licenseNo = `JY${first13}${foodLicense.checkDigit(first13) as string}`;
  const creditCode = uscc.generate({
    authority: '9',
    type: individual ? '2' : '1',
    region: county,
    orgCode: organizationCodeBody(index, seed, 'nb-food-licenses-holder', true),
  }) as string;

  return {
    license_no: licenseNo,
    holder_name: holder,
    credit_code: creditCode,
    legal_rep: personName(random),
    address: streetAddress(random, district),
    business_type: businessType,
    scope: scope.join(','),
    issued_on: issuedOn,
    valid_until: termEnd(issuedOn, 5),
    status,
    authority: `${place}市场监督管理局`,
    updated_at: updatedAtBetween(random, issuedOn, '2025-06-01', BASE_UPDATED_AT),
  };
}

/**
 * `nb-food-licenses`: Ningbo's food business licences (食品经营许可证), with shares the
 * verifier can find:
 * - 8% expired: status 有效 but `valid_until` before 2026-11-01;
 * - 3% revoked: status 注销 (60%), 吊销 (15%) or 撤销 (25%), dates still in force;
 * - 10% without 热食类食品制售: the food retailers (食品销售经营者, JY1);
 * - every other row is 有效 and in force from its `issued_on` (up to 2026-11-19, the day before the
 *   dataset's last update) until its `valid_until`, which is after 2026-11-01.
 * Numbers carry the county code of the address and the MOD 11,10 check digit; terms are five
 * years (`valid_until` is the day before the fifth anniversary of `issued_on`).
 */
export const foodLicenses: DatasetDefinition = {
  id: 'nb-food-licenses',
  title: '宁波市食品经营许可证信息',
  description: '宁波市食品经营许可证发证信息，包括许可证编号、经营者名称、统一社会信用代码、法定代表人（负责人）、经营场所、主体业态、经营项目、发证日期、有效期和状态。',
  publisher: '宁波市市场监督管理局',
  region: '330200',
  theme: '市场监管',
  tags: ['食品经营许可证', '食品安全', '外卖', '宁波'],
  openClass: 'unconditional',
  updateFrequency: '每日',
  releasedOn: '2021-09-15',
  baseUpdatedAt: BASE_UPDATED_AT,
  size: { small: 3_000, full: 100_000 },
  key: 'license_no',
  columns: [
    { name: 'license_no', pinyin: 'XKZBH', label: '许可证编号', type: 'string' },
    { name: 'holder_name', pinyin: 'JYZMC', label: '经营者名称', type: 'string' },
    { name: 'credit_code', pinyin: 'TYSHXYDM', label: '统一社会信用代码', type: 'string' },
    { name: 'legal_rep', pinyin: 'FDDBR', label: '法定代表人（负责人）', type: 'string' },
    { name: 'address', pinyin: 'JYCS', label: '经营场所', type: 'string' },
    { name: 'business_type', pinyin: 'ZTYT', label: '主体业态', type: 'string' },
    { name: 'scope', pinyin: 'JYXM', label: '经营项目', type: 'string' },
    { name: 'issued_on', pinyin: 'FZRQ', label: '发证日期', type: 'date' },
    { name: 'valid_until', pinyin: 'YXQZ', label: '有效期至', type: 'date' },
    { name: 'status', pinyin: 'ZT', label: '状态', type: 'string' },
    { name: 'authority', pinyin: 'FZJG', label: '发证机关', type: 'string' },
    { name: 'updated_at', label: '更新时间', type: 'datetime' },
  ],
  row: (seed, index) => foodLicenseRow(seed, index),
};

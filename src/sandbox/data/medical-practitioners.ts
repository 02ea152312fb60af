import { dateBetween, updatedAtBetween } from './calendar.js';
import type { DatasetDefinition, Row } from './dataset-definition.js';
import { permuteIndex } from './index-permutation.js';
import { MEDICAL_INSTITUTIONS } from './medical-institutions.js';
import { personName } from './person-names.js';
import { rowRandom } from './random.js';

const BASE_UPDATED_AT = '2026-11-18T16:00:00.000Z';
/** Share of nurses among the generated rows. */
export const NURSE_SHARE = 0.4;
/** Share of registrations still in force (注册); the rest are 注销. */
export const REGISTERED_SHARE = 0.97;

interface Category {
  readonly name: string;
  readonly digit: string;
  readonly scopes: readonly string[];
}

const NURSE: Category = { name: '护士', digit: '5', scopes: ['护理'] };
const DOCTORS: readonly (readonly [Category, number])[] = [
  [
    {
      name: '临床',
      digit: '1',
      scopes: ['内科专业', '外科专业', '妇产科专业', '儿科专业', '眼耳鼻咽喉科专业', '精神卫生专业', '医学影像和放射治疗专业', '急救医学专业', '全科医学专业', '康复医学专业'],
    },
    63,
  ],
  [{ name: '中医', digit: '2', scopes: ['中医专业', '中西医结合专业', '全科医学专业'] }, 17],
  [{ name: '口腔', digit: '3', scopes: ['口腔专业'] }, 12],
  [{ name: '公共卫生', digit: '4', scopes: ['公共卫生类别专业'] }, 8],
];

function practitionerRow(seed: number, index: number): Row {
  const random = rowRandom(seed, index, 'zj-medical-practitioners');
  const category = random.chance(NURSE_SHARE) ? NURSE : random.weighted(DOCTORS);
  // Level: 1 physician, 2 assistant physician, 3 nurse.
  const level = category === NURSE ? '3' : random.chance(0.85) ? '1' : '2';
  const institution = random.weighted(MEDICAL_INSTITUTIONS);
  const sequence = String(permuteIndex(index, 1_000_000_000, seed, 'zj-medical-practitioners')).padStart(9, '0');
  const issuedOn = dateBetween(random, '1999-05-01', '2026-11-17', 1.5);
  return {
    cert_no: `${level}${category.digit}${institution.region.slice(0, 4)}${sequence}`,
    name: personName(random),
    category: category.name,
    scope: random.pick(category.scopes),
    institution: institution.name,
    status: random.chance(REGISTERED_SHARE) ? '注册' : '注销',
    issued_on: issuedOn,
    updated_at: updatedAtBetween(random, issuedOn, '2025-01-01', BASE_UPDATED_AT),
  };
}

/**
 * `zj-medical-practitioners`: physicians and nurses registered in Hangzhou and Ningbo. Restricted:
 * listings mask names, and the zhejiang flavor answers it through a verification interface.
 * `cert_no` has 15 digits: level (1 physician, 2 assistant physician, 3 nurse), category
 * (1 临床, 2 中医, 3 口腔, 4 公共卫生, 5 护理), the institution's city (3301, 3302) and a
 * 9-digit sequence unique per row. About 40% are nurses and 97% are 注册.
 */
export const medicalPractitioners: DatasetDefinition = {
  id: 'zj-medical-practitioners',
  title: '浙江省医师及护士执业注册信息',
  description: '浙江省医师、护士执业注册信息，包括证书编码、姓名、执业类别、执业范围、执业机构、注册状态和发证日期。受限开放，通过核验接口返回比对结果。',
  publisher: '浙江省卫生健康委员会',
  region: '330000',
  theme: '医疗健康',
  tags: ['医师执业证书', '护士执业证书', '天使码', '执业注册'],
  openClass: 'restricted',
  updateFrequency: '每日',
  releasedOn: '2022-03-01',
  baseUpdatedAt: BASE_UPDATED_AT,
  size: { small: 2_000, full: 300_000 },
  key: 'cert_no',
  gateway: { path: '001008001', apiId: 'practitionerVerify', params: ['certNo', 'name'] },
  columns: [
    { name: 'cert_no', pinyin: 'ZSBM', label: '证书编码', type: 'string' },
    { name: 'name', pinyin: 'XM', label: '姓名', type: 'string', masked: 'name' },
    { name: 'category', pinyin: 'ZYLB', label: '执业类别', type: 'string' },
    { name: 'scope', pinyin: 'ZYFW', label: '执业范围', type: 'string' },
    { name: 'institution', pinyin: 'ZYDD', label: '执业机构', type: 'string' },
    { name: 'status', pinyin: 'ZT', label: '状态', type: 'string' },
    { name: 'issued_on', pinyin: 'FZRQ', label: '发证日期', type: 'date' },
    { name: 'updated_at', label: '更新时间', type: 'datetime' },
  ],
  row: (seed, index) => practitionerRow(seed, index),
};

import { businessLicenses } from './business-licenses.js';
import { updatedAtBetween } from './calendar.js';
import type { DatasetDefinition, Row } from './dataset-definition.js';
import { rowRandom } from './random.js';

const BASE_UPDATED_AT = '2026-10-31T00:00:00.000Z';

const TAX_TYPES: readonly (readonly [string, number])[] = [
  ['增值税', 45],
  ['企业所得税', 25],
  ['个人所得税(代扣代缴)', 15],
  ['城市维护建设税', 10],
  ['印花税', 5],
];

function enterpriseTaxRow(seed: number, index: number): Row {
  // Same companies as the business register, so the rows look like what the tax office holds.
  const company = businessLicenses.row(seed, index, new Date(BASE_UPDATED_AT));
  const random = rowRandom(seed, index, 'nb-enterprise-tax');
  const month = 1 + random.int(0, 9);
  return {
    credit_code: company.credit_code ?? null,
    name: company.name ?? null,
    tax_type: random.weighted(TAX_TYPES),
    period: `2026-${String(month).padStart(2, '0')}`,
    tax_due_yuan: Math.round(random.next() * 2_000_000) / 100,
    tax_paid_yuan: Math.round(random.next() * 2_000_000) / 100,
    tax_authority: '国家税务总局宁波市税务局',
    updated_at: updatedAtBetween(random, '2026-01-01', '2026-01-01', BASE_UPDATED_AT),
  };
}

/**
 * `nb-enterprise-tax`: companies' tax returns and payments, a forbidden (禁止开放) dataset.
 * Every flavor lists it in its catalogue with that class and none ever serves its rows, so
 * clients can show that they refuse it before asking.
 */
export const enterpriseTax: DatasetDefinition = {
  id: 'nb-enterprise-tax',
  title: '宁波市企业纳税明细',
  description: '宁波市企业按税种、所属期的申报和缴纳明细。涉及商业秘密，依法列为禁止开放类公共数据，仅在目录中公示。',
  publisher: '国家税务总局宁波市税务局',
  region: '330200',
  theme: '财税金融',
  tags: ['禁止开放', '纳税', '税务', '宁波'],
  openClass: 'forbidden',
  updateFrequency: '每月',
  releasedOn: '2022-03-01',
  baseUpdatedAt: BASE_UPDATED_AT,
  size: { small: 500, full: 360_000 },
  key: 'credit_code',
  columns: [
    { name: 'credit_code', pinyin: 'TYSHXYDM', label: '统一社会信用代码', type: 'string' },
    { name: 'name', pinyin: 'NSRMC', label: '纳税人名称', type: 'string' },
    { name: 'tax_type', pinyin: 'SZ', label: '税种', type: 'string' },
    { name: 'period', pinyin: 'SSQ', label: '所属期', type: 'string' },
    { name: 'tax_due_yuan', pinyin: 'YNSE', label: '应纳税额(元)', type: 'number' },
    { name: 'tax_paid_yuan', pinyin: 'YJSE', label: '已缴税额(元)', type: 'number' },
    { name: 'tax_authority', pinyin: 'ZGSWJG', label: '主管税务机关', type: 'string' },
    { name: 'updated_at', label: '更新时间', type: 'datetime' },
  ],
  row: (seed, index) => enterpriseTaxRow(seed, index),
};

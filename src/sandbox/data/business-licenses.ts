import { uscc } from '../../ids/uscc.js';
import { dateBetween, termEnd, updatedAtBetween } from './calendar.js';
import { INDUSTRIES, tradeName } from './company-names.js';
import type { DatasetDefinition, Row } from './dataset-definition.js';
import { localName, NINGBO_DISTRICTS, weightedDistricts } from './districts.js';
import { organizationCodeBody } from './organization-code-body.js';
import { personName } from './person-names.js';
import { rowRandom } from './random.js';
import { streetAddress } from './street-address.js';

const BASE_UPDATED_AT = '2026-11-20T00:00:00.000Z';
/** Organisation codes switched to the `MA…` style with the unified codes in October 2015. */
const REFORM_DATE = '2015-10-01';

interface CompanyType {
  readonly name: string;
  /** USCC organisation type under authority 9 (工商): 1 enterprise, 3 farmers' cooperative. */
  readonly usccType: '1' | '3';
  readonly suffix: string;
  readonly capital: readonly number[];
}

const COMPANY_TYPES: readonly (readonly [CompanyType, number])[] = [
  [{ name: '有限责任公司(自然人投资或控股)', usccType: '1', suffix: '有限公司', capital: [10, 30, 50, 100, 200, 300, 500, 1000, 2000] }, 45],
  [{ name: '有限责任公司(自然人独资)', usccType: '1', suffix: '有限公司', capital: [1, 5, 10, 30, 50, 100, 200, 500] }, 26],
  [{ name: '股份有限公司(非上市、自然人投资或控股)', usccType: '1', suffix: '股份有限公司', capital: [1000, 2000, 5000, 8000, 12000, 30000] }, 3],
  [{ name: '个人独资企业', usccType: '1', suffix: '经营部', capital: [0, 1, 3, 5, 10] }, 12],
  [{ name: '有限合伙企业', usccType: '1', suffix: '合伙企业（有限合伙）', capital: [100, 500, 1000, 3000, 10000] }, 6],
  [{ name: '有限责任公司(外商投资、非独资)', usccType: '1', suffix: '有限公司', capital: [200, 500, 1000, 5000] }, 3],
  [{ name: '农民专业合作社', usccType: '3', suffix: '专业合作社', capital: [10, 50, 100, 200] }, 5],
];

/** About 85% of registrations are active (存续 or 在业), as in Ningbo's published register. */
const STATUSES: readonly (readonly [string, number])[] = [
  ['存续', 60],
  ['在业', 25],
  ['注销', 11],
  ['吊销', 4],
];

const PARTNERSHIP_SCOPE = '股权投资；投资管理；资产管理（未经金融等监管部门批准不得从事吸收存款、融资担保、代客理财、向社会公众集（融）资等金融业务）';
const COOPERATIVE_SCOPE = '蔬菜、水果种植；农产品的生产、销售、加工、运输、贮藏及其他相关服务';

// Built once: every generated row draws from them.
const WEIGHTED_DISTRICTS = weightedDistricts(NINGBO_DISTRICTS);
const WEIGHTED_INDUSTRIES = INDUSTRIES.map((entry) => [entry, entry.weight] as const);

function businessLicenseRow(seed: number, index: number): Row {
  const random = rowRandom(seed, index, 'nb-business-licenses');
  const district = random.weighted(WEIGHTED_DISTRICTS);
  const type = random.weighted(COMPANY_TYPES);
  const industry = random.weighted(WEIGHTED_INDUSTRIES);
  const trade = tradeName(random);
  const foundedOn = dateBetween(random, '1992-01-01', '2026-11-19', 2);

  let name: string;
  let scope = industry.scope;
  if (type.suffix === '合伙企业（有限合伙）') {
    name = `宁波${trade}股权投资${type.suffix}`;
    scope = PARTNERSHIP_SCOPE;
  } else if (type.usccType === '3') {
    name = `${localName(district)}${trade}果蔬${type.suffix}`;
    scope = COOPERATIVE_SCOPE;
  } else {
    name = random.chance(0.6) ? `${localName(district)}${trade}${industry.word}${type.suffix}` : `宁波${trade}${industry.word}${type.suffix}`;
  }

  const cityLevel = random.chance(0.05);
  const authority = cityLevel ? '宁波市市场监督管理局' : `${localName(district)}市场监督管理局`;
  const region = cityLevel ? '330200' : district.code;
  const orgCode = organizationCodeBody(index, seed, 'nb-business-licenses', foundedOn >= REFORM_DATE);
  const creditCode = uscc.generate({ authority: '9', type: type.usccType, region, orgCode }) as string;

  const base = random.pick(type.capital);
  const capital = base === 0 ? 0 : random.chance(0.15) ? Math.round(base * (0.5 + random.next()) * 100) / 100 : base;
  const longTerm = type.usccType === '3' || random.chance(0.4);
  const termUntil = longTerm ? null : termEnd(foundedOn, random.pick([10, 20, 20, 30, 50]));
  const status = random.weighted(STATUSES);

  return {
    credit_code: creditCode,
    name,
    legal_rep: personName(random),
    company_type: type.name,
    capital_wan: capital,
    founded_on: foundedOn,
    term_until: termUntil,
    status,
    scope,
    authority,
    address: streetAddress(random, district),
    updated_at: updatedAtBetween(random, foundedOn, '2024-01-01', BASE_UPDATED_AT),
  };
}

/**
 * `nb-business-licenses`: Ningbo's business register. Every credit code carries a valid
 * embedded organisation code and the region of its registering authority; about 85% of rows
 * are active (存续 60%, 在业 25%, 注销 11%, 吊销 4%); about 40% have an unlimited term (null).
 */
export const businessLicenses: DatasetDefinition = {
  id: 'nb-business-licenses',
  title: '宁波市企业登记注册信息',
  description: '宁波市市场主体（企业）登记注册信息，包括统一社会信用代码、企业名称、法定代表人、企业类型、注册资本、成立日期、营业期限、登记状态、经营范围、登记机关和住所。',
  publisher: '宁波市市场监督管理局',
  region: '330200',
  theme: '市场监管',
  tags: ['营业执照', '统一社会信用代码', '企业登记', '宁波'],
  openClass: 'unconditional',
  updateFrequency: '每日',
  releasedOn: '2021-06-30',
  baseUpdatedAt: BASE_UPDATED_AT,
  size: { small: 5_000, full: 1_020_000 },
  key: 'credit_code',
  columns: [
    { name: 'credit_code', pinyin: 'TYSHXYDM', label: '统一社会信用代码', type: 'string' },
    { name: 'name', pinyin: 'QYMC', label: '企业名称', type: 'string' },
    { name: 'legal_rep', pinyin: 'FDDBR', label: '法定代表人', type: 'string' },
    { name: 'company_type', pinyin: 'QYLX', label: '企业类型', type: 'string' },
    { name: 'capital_wan', pinyin: 'ZCZB', label: '注册资本(万元)', type: 'number' },
    { name: 'founded_on', pinyin: 'CLRQ', label: '成立日期', type: 'date' },
    { name: 'term_until', pinyin: 'YYQXZ', label: '营业期限至', type: 'date' },
    { name: 'status', pinyin: 'DJZT', label: '登记状态', type: 'string' },
    { name: 'scope', pinyin: 'JYFW', label: '经营范围', type: 'string' },
    { name: 'authority', pinyin: 'DJJG', label: '登记机关', type: 'string' },
    { name: 'address', pinyin: 'ZS', label: '住所', type: 'string' },
    { name: 'updated_at', label: '更新时间', type: 'datetime' },
  ],
  row: (seed, index) => businessLicenseRow(seed, index),
};

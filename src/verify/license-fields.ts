import { ArgumentError } from '../errors/index.js';
import type { RawRecord } from '../portals/portal-adapter.js';
import { isPersonalKind, type LicenseKind } from './license-kind.js';

/** The columns a verifier reads, by their meaning. */
export interface LicenseFields {
  readonly number: string;
  readonly holder?: string | undefined;
  readonly creditCode?: string | undefined;
  readonly validFrom?: string | undefined;
  readonly validTo?: string | undefined;
  readonly status?: string | undefined;
  readonly scope?: string | undefined;
  /** Practitioner registries: the certificate's category (执业类别: 临床, 中医, 护士, …). */
  readonly category?: string | undefined;
}

// Known column names per meaning: pinyin initials and Chinese labels of the zhejiang platform,
// snake_case of the sandbox's other flavors, and common spellings of real portals.
const ALIASES: Record<keyof LicenseFields, readonly string[]> = {
  number: ['XKZBH', '许可证编号', 'license_no', 'licence_no', 'ZSBM', '证书编码', 'cert_no', 'certificate_no', 'ZSBH', '证书编号'],
  holder: ['JYZMC', '经营者名称', 'holder_name', 'holder', 'QYMC', '企业名称', 'company_name', 'XM', '姓名'],
  creditCode: ['TYSHXYDM', '统一社会信用代码', 'credit_code', 'uscc', 'social_credit_code'],
  validFrom: ['FZRQ', '发证日期', 'issued_on', 'valid_from', 'CLRQ', '成立日期', 'founded_on'],
  validTo: ['YXQZ', '有效期至', 'valid_until', 'valid_to', 'expiry_date', 'YYQXZ', '营业期限至', 'term_until'],
  status: ['ZT', '状态', 'DJZT', '登记状态', 'status'],
  scope: ['JYXM', '经营项目', 'scope', 'JYFW', '经营范围', 'ZYFW', '执业范围', 'business_scope'],
  category: ['ZYLB', '执业类别', 'category', 'cert_category'],
};

// A business licence is identified by its credit code, and its holder is the company name.
const BUSINESS_NUMBER = ['TYSHXYDM', '统一社会信用代码', 'credit_code', 'uscc', 'social_credit_code'];
const BUSINESS_HOLDER = ['QYMC', '企业名称', 'name', 'company_name'];
const PERSON_HOLDER = ['XM', '姓名', 'name', 'holder_name', 'holder'];

/**
 * Finds the columns of a dataset among the known aliases, given its column names (from the
 * catalogue, or the first row). Fields given explicitly win, and must be columns of the dataset.
 */
export function resolveLicenseFields(kind: LicenseKind, dataset: string, columns: readonly string[], given: Partial<LicenseFields> = {}): Partial<LicenseFields> {
  const present = new Set(columns);
  for (const [field, column] of Object.entries(given)) {
    if (column === undefined) continue;
    if (typeof column !== 'string' || !present.has(column)) {
      throw new ArgumentError(`fields.${field} names ${JSON.stringify(column)}, which is not a column of ${dataset} (columns: ${columns.join(', ')})`);
    }
  }
  const find = (aliases: readonly string[]) => aliases.find((alias) => present.has(alias));
  const resolved: Record<string, string | undefined> = {};
  for (const field of Object.keys(ALIASES) as (keyof LicenseFields)[]) {
    resolved[field] = given[field] ?? find(aliasesOf(kind, field));
  }
  if (kind === 'business') resolved['creditCode'] = given.creditCode;
  if (!isPersonalKind(kind)) resolved['category'] = given.category;
  return Object.fromEntries(Object.entries(resolved).filter(([, value]) => value !== undefined)) as Partial<LicenseFields>;
}

function aliasesOf(kind: LicenseKind, field: keyof LicenseFields): readonly string[] {
  if (kind === 'business' && field === 'number') return BUSINESS_NUMBER;
  if (kind === 'business' && field === 'holder') return BUSINESS_HOLDER;
  if (isPersonalKind(kind) && field === 'holder') return PERSON_HOLDER;
  return ALIASES[field];
}

/** Reads a column as trimmed text, or undefined when it is absent or empty. */
export function textOf(record: RawRecord, column: string | undefined): string | undefined {
  if (column === undefined) return undefined;
  const value = record[column];
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

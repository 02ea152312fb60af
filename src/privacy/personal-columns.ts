/**
 * Column and parameter names that always hold a person's name (the zhejiang platform's pinyin
 * initials and labels, and common English names), compared case-insensitively.
 */
export const PERSON_NAME_COLUMNS: readonly string[] = [
  '姓名',
  'xm',
  '法定代表人',
  'fddbr',
  'legal_rep',
  '负责人',
  'fzr',
  '联系人',
  'lxr',
  'person_name',
  'full_name',
  'contact_name',
  'legal_person',
];

/**
 * Names that hold a person's name on some datasets and an organisation's on others (`name` of a
 * practitioner vs. of a company): masked only when the value looks like a person's name.
 */
export const MAYBE_PERSON_NAME_COLUMNS: readonly string[] = ['name', 'holder', 'holder_name', 'certholder', '持证人'];

// Words that end organisation and place names in Chinese, so 宁波某某餐饮有限公司 is not a person.
const ORGANISATION_WORDS = /(公司|店|厂|社|中心|医院|诊所|卫生|学校|大学|局|委|会|部|所|站|场|馆|院|行|部|区|县|市|省|路|街|号)/;

/** A Chinese personal name: 2 to 4 Han characters (a middle dot allowed), no organisation word. */
export function looksLikePersonName(value: string): boolean {
  const text = value.trim();
  return /^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,6}$/.test(text) && !ORGANISATION_WORDS.test(text);
}

/** Whether a value under this column or parameter name is a person's name to be masked. */
export function isPersonalName(column: string, value: string): boolean {
  const key = column.trim().toLowerCase();
  if (PERSON_NAME_COLUMNS.includes(key)) return value.trim() !== '' && !/^[*＊]+$/.test(value.trim()) && !value.includes('*');
  return MAYBE_PERSON_NAME_COLUMNS.includes(key) && looksLikePersonName(value);
}

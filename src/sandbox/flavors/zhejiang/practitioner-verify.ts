/**
 * The restricted practitioner-verification interface of section C (`practitionerVerify`):
 * the data stays on the platform and the caller gets only the answer for the pair it asked
 * about, never the raw row and never another person's data.
 */
import type { DatasetState } from '../../dataset-state.js';
import type { SandboxContext } from '../../flavor.js';
import { positionByValue } from './column-index.js';
import { gatewayFailure, gatewaySuccess } from './gateway-answer.js';
import type { RequestParams } from './request-params.js';

/** What the interface answers in `datas`. */
export interface PractitionerVerification {
  /** Whether the full (unmasked) name on that certificate equals the one asked about. */
  readonly match: boolean;
  /** Whether a certificate with that number exists. */
  readonly found: boolean;
  readonly category: string | null;
  readonly status: string | null;
  readonly institution: string | null;
}

/** Certificate numbers are letters and digits; anything else is a wrong parameter type (code 98). */
const CERT_NO = /^[0-9A-Za-z]{1,64}$/;
const MAX_NAME_LENGTH = 64;

/** Columns the answer needs, by their pinyin names in the dataset definition. */
const COLUMNS = { certNo: 'ZSBM', name: 'XM', category: 'ZYLB', status: 'ZT', institution: 'ZYDD' } as const;

/**
 * Answers `certNo` + `name`: code 97 when one is missing, 98 when malformed, 96 (data error)
 * when the dataset lacks a needed column or several rows hold the certificate number.
 */
export function answerPractitionerVerify(state: DatasetState, params: RequestParams, context: SandboxContext): Response {
  const certNo = params.get('certNo')?.trim() ?? '';
  const name = params.get('name')?.trim() ?? '';
  if (certNo === '') return gatewayFailure('97', '缺少参数certNo');
  if (name === '') return gatewayFailure('97', '缺少参数name');
  if (!CERT_NO.test(certNo)) return gatewayFailure('98', '参数certNo类型错误');
  if ([...name].length > MAX_NAME_LENGTH) return gatewayFailure('98', '参数name类型错误');

  const columns: Partial<Record<keyof typeof COLUMNS, string>> = {};
  for (const [role, pinyin] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
    const column = state.definition.columns.find((candidate) => candidate.pinyin === pinyin);
    if (!column) return gatewayFailure('96', '数据错误');
    columns[role] = column.name;
  }

  const position = positionByValue(context, state, columns.certNo as string, certNo);
  if (position === 'ambiguous') return gatewayFailure('96', '数据错误');
  const row = position === undefined ? undefined : state.rowAt(position);
  const text = (column: string | undefined): string | null => {
    const value = column === undefined ? undefined : row?.[column];
    return value === null || value === undefined ? null : String(value);
  };
  const answer: PractitionerVerification = row
    ? {
        match: text(columns.name) === name,
        found: true,
        category: text(columns.category),
        status: text(columns.status),
        institution: text(columns.institution),
      }
    : { match: false, found: false, category: null, status: null, institution: null };
  return gatewaySuccess(answer, context, 1);
}

import type { RequestParams } from './request-params.js';

/** The common fields of a data gateway call (section A2), by their wire names. */
export const dataGatewayFieldNames = ['app_id', 'interface_id', 'version', 'charset', 'timestamp', 'origin', 'biz_content', 'sign'] as const;

export type DataGatewayFieldName = (typeof dataGatewayFieldNames)[number];

/** The fields of one call; an absent field is undefined. */
export type DataGatewayFields = Readonly<Record<DataGatewayFieldName, string | undefined>>;

/**
 * Reads the fields of `createsign.do` and `gateway.do`: from the query string or a form body,
 * or from one `param` field holding them as a JSON object (numbers become their decimal text,
 * a `biz_content` object its JSON). Returns `'malformed'` when `param` is not a JSON object.
 */
export function readDataGatewayFields(params: RequestParams): DataGatewayFields | 'malformed' {
  const param = params.get('param');
  if (param === undefined || param.trim() === '') {
    const fields = {} as Record<DataGatewayFieldName, string | undefined>;
    for (const name of dataGatewayFieldNames) fields[name] = params.get(name);
    return fields;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(param);
  } catch {
    return 'malformed';
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return 'malformed';
  const record = parsed as Record<string, unknown>;
  const fields = {} as Record<DataGatewayFieldName, string | undefined>;
  for (const name of dataGatewayFieldNames) fields[name] = fieldText(record[name]);
  return fields;
}

function fieldText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return undefined;
}

import { createReadStream } from 'node:fs';
import { readFileRecords } from '../files/index.js';
import type { VerifyItem } from '../verify/index.js';

/** Columns of an input file, by meaning, tried in order when no column is named. */
const INPUT_ALIASES = {
  number: ['number', 'license_no', 'licence_no', 'license', 'licence', 'XKZBH', '许可证编号', '许可证号', 'credit_code', 'uscc', 'TYSHXYDM', '统一社会信用代码', 'cert_no', 'ZSBM', '证书编码', '证书编号'],
  holder: ['holder', 'holder_name', 'name', 'merchant', 'merchant_name', 'JYZMC', '经营者名称', '商户名称', 'QYMC', '企业名称', 'XM', '姓名'],
  activity: ['activity', 'JYXM', '经营项目'],
} as const;

/** Which input columns hold what; a column that is not named is looked for among common names. */
export interface InputColumns {
  readonly number?: string | undefined;
  readonly holder?: string | undefined;
  readonly activity?: string | undefined;
}

/** The items read from an input file, and the columns they were read from. */
export interface VerifyInput {
  readonly items: VerifyItem[];
  readonly columns: { readonly number: string; readonly holder: string | undefined; readonly activity: string | undefined };
}

/**
 * Reads the items to verify from a CSV, JSON, JSON Lines or XLSX file (told by its extension; CSV
 * otherwise). `activity`, when given, is the activity asked about for every item.
 *
 * @throws {Error} when the file cannot be read, or has no number column (or not the one named).
 */
export async function readVerifyInput(path: string, named: InputColumns, activity: string | undefined, signal: AbortSignal): Promise<VerifyInput> {
  const stream = createReadStream(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error: NodeJS.ErrnoException) => reject(new Error(`cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`)));
  });
  const extension = /\.(csv|tsv|txt|json|jsonl|ndjson|xlsx)$/i.test(path);
  const rows: Record<string, unknown>[] = [];
  for await (const batch of readFileRecords(stream, { ...(extension ? { url: path } : { format: 'csv' as const }), raggedRows: 'fill', signal })) rows.push(...batch);
  const present = new Set(rows.flatMap((row, index) => (index < 100 ? Object.keys(row) : [])));
  const columnOf = (field: keyof InputColumns): string | undefined => {
    const given = named[field];
    if (given !== undefined && rows.length && !present.has(given)) {
      throw new Error(`${path} has no column '${given}' (columns: ${[...present].join(', ')})`);
    }
    return given ?? INPUT_ALIASES[field].find((alias) => present.has(alias));
  };
  const number = columnOf('number');
  if (number === undefined) {
    if (!rows.length) return { items: [], columns: { number: named.number ?? 'number', holder: undefined, activity: undefined } };
    throw new Error(`${path} has no licence number column (columns: ${[...present].join(', ')}): name it with --number-column`);
  }
  const holder = columnOf('holder');
  const activityColumn = activity === undefined ? columnOf('activity') : undefined;
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());
  const items = rows.map((row): VerifyItem => {
    const item: { number: string; holder?: string; activity?: string } = { number: text(row[number]) };
    const holderText = holder === undefined ? '' : text(row[holder]);
    if (holderText) item.holder = holderText;
    const activityText = activity ?? (activityColumn === undefined ? '' : text(row[activityColumn]));
    if (activityText) item.activity = activityText;
    return item;
  });
  return { items, columns: { number, holder, activity: activityColumn } };
}

import { FileFormatError } from '../errors/file-format-error.js';
import { parseCsvRows, type CsvRowOptions } from './csv-row-parser.js';
import { uniqueHeaders } from './unique-headers.js';

/** Options of {@link parseCsv}. */
export interface CsvOptions extends CsvRowOptions {
  /**
   * Column names for a file without a header row; the first row is then data.
   * @default the first row's cells (trimmed, blanks named `column_N`, repeats suffixed `_2`)
   */
  readonly columns?: readonly string[] | undefined;
  /**
   * A row with more or fewer fields than the header: `'throw'` a {@link FileFormatError} with its
   * line, `'skip'` it, or `'fill'` it (missing fields become `''`, extra fields are dropped).
   * @default 'throw'
   */
  readonly raggedRows?: 'throw' | 'skip' | 'fill' | undefined;
}

type RecordBuilder = (fields: readonly string[]) => Record<string, string>;

function recordBuilder(keys: readonly string[]): RecordBuilder {
  const width = keys.length;
  // `record['__proto__'] = v` would set the prototype instead of a field.
  if (keys.includes('__proto__')) {
    return (fields) => {
      const record: Record<string, string> = {};
      for (let index = 0; index < width; index++) {
        Object.defineProperty(record, keys[index] as string, { value: fields[index] ?? '', enumerable: true, writable: true, configurable: true });
      }
      return record;
    };
  }
  return compiledBuilder(keys) ?? ((fields) => {
    const record: Record<string, string> = {};
    for (let index = 0; index < width; index++) record[keys[index] as string] = fields[index] ?? '';
    return record;
  });
}

// One object literal per header, compiled once: each record is then allocated with all its
// fields in place instead of growing key by key, which makes building records 2–3× faster.
// The keys go in as JSON string literals, so a header cannot inject code. Only on Node: in a
// browser a strict CSP would refuse it (and report the attempt), so pages use the loop; so do
// runtimes that forbid code from strings.
const mayCompile = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

function compiledBuilder(keys: readonly string[]): RecordBuilder | undefined {
  if (!mayCompile) return undefined;
  const fields = keys.map((key, index) => `${JSON.stringify(key)}: f[${index}] ?? ''`).join(', ');
  try {
    return new Function('f', `return { ${fields} };`) as RecordBuilder;
  } catch {
    return undefined;
  }
}

/**
 * Parses CSV text chunks into records keyed by the header row, in batches (one per chunk), at
 * constant memory. Values stay strings, as CSV has no types: use `z.coerce.number()` and
 * friends in a schema.
 *
 * @throws {FileFormatError} with `line` for a ragged row (unless `raggedRows` says otherwise),
 *   an unterminated quote, text after a closing quote, or an HTML page instead of CSV.
 *
 * @example
 * ```ts
 * for await (const batch of parseCsv(decodeTextStream(response.body!))) {
 *   for (const row of batch) console.log(row.credit_code);
 * }
 * ```
 */
export async function* parseCsv(chunks: AsyncIterable<string>, options: CsvOptions = {}): AsyncGenerator<Record<string, string>[], void, undefined> {
  const ragged = options.raggedRows ?? 'throw';
  let keys = options.columns ? uniqueHeaders(options.columns) : undefined;
  let build = keys ? recordBuilder(keys) : undefined;
  for await (const { rows, lines } of parseCsvRows(chunks, options)) {
    let index = 0;
    if (!keys || !build) {
      keys = uniqueHeaders(rows[0] as string[]);
      build = recordBuilder(keys);
      index = 1;
    }
    const width = keys.length;
    const records: Record<string, string>[] = [];
    for (; index < rows.length; index++) {
      const fields = rows[index] as string[];
      if (fields.length !== width) {
        if (ragged === 'skip') continue;
        if (ragged === 'throw') {
          const line = lines[index] as number;
          throw new FileFormatError(`CSV line ${line} has ${fields.length} fields, the header has ${width}`, { line });
        }
      }
      records.push(build(fields));
    }
    if (records.length > 0) yield records;
  }
}

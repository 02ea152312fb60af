import type { RawRecord, WhereFilter } from '../../portals/portal-adapter.js';
import { maskRecord } from '../../privacy/index.js';
import type { Command } from '../command.js';
import { csvLine } from '../csv-line.js';
import { ExitCode } from '../exit-code.js';
import { OptionReader } from '../option-values.js';
import { fileSink, stdoutSink, type OutputSink } from '../output-sink.js';
import { connectionOptions, withPortal } from '../portal-connection.js';
import { ProgressBar } from '../progress-bar.js';

const FORMATS = ['jsonl', 'csv'] as const;
// Lines are gathered into chunks of about this many characters before each write.
const CHUNK = 64 * 1024;

/** `kaifang records <dataset>`: a dataset's rows as JSON Lines or CSV. */
export const recordsCommand: Command = {
  name: 'records',
  summary: 'Download a dataset\'s rows as JSON Lines or CSV, to stdout or a file',
  arguments: '<dataset>',
  maxPositionals: 1,
  description: [
    'Streams a dataset\'s rows, page by page, as JSON Lines (one object a line) or CSV (header from',
    'the first row, or --fields) to stdout or --out. Filters run on the server where the portal can.',
    'A progress line on stderr (rows, rows/s, and a bar and ETA when the total is known) is shown',
    'when stderr is a terminal, or with --progress.',
    '',
    'Ctrl-C stops cleanly with exit code 130: on stdout, every row already read is written; with',
    '--out, the rows go to a temp file next to it that is renamed only when the download is',
    'complete, so an interrupted or failed run leaves no file (and no half file) under that name.',
    '',
    'Personal data is masked in every row (resident ID and mobile numbers anywhere, names under',
    'personal columns such as 姓名/XM/FDDBR/legal_rep) unless --unmasked is given.',
  ].join('\n'),
  options: {
    format: { type: 'string', short: 'f', value: '<format>', description: 'jsonl or csv', default: 'csv for an --out ending in .csv, else jsonl' },
    out: { type: 'string', short: 'o', value: '<file>', description: 'Write to this file instead of stdout' },
    where: { type: 'string', short: 'w', value: '<col=value>', description: 'Keep rows whose column equals the value; repeat for more', multiple: true },
    q: { type: 'string', value: '<text>', description: 'Keep rows containing this text in any column' },
    fields: { type: 'string', value: '<a,b,…>', description: 'Columns to keep, comma-separated (also the CSV column order)' },
    limit: { type: 'string', short: 'n', value: '<n>', description: 'Stop after this many rows' },
    'page-size': { type: 'string', value: '<n>', description: 'Rows per request', default: 'the portal\'s usual page' },
    progress: { type: 'boolean', description: 'Show the progress line even when stderr is not a terminal' },
    'no-progress': { type: 'boolean', description: 'Never show the progress line' },
    ...connectionOptions,
  },
  examples: [
    'kaifang records nb-food-licenses --sandbox > food.jsonl',
    'kaifang records nb-food-licenses --sandbox --where ZT=有效 --fields XKZBH,JYZMC,YXQZ --out valid.csv',
    'kaifang records hz-parking-lots --sandbox ckan --limit 100 --format csv',
  ],

  run(context) {
    const options = new OptionReader(context.values, 'records');
    const id = context.positionals[0];
    if (id === undefined) throw options.error('which dataset? Pass its id, e.g. kaifang records nb-food-licenses');
    const out = options.string('out');
    const format = options.choice('format', FORMATS, out?.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl');
    const where = parseWhere(options.list('where'), options);
    const q = options.string('q');
    const fields = options.string('fields')?.split(',').map((field) => field.trim()).filter(Boolean);
    if (fields && !fields.length) throw options.error('--fields needs at least one column name');
    const limit = context.values['limit'] === undefined ? undefined : options.integer('limit', 0, 0, Number.MAX_SAFE_INTEGER);
    const pageSize = context.values['page-size'] === undefined ? undefined : options.integer('page-size', 1, 1, 100_000);
    if (options.flag('progress') && options.flag('no-progress')) throw options.error('--progress and --no-progress contradict each other');
    const showProgress = !options.flag('no-progress') && (options.flag('progress') || context.io.stderrIsTTY === true);

    return withPortal(context, 'records', async ({ client, masks }, io) => {
      const { signal } = context;
      const filtered = where !== undefined || q !== undefined;
      let total: number | undefined;
      if (showProgress && !filtered) {
        // The total is only a nicety: a portal that cannot say still gets a progress line.
        total = (await client.datasets.version(id, { signal }).catch(() => undefined))?.total;
        if (limit !== undefined) total = total === undefined ? limit : Math.min(total, limit);
      }
      const progress = showProgress ? new ProgressBar(io.stderr ?? process.stderr, { total, tty: io.stderrIsTTY === true }) : undefined;
      const stream = client.datasets.records(id, {
        signal,
        ...(where ? { where } : {}),
        ...(q ? { q } : {}),
        ...(fields ? { fields } : {}),
        ...(limit !== undefined ? { limit } : {}),
        ...(pageSize !== undefined ? { pageSize } : {}),
      });
      const sink: OutputSink = out === undefined ? stdoutSink(io) : await fileSink(out);
      let rows = 0;
      let buffer = '';
      let columns: readonly string[] | undefined = fields;
      try {
        try {
          for await (const raw of stream) {
            const row = masks ? maskRecord(raw) : raw;
            if (format === 'csv') {
              if (columns === undefined) columns = Object.keys(row);
              if (rows === 0) buffer += `${csvLine(columns)}\n`;
              buffer += `${csvLine(columns.map((column) => (row as RawRecord)[column]))}\n`;
            } else {
              buffer += `${JSON.stringify(row)}\n`;
            }
            rows++;
            if (buffer.length >= CHUNK) {
              await sink.write(buffer);
              buffer = '';
            }
            progress?.update(rows);
          }
          if (format === 'csv' && rows === 0 && columns) buffer += `${csvLine(columns)}\n`;
        } catch (error) {
          if (!signal.aborted) throw error;
        }
        // Rows already read are written out even when stopping, so stdout ends on a whole line.
        if (buffer) await sink.write(buffer);
        if (signal.aborted) {
          await sink.abandon();
          progress?.finish(rows, 'stopped');
          io.err(out === undefined ? `Interrupted: ${rows.toLocaleString('en-US')} rows were written.` : `Interrupted: ${out} was not written.`);
          return ExitCode.interrupted;
        }
        await sink.commit();
      } catch (error) {
        await sink.abandon().catch(() => undefined);
        throw error;
      }
      progress?.finish(rows);
      if (out !== undefined) io.err(`Wrote ${rows.toLocaleString('en-US')} rows to ${out}.`);
      return ExitCode.ok;
    });
  },
};

/** `--where col=value` options as an equality filter; a column given twice accepts either value. */
function parseWhere(pairs: readonly string[], options: OptionReader): WhereFilter | undefined {
  if (!pairs.length) return undefined;
  const where: Record<string, string[]> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const column = pair.slice(0, at).trim();
    if (at <= 0 || column === '') throw options.error(`--where needs column=value, got '${pair}'`);
    (where[column] ??= []).push(pair.slice(at + 1));
  }
  return Object.fromEntries(Object.entries(where).map(([column, values]) => [column, values.length === 1 ? (values[0] as string) : values]));
}

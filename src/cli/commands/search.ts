import type { CatalogQuery } from '../../portals/portal-adapter.js';
import type { Command } from '../command.js';
import { count, datasetJson, shortDate } from '../dataset-summary.js';
import { ExitCode } from '../exit-code.js';
import { OptionReader } from '../option-values.js';
import { connectionOptions, withPortal } from '../portal-connection.js';
import { formatTable } from '../text-table.js';

const OPEN_CLASSES = ['unconditional', 'restricted'] as const;

/** `kaifang search [text]`: one page of the portal's catalogue, as a table or JSON. */
export const searchCommand: Command = {
  name: 'search',
  summary: 'Search the catalogue: datasets as a table or JSON',
  arguments: '[text]',
  maxPositionals: 1,
  description: [
    'Searches the portal\'s catalogue and prints the first matching datasets: id, rows, open class,',
    'last update and title, with the number of matches on stderr. --json prints the datasets in the',
    'unified model instead (without the portal\'s raw answer), one JSON array on stdout.',
  ].join('\n'),
  options: {
    theme: { type: 'string', value: '<theme>', description: 'Only datasets of this theme, e.g. 交通出行' },
    'open-class': { type: 'string', value: '<class>', description: 'Only unconditional or restricted datasets' },
    limit: { type: 'string', short: 'n', value: '<n>', description: 'Datasets to list, 1 to 1000', default: '20' },
    json: { type: 'boolean', description: 'Print JSON instead of a table' },
    ...connectionOptions,
  },
  examples: ['kaifang search 许可 --sandbox', 'kaifang search --sandbox ckan --limit 5 --json', 'kaifang search 停车 --portal ckan --base-url https://demo.ckan.org'],

  run(context) {
    const options = new OptionReader(context.values, 'search');
    const limit = options.integer('limit', 20, 1, 1000);
    const theme = options.string('theme');
    const openClass = context.values['open-class'] === undefined ? undefined : options.choice('open-class', OPEN_CLASSES, 'unconditional');
    const q = context.positionals[0];
    const query: CatalogQuery = { limit, ...(q ? { q } : {}), ...(theme ? { theme } : {}), ...(openClass ? { openClass } : {}) };
    return withPortal(context, 'search', async ({ client }, io) => {
      const page = await client.catalog.search(query, { signal: context.signal });
      const items = page.items.slice(0, limit);
      if (options.flag('json')) {
        io.out(JSON.stringify(items.map(datasetJson), null, 2));
      } else {
        const rows = items.map((dataset) => [dataset.id, count(dataset.recordCount), dataset.openClass, shortDate(dataset.updatedAt), dataset.title]);
        if (rows.length) for (const line of formatTable(['id', 'rows', 'open class', 'updated', 'title'], rows)) io.out(line);
      }
      const total = page.total ?? items.length;
      io.err(`${total.toLocaleString('en-US')} ${total === 1 ? 'dataset matches' : 'datasets match'}${total > items.length ? `, ${items.length} shown` : ''}.`);
      return ExitCode.ok;
    });
  },
};

import type { Command } from '../command.js';
import { count, datasetJson, shortDate } from '../dataset-summary.js';
import { ExitCode } from '../exit-code.js';
import { OptionReader } from '../option-values.js';
import { connectionOptions, withPortal } from '../portal-connection.js';
import { formatTable } from '../text-table.js';

/** `kaifang show <dataset>`: one dataset's metadata. */
export const showCommand: Command = {
  name: 'show',
  summary: 'Show one dataset\'s metadata: publisher, licence, columns, resources',
  arguments: '<dataset>',
  maxPositionals: 1,
  description: [
    'Prints a dataset\'s metadata in the unified model: title, description, publisher, themes, tags,',
    'open class, licence, formats, dates, row count, columns (name, label, type) and resources.',
    '--json prints it as one JSON object (without the portal\'s raw answer).',
  ].join('\n'),
  options: {
    json: { type: 'boolean', description: 'Print JSON instead of text' },
    ...connectionOptions,
  },
  examples: ['kaifang show nb-food-licenses --sandbox', 'kaifang show hz-parking-lots --sandbox ckan --json'],

  run(context) {
    const options = new OptionReader(context.values, 'show');
    const id = context.positionals[0];
    if (id === undefined) throw options.error('which dataset? Pass its id, e.g. kaifang show nb-food-licenses');
    return withPortal(context, 'show', async ({ client }, io) => {
      const dataset = await client.datasets.get(id, { signal: context.signal });
      if (options.flag('json')) {
        io.out(JSON.stringify(datasetJson(dataset), null, 2));
        return ExitCode.ok;
      }
      const facts: [string, string][] = [
        ['id', dataset.id],
        ['title', dataset.title],
        ['publisher', dataset.publisher?.name ?? '-'],
        ['open class', dataset.openClass],
        ['licence', dataset.license.title ?? dataset.license.id ?? '-'],
        ['themes', dataset.themes.join(', ') || '-'],
        ['tags', dataset.tags.join(', ') || '-'],
        ['formats', dataset.formats.join(', ') || '-'],
        ['created', shortDate(dataset.createdAt)],
        ['updated', dataset.updatedAt ? dataset.updatedAt.toISOString() : '-'],
        ['frequency', dataset.updateFrequency ?? '-'],
        ['rows', count(dataset.recordCount)],
        ['portal', `${dataset.portal.family} ${dataset.portal.baseUrl}`],
      ];
      for (const [label, value] of facts) io.out(`${label.padEnd(10)}  ${value}`);
      if (dataset.description.trim()) {
        io.out('');
        io.out(dataset.description.trim());
      }
      if (dataset.fields.length) {
        io.out('');
        io.out(`Columns (${dataset.fields.length}):`);
        for (const line of formatTable(['name', 'label', 'type'], dataset.fields.map((field) => [field.name, field.label ?? '', field.type ?? '']))) io.out(line);
      }
      if (dataset.resources.length) {
        io.out('');
        io.out(`Resources (${dataset.resources.length}):`);
        const rows = dataset.resources.map((resource) => [resource.id, resource.format, resource.queryable ? 'yes' : 'no', resource.name]);
        for (const line of formatTable(['id', 'format', 'queryable', 'name'], rows)) io.out(line);
      }
      return ExitCode.ok;
    });
  },
};

import { access } from 'node:fs/promises';
import type { RawRecord } from '../../portals/portal-adapter.js';
import { FileCheckpointStore } from '../../sync/index.js';
import type { Command } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { mirrorKey, readMirror, writeMirror } from '../jsonl-mirror.js';
import { OptionReader } from '../option-values.js';
import { connectionOptions, withPortal } from '../portal-connection.js';

const STRATEGIES = ['auto', 'modified-since', 'change-check', 'full'] as const;

/** `kaifang sync <dataset>`: keeps a JSON Lines mirror of a dataset up to date with a checkpoint. */
export const syncCommand: Command = {
  name: 'sync',
  summary: 'Keep a JSON Lines mirror of a dataset up to date, incrementally',
  arguments: '<dataset>',
  maxPositionals: 1,
  description: [
    'Pulls what changed in a dataset since the last run and applies it to a JSON Lines mirror (one',
    'row a line, keyed by --key), then prints the added, updated and removed counts. The first run',
    'mirrors every row. The checkpoint in --checkpoint-dir moves only after the mirror was written',
    '(temp file + rename), so an interrupted or failed run changes neither and the next run repeats',
    'the same changes. A missing mirror with an existing checkpoint starts afresh.',
  ].join('\n'),
  options: {
    key: { type: 'string', short: 'k', value: '<column>', description: 'The column that identifies a row (required), e.g. XKZBH' },
    mirror: { type: 'string', short: 'm', value: '<file>', description: 'The JSON Lines mirror to create or update (required)' },
    'checkpoint-dir': { type: 'string', value: '<dir>', description: 'Where the checkpoint is kept', default: '.kaifang' },
    strategy: { type: 'string', value: '<name>', description: 'auto, modified-since, change-check or full', default: 'auto' },
    'page-size': { type: 'string', value: '<n>', description: 'Rows per request', default: 'the portal\'s usual page' },
    ...connectionOptions,
  },
  examples: [
    'kaifang sync nb-food-licenses --key XKZBH --mirror food.jsonl --sandbox',
    'kaifang sync nb-food-licenses --key license_no --mirror food.jsonl --checkpoint-dir .kaifang --sandbox ckan',
  ],

  run(context) {
    const options = new OptionReader(context.values, 'sync');
    const id = context.positionals[0];
    if (id === undefined) throw options.error('which dataset? Pass its id, e.g. kaifang sync nb-food-licenses --key XKZBH --mirror food.jsonl');
    const key = options.string('key');
    if (key === undefined) throw options.error('--key is required: the column that identifies a row');
    const mirror = options.string('mirror');
    if (mirror === undefined) throw options.error('--mirror is required: the JSON Lines file to keep');
    const dir = options.string('checkpoint-dir', '.kaifang');
    const strategy = options.choice('strategy', STRATEGIES, 'auto');
    const pageSize = context.values['page-size'] === undefined ? undefined : options.integer('page-size', 1, 1, 100_000);

    return withPortal(context, 'sync', async ({ client }, io) => {
      const { signal } = context;
      const store = new FileCheckpointStore(dir);
      const rows = await readMirror(mirror, key);
      if (rows === undefined && (await exists(store.describe(id)))) {
        // The checkpoint would report only what changed since, and the new mirror would miss the rest.
        io.err(`No mirror at ${mirror}: dropping ${store.describe(id)} to mirror every row afresh.`);
        await store.delete(id);
      }
      const mirrored = rows ?? new Map<string, RawRecord>();
      const sync = client.sync(id, { key, store, strategy, signal, ...(pageSize !== undefined ? { pageSize } : {}) });
      let changes;
      try {
        // One batch holding every change: the mirror is written once, before the checkpoint moves.
        changes = await sync.run(
          async (batch) => {
            for (const change of batch) {
              if (change.type === 'delete') mirrored.delete(change.key);
              else mirrored.set(mirrorKey(change.record, key) ?? change.key, change.record);
            }
            signal.throwIfAborted();
            await writeMirror(mirror, mirrored.values());
          },
          { batchSize: Number.MAX_SAFE_INTEGER },
        );
      } catch (error) {
        if (!signal.aborted) throw error;
        io.err(`Interrupted: neither ${mirror} nor the checkpoint changed.`);
        return ExitCode.interrupted;
      }
      if (rows === undefined && !(await exists(mirror))) await writeMirror(mirror, mirrored.values());
      const { added, updated, removed, stats } = changes;
      io.out(`${id}: ${added.length} added, ${updated.length} updated, ${removed.length} removed`);
      io.out(`mirror ${mirror}: ${mirrored.size.toLocaleString('en-US')} rows`);
      io.err(`${stats.unchanged ? 'unchanged since the last run' : `${stats.rowsRead.toLocaleString('en-US')} rows read in ${stats.pages} pages`} (strategy ${stats.strategy}, ${(stats.duration / 1000).toFixed(1)} s); checkpoint ${store.describe(id)}`);
      return ExitCode.ok;
    });
  },
};

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

import { createClient } from '../client.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { ResponseFormatError } from '../errors/response-format-error.js';
import type { FetchFunction } from '../http/transport-types.js';
import { DatasetSchema } from '../model/dataset.js';
import type { PortalDefinition } from '../portals/define-portal.js';

/** Options of {@link checkPortal}. */
export interface PortalCheckOptions {
  /**
   * The fetch the checks send through: a fake portal in a test, or `globalThis.fetch`.
   * @default globalThis.fetch
   */
  readonly fetch?: FetchFunction | undefined;
  /** A dataset with at least a few rows, read by the record checks. */
  readonly dataset: string;
  /**
   * The most rows read; the paging check reads them in pages of 2.
   * @default 20
   */
  readonly limit?: number | undefined;
}

/** One check and its outcome. */
export interface PortalCheck {
  readonly name: string;
  readonly ok: boolean;
  /** What was seen, in a sentence: the reason when the check failed. */
  readonly detail: string;
}

/** What {@link checkPortal} found. */
export interface PortalCheckReport {
  /** Every check passed. */
  readonly ok: boolean;
  readonly checks: readonly PortalCheck[];
}

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * Checks an adapter through the public client, as a user would meet it: catalogue answers in the
 * unified model, the dataset asked for, paging that neither repeats nor skips rows, `limit`, a
 * wrong id as `NotFoundError` and an HTML page as `ResponseFormatError`. Retries and the cache are
 * off, so every fault shows at once.
 *
 * @example
 * const report = await checkPortal(udata({ baseUrl }), { fetch: fakePortal.fetch, dataset: 'parkings' });
 * if (!report.ok) console.table(report.checks);
 */
export async function checkPortal(portal: PortalDefinition, options: PortalCheckOptions): Promise<PortalCheckReport> {
  const limit = options.limit ?? 20;
  const fetch: FetchFunction = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const client = createClient({ portal, fetch, retry: false, cache: false });
  const checks: PortalCheck[] = [];
  const check = async (name: string, run: () => Promise<string>): Promise<void> => {
    try {
      checks.push({ name, ok: true, detail: await run() });
    } catch (error) {
      checks.push({ name, ok: false, detail: describe(error) });
    }
  };

  await check('catalog.search answers datasets of the unified model', async () => {
    const page = await client.catalog.search({ limit: 5 });
    if (page.items.length === 0) throw new Error('the first catalogue page is empty');
    for (const item of page.items) {
      const parsed = DatasetSchema.safeParse(item);
      if (!parsed.success) throw new Error(`${item.id}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      if (item.portal.family !== portal.family) throw new Error(`${item.id} says portal.family ${item.portal.family}, not ${portal.family}`);
    }
    return `${page.items.length} datasets, total ${page.total ?? 'not given'}`;
  });

  await check('datasets.get returns the dataset asked for', async () => {
    const dataset = DatasetSchema.parse(await client.datasets.get(options.dataset));
    if (dataset.id !== options.dataset && dataset.name !== options.dataset) throw new Error(`asked for ${options.dataset}, got ${dataset.id}`);
    return `${dataset.id}: ${dataset.title}`;
  });

  let whole: unknown[] = [];
  await check('records read in one page', async () => {
    whole = await client.datasets.records(options.dataset, { pageSize: limit, limit }).toArray();
    if (whole.length === 0) throw new Error(`${options.dataset} has no rows`);
    return `${whole.length} rows`;
  });

  await check('records read in pages of 2 are the same rows in the same order', async () => {
    const paged = await client.datasets.records(options.dataset, { pageSize: 2, limit }).toArray();
    const expected = whole.map((row) => JSON.stringify(row));
    const actual = paged.map((row) => JSON.stringify(row));
    const first = expected.findIndex((row, index) => row !== actual[index]);
    if (first !== -1 || actual.length !== expected.length) {
      throw new Error(`row ${first === -1 ? expected.length : first} differs: ${actual.length} rows in pages of 2, ${expected.length} in one page`);
    }
    return `${paged.length} rows over ${Math.ceil(paged.length / 2)} pages`;
  });

  await check('limit stops the read', async () => {
    const rows = await client.datasets.records(options.dataset, { pageSize: 2, limit: 3 }).toArray();
    if (rows.length !== Math.min(3, whole.length)) throw new Error(`limit 3 gave ${rows.length} rows`);
    return '3 rows';
  });

  await check('a dataset that does not exist is a NotFoundError', async () => {
    const outcome = await client.datasets.get('kaifang-check-no-such-dataset').then(
      (dataset) => new Error(`it answered ${dataset.id}`),
      (error: unknown) => error,
    );
    if (!(outcome instanceof NotFoundError)) throw outcome instanceof Error ? outcome : new Error(String(outcome));
    return outcome.message;
  });

  await check('an HTML page with status 200 is a ResponseFormatError', async () => {
    const html = createClient({
      portal,
      retry: false,
      cache: false,
      fetch: async () => new Response('<!doctype html><title>Maintenance</title>', { status: 200, headers: { 'content-type': 'text/html' } }),
    });
    const outcome = await html.catalog.search({ limit: 1 }).then(
      () => new Error('the HTML page was read as a catalogue'),
      (error: unknown) => error,
    );
    if (!(outcome instanceof ResponseFormatError)) throw outcome instanceof Error ? outcome : new Error(String(outcome));
    return outcome.message;
  });

  return { ok: checks.every((item) => item.ok), checks };
}

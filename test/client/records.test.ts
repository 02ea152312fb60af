import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createClient, portals, RecordValidationError, UnsupportedError, type Client } from '../../src/index.js';
import { createSandbox } from '../../src/sandbox/index.js';
import { rowCount, sandboxClient } from './sandbox-client.js';

const FOOD = 'nb-food-licenses';
const PARKING = 'hz-parking-lots';
const SIZES = { [FOOD]: 450, [PARKING]: 260 };

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
process.on('unhandledRejection', onUnhandled);
afterEach(() => {
  expect(unhandled).toEqual([]);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

async function firstRows(client: Client, id: string, take: number, options: { pageSize?: number; concurrency?: number } = {}): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of client.datasets.records(id, options)) {
    rows.push(row);
    if (rows.length === take) break;
  }
  return rows;
}

/** A client of a zhejiang sandbox whose `fetch` keeps the signal of every data page request. */
/**
 * A client that records each page request's signal. With `holdPagesAhead`, every page after the
 * first stays in flight until its request is cancelled, as a slow portal's would.
 */
function signalRecordingClient(options: { holdPagesAhead?: boolean } = {}) {
  const sandbox = createSandbox({ flavor: 'zhejiang', sizes: SIZES, extraDatasets: 0 });
  const signals: AbortSignal[] = [];
  const client = createClient({
    portal: portals.zhejiang({ baseUrl: sandbox.url, appSecret: sandbox.credentials.appSecret }),
    cache: false,
    fetch: (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/get_data.do')) {
        signals.push(request.signal);
        if (options.holdPagesAhead && url.searchParams.get('pageNum') !== '1') {
          const { signal } = request;
          return new Promise<Response>((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
        }
      }
      return sandbox.fetch(request);
    },
  });
  return { sandbox, client, signals };
}

describe('records on the zhejiang flavor', () => {
  it('a full pull yields every row once, as many as the sandbox serves', async () => {
    const { client, sandbox, requests } = sandboxClient({ flavor: 'zhejiang', sizes: SIZES });
    const rows = await client.datasets.records(FOOD).toArray();
    expect(rows).toHaveLength(rowCount(sandbox, FOOD));
    expect(new Set(rows.map((row) => row['XKZBH'])).size).toBe(rows.length);
    // get_total, then three pages of 200.
    expect(requests.count('get_total')).toBe(1);
    expect(requests.count('get_data')).toBe(3);
  });

  it('yields rows in the portal\'s order whatever the page size and parallelism', async () => {
    const { client } = sandboxClient({ flavor: 'zhejiang', sizes: SIZES });
    const sequential = await client.datasets.records(FOOD, { concurrency: 1 }).toArray();
    const parallel = await client.datasets.records(FOOD, { concurrency: 4, pageSize: 37 }).toArray();
    const wide = await client.datasets.records(FOOD, { concurrency: 8, pageSize: 11 }).toArray();
    expect(parallel).toEqual(sequential);
    expect(wide).toEqual(sequential);
  });

  it('applies where and q on the client, sending no filter to the portal', async () => {
    const { client, requests } = sandboxClient({ flavor: 'zhejiang', sizes: SIZES });
    const all = await client.datasets.records(FOOD).toArray();
    requests.urls.length = 0;
    const valid = await client.datasets.records(FOOD, { where: { ZT: '有效' } }).toArray();
    expect(valid).toEqual(all.filter((row) => row['ZT'] === '有效'));
    expect(valid.length).toBeGreaterThan(0);
    expect(valid.length).toBeLessThan(all.length);
    const text = await client.datasets.records(FOOD, { q: '饺子' }).toArray();
    expect(text).toEqual(all.filter((row) => Object.values(row).some((value) => String(value).includes('饺子'))));
    expect(requests.urls.every((url) => !url.includes('ZT') && !url.includes('q='))).toBe(true);
  });

  it('keeps only the asked fields, in the order asked', async () => {
    const { client } = sandboxClient({ flavor: 'zhejiang', sizes: SIZES });
    const rows = await client.datasets.records(FOOD, { fields: ['ZT', 'XKZBH'], limit: 3 }).toArray();
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(Object.keys(row)).toEqual(['ZT', 'XKZBH']);
  });

  it('refuses orderBy with an UnsupportedError, because the interfaces cannot order', async () => {
    const { client, requests } = sandboxClient({ flavor: 'zhejiang', sizes: SIZES });
    const error = await client.datasets.records(FOOD, { orderBy: 'FZRQ desc' }).toArray().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnsupportedError);
    expect((error as Error).message).toContain('zhejiang interfaces cannot order rows');
    // Only the catalogue lookup of the open-class check; no data request.
    expect(requests.urls).toHaveLength(1);
    expect(requests.count('/dopServer/rest/catalog/')).toBe(1);
  });

  it('limit: 5 costs one catalogue lookup, then exactly one data request for five rows', async () => {
    const { client, requests } = sandboxClient({ flavor: 'zhejiang', sizes: SIZES });
    const rows = await client.datasets.records(FOOD, { limit: 5 }).toArray();
    expect(rows).toHaveLength(5);
    expect(requests.urls).toHaveLength(2);
    expect(requests.urls[0]).toContain(`/dopServer/rest/catalog/${FOOD}`);
    expect(requests.urls[1]).toContain('pageSize=5');
  });

  it('since keeps rows whose GXSJ (Shanghai time) is at or after the instant', async () => {
    // Every lot reports the current minute of the sandbox clock.
    const minute = new Date('2027-01-02T03:04:00.000Z');
    const { client, sandbox } = sandboxClient({ flavor: 'zhejiang', sizes: SIZES, clock: () => new Date(minute.getTime() + 30_000) });
    const all = await client.datasets.records(PARKING).toArray();
    expect(all[0]?.['GXSJ']).toBe('2027-01-02 11:04:00');
    expect(await client.datasets.records(PARKING, { since: minute }).toArray()).toHaveLength(rowCount(sandbox, PARKING));
    expect(await client.datasets.records(PARKING, { since: new Date(minute.getTime() + 1000) }).toArray()).toHaveLength(0);
  });

  it('leaving a for await loop early stops paging and leaves nothing unhandled', async () => {
    const { client, requests } = sandboxClient({ flavor: 'zhejiang', sizes: SIZES });
    const rows = await firstRows(client, FOOD, 15, { pageSize: 10, concurrency: 4 });
    expect(rows).toHaveLength(15);
    const afterBreak = requests.count('get_data');
    // Two pages read, at most the fetch-ahead window of four in flight.
    expect(afterBreak).toBeLessThanOrEqual(5);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests.count('get_data')).toBe(afterBreak);
  });

  it('a read that runs to its end aborts none of its requests; leaving early aborts the pages fetched ahead', async () => {
    const { sandbox, client, signals } = signalRecordingClient();
    const rows = await client.datasets.records(FOOD, { pageSize: 10, concurrency: 4 }).toArray();
    expect(rows).toHaveLength(rowCount(sandbox, FOOD));
    // Every page, then the empty one past the end that confirms it.
    expect(signals).toHaveLength(Math.ceil(rowCount(sandbox, FOOD) / 10) + 1);
    expect(signals.filter((signal) => signal.aborted)).toHaveLength(0);

    const ahead = signalRecordingClient({ holdPagesAhead: true });
    for await (const _row of ahead.client.datasets.records(FOOD, { pageSize: 10, concurrency: 4 })) break;
    // Page 1 was read; pages 2 to 4 were fetched ahead, still in flight, and are cancelled.
    expect(ahead.signals).toHaveLength(4);
    expect(ahead.signals.slice(1).every((signal) => signal.aborted)).toBe(true);
  });

  it('sixteen pages in flight under the caller\'s signal raise no listener-leak warning', async () => {
    const { client, sandbox } = sandboxClient({ flavor: 'zhejiang', sizes: SIZES });
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const rows = await client.datasets.records(FOOD, { pageSize: 10, concurrency: 16, signal: new AbortController().signal }).toArray();
      expect(rows).toHaveLength(rowCount(sandbox, FOOD));
      // Node emits the warning on the next tick after the eleventh listener.
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
  });

  it('aborting the caller\'s signal mid-read stops every page in flight with the signal\'s reason', async () => {
    const { client, signals } = signalRecordingClient({ holdPagesAhead: true });
    const controller = new AbortController();
    const reason = new Error('stopped by the caller');
    const read = async () => {
      for await (const _row of client.datasets.records(FOOD, { pageSize: 10, concurrency: 4, signal: controller.signal })) controller.abort(reason);
    };
    await expect(read()).rejects.toBe(reason);
    // Page 1 was answered and read; the pages after it were in flight when the caller aborted.
    const inFlight = signals.slice(1);
    expect(inFlight.length).toBeGreaterThan(0);
    expect(inFlight.every((signal) => signal.aborted && signal.reason === reason)).toBe(true);
    const afterAbort = signals.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(signals).toHaveLength(afterAbort);
  });
});

describe('records on the ckan flavor', () => {
  it('a full pull yields every row once and in _id order', async () => {
    const { client, sandbox, requests } = sandboxClient({ flavor: 'ckan', sizes: SIZES });
    const rows = await client.datasets.records(FOOD, { pageSize: 100 }).toArray();
    expect(rows).toHaveLength(rowCount(sandbox, FOOD));
    expect(new Set(rows.map((row) => row['license_no'])).size).toBe(rows.length);
    const ids = rows.map((row) => row['_id'] as number);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(requests.count('datastore_search')).toBeLessThanOrEqual(6);
  });

  it('sends where as DataStore filters and q as full text', async () => {
    const { client, requests } = sandboxClient({ flavor: 'ckan', sizes: SIZES });
    const all = await client.datasets.records(FOOD).toArray();
    requests.urls.length = 0;
    const valid = await client.datasets.records(FOOD, { where: { status: '有效' } }).toArray();
    expect(valid).toEqual(all.filter((row) => row['status'] === '有效'));
    const search = requests.urls.find((url) => url.includes('datastore_search'));
    expect(new URL(search as string).searchParams.get('filters')).toBe('{"status":"有效"}');
    requests.urls.length = 0;
    const text = await client.datasets.records(FOOD, { q: '饺子' }).toArray();
    expect(text.length).toBeGreaterThan(0);
    for (const row of text) expect(Object.values(row).some((value) => String(value).includes('饺子'))).toBe(true);
    expect(new URL(requests.urls.find((url) => url.includes('datastore_search')) as string).searchParams.get('q')).toBe('饺子');
  });

  it('keeps the filters on every page when the portal pages by link', async () => {
    const { client } = sandboxClient({ flavor: 'ckan', sizes: SIZES });
    const all = await client.datasets.records(FOOD).toArray();
    const valid = await client.datasets.records(FOOD, { where: { status: ['有效', '注销'] }, pageSize: 25 }).toArray();
    expect(valid).toEqual(all.filter((row) => row['status'] === '有效' || row['status'] === '注销'));
  });

  it('asks the portal for the fields and gets only those', async () => {
    const { client, requests } = sandboxClient({ flavor: 'ckan', sizes: SIZES });
    const rows = await client.datasets.records(FOOD, { fields: ['status', 'license_no'], limit: 3 }).toArray();
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['license_no', 'status']);
    expect(requests.urls.some((url) => new URL(url).searchParams.get('fields') === 'status,license_no')).toBe(true);
  });

  it('orders rows on the server with orderBy', async () => {
    const { client } = sandboxClient({ flavor: 'ckan', sizes: SIZES });
    const rows = await client.datasets.records(FOOD, { orderBy: 'issued_on desc', pageSize: 200 }).toArray();
    const dates = rows.map((row) => String(row['issued_on']));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(rows).toHaveLength(450);
    expect(new Set(rows.map((row) => row['license_no'])).size).toBe(450);
  });

  it('since keeps rows whose updated_at (naive UTC) is at or after the instant', async () => {
    const { client } = sandboxClient({ flavor: 'ckan', sizes: SIZES });
    const all = await client.datasets.records(FOOD).toArray();
    const times = all.map((row) => new Date(`${String(row['updated_at'])}Z`).getTime()).sort((a, b) => a - b);
    const since = new Date(times[Math.floor(times.length / 3)] as number);
    const recent = await client.datasets.records(FOOD, { since }).toArray();
    expect(recent.length).toBe(times.filter((time) => time >= since.getTime()).length);
    expect(recent.length).toBeLessThan(all.length);
  });

  it('limit: 5 with a resource id costs exactly one request', async () => {
    const { client, requests } = sandboxClient({ flavor: 'ckan', sizes: SIZES });
    const resource = (await client.datasets.get(FOOD)).resources[0]?.id as string;
    requests.urls.length = 0;
    const rows = await client.datasets.records(FOOD, { limit: 5, resource }).toArray();
    expect(rows).toHaveLength(5);
    expect(requests.urls).toHaveLength(1);
    expect(new URL(requests.urls[0] as string).searchParams.get('limit')).toBe('5');
  });

  it('leaving a for await loop after the first page sends no further page request', async () => {
    const { client, requests } = sandboxClient({ flavor: 'ckan', sizes: SIZES });
    const rows = await firstRows(client, FOOD, 3, { pageSize: 50 });
    expect(rows).toHaveLength(3);
    expect(requests.count('datastore_search')).toBe(1);
  });
});

describe('records on both flavors', () => {
  it('serve the same rows in the same order for the same seed', async () => {
    const zhejiang = sandboxClient({ flavor: 'zhejiang', sizes: SIZES, seed: 5 });
    const ckan = sandboxClient({ flavor: 'ckan', sizes: SIZES, seed: 5 });
    const zhejiangKeys = (await zhejiang.client.datasets.records(FOOD, { pageSize: 70 }).toArray()).map((row) => row['XKZBH']);
    const ckanKeys = (await ckan.client.datasets.records(FOOD, { pageSize: 70 }).toArray()).map((row) => row['license_no']);
    expect(zhejiangKeys).toHaveLength(450);
    expect(zhejiangKeys).toEqual(ckanKeys);
  });
});

describe('records with a schema', () => {
  const Lot = z.object({ TCCBH: z.string(), ZBW: z.coerce.number().int(), KXBW: z.coerce.number().int() });

  it('coerces the portal\'s string numbers with z.coerce', async () => {
    const { client, sandbox } = sandboxClient({ flavor: 'zhejiang', sizes: SIZES });
    const lots = await client.datasets.records(PARKING, { schema: Lot }).toArray();
    expect(lots).toHaveLength(rowCount(sandbox, PARKING));
    for (const lot of lots) {
      expect(typeof lot.KXBW).toBe('number');
      expect(lot.KXBW).toBeLessThanOrEqual(lot.ZBW);
    }
  });

  const Valid = z.object({ XKZBH: z.string(), ZT: z.literal('有效') });

  it('onInvalid throw stops at the first failing row with its index', async () => {
    const { client } = sandboxClient({ flavor: 'zhejiang', sizes: SIZES });
    const all = await client.datasets.records(FOOD).toArray();
    const firstBad = all.findIndex((row) => row['ZT'] !== '有效');
    const error = await client.datasets.records(FOOD, { schema: Valid }).toArray().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).message).toContain(`${firstBad}`);
    expect((error as RecordValidationError).message).toContain('ZT');
  });

  it('onInvalid skip drops failing rows and collect keeps them in stream.invalid', async () => {
    const { client } = sandboxClient({ flavor: 'zhejiang', sizes: SIZES });
    const all = await client.datasets.records(FOOD).toArray();
    const good = all.filter((row) => row['ZT'] === '有效').length;
    const skipped = await client.datasets.records(FOOD, { schema: Valid, onInvalid: 'skip' }).toArray();
    expect(skipped).toHaveLength(good);
    const stream = client.datasets.records(FOOD, { schema: Valid, onInvalid: 'collect' });
    const kept = await stream.toArray();
    expect(kept).toHaveLength(good);
    expect(stream.invalid).toHaveLength(all.length - good);
    expect(stream.invalid[0]).toBeInstanceOf(RecordValidationError);
  });
});

import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { createClient, portals, type Dataset, type Page, type RecordStream } from '../../src/index.js';

const client = createClient({ portal: portals.zhejiang({ baseUrl: 'https://portal.test', appSecret: 'x' }) });
const Lot = z.object({ TCCBH: z.string(), KXBW: z.coerce.number(), opened: z.coerce.date().optional() });

describe('records types', () => {
  it('a schema\'s output type flows into the stream\'s items and toArray()', async () => {
    const stream = client.datasets.records('hz-parking-lots', { schema: Lot });
    expectTypeOf(stream).toEqualTypeOf<RecordStream<{ TCCBH: string; KXBW: number; opened?: Date | undefined }>>();
    for await (const lot of stream) {
      expectTypeOf(lot.KXBW).toEqualTypeOf<number>();
      expectTypeOf(lot.TCCBH).toEqualTypeOf<string>();
    }
    expectTypeOf(await stream.toArray()).toEqualTypeOf<z.output<typeof Lot>[]>();
  });

  it('a transforming schema yields its output, not its input', () => {
    const Count = z.object({ KXBW: z.string() }).transform((row) => Number(row.KXBW));
    expectTypeOf(client.datasets.records('hz-parking-lots', { schema: Count }).toArray()).resolves.toEqualTypeOf<number[]>();
  });

  it('without a schema items are Record<string, unknown>', async () => {
    const stream = client.datasets.records('hz-parking-lots', { limit: 5 });
    for await (const row of stream) expectTypeOf(row).toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf(await client.datasets.records('hz-parking-lots').toArray()).toEqualTypeOf<Record<string, unknown>[]>();
  });

  it('catalog and datasets return the unified model', () => {
    expectTypeOf(client.catalog.search({ q: '停车' })).resolves.toEqualTypeOf<Page<Dataset>>();
    expectTypeOf(client.datasets.get('hz-parking-lots')).resolves.toEqualTypeOf<Dataset>();
    expectTypeOf(client.catalog.searchAll()).toExtend<AsyncIterable<Dataset>>();
  });

  it('rejects options of the wrong type', () => {
    // @ts-expect-error onInvalid takes 'throw' | 'skip' | 'collect'
    client.datasets.records('hz-parking-lots', { onInvalid: 'ignore' });
    // @ts-expect-error schema must be a zod schema
    client.datasets.records('hz-parking-lots', { schema: { parse: () => 1 } });
  });
});

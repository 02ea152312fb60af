import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { createClient, MemoryCheckpointStore, portals, type Change, type ChangeSet } from '../../src/index.js';

const client = createClient({ portal: portals.ckan({ baseUrl: 'http://sandbox.kaifang.test' }) });
const License = z.object({ license_no: z.string(), valid_until: z.coerce.date() });

describe('sync types', () => {
  it('the schema output type flows into pull, run and changes', async () => {
    const sync = client.sync('nb-food-licenses', { key: 'license_no', schema: License, store: new MemoryCheckpointStore() });
    expectTypeOf(sync.pull()).resolves.toEqualTypeOf<ChangeSet<{ license_no: string; valid_until: Date }>>();
    const changes = await sync.pull();
    expectTypeOf(changes.added[0]!.valid_until).toEqualTypeOf<Date>();
    expectTypeOf(changes.removed).toEqualTypeOf<string[]>();
    await sync.run((batch) => {
      expectTypeOf(batch).toEqualTypeOf<Change<{ license_no: string; valid_until: Date }>[]>();
    });
    for await (const change of sync.changes()) {
      if (change.type === 'upsert') expectTypeOf(change.record.license_no).toEqualTypeOf<string>();
      else expectTypeOf(change.record).toEqualTypeOf<undefined>();
    }
  });

  it('without a schema records are raw rows', async () => {
    const sync = client.sync('nb-food-licenses', { key: 'license_no', store: new MemoryCheckpointStore() });
    expectTypeOf((await sync.pull()).updated).toEqualTypeOf<Record<string, unknown>[]>();
  });
});

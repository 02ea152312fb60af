import { describe, expect, it } from 'vitest';
import { datasetDefinitions } from '../../../src/sandbox/data/index.js';
import { NOW, rows } from './rows.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

describe('datasetDefinitions', () => {
  it('lists the four core datasets first, then the requested long-tail datasets', () => {
    const definitions = datasetDefinitions({ extra: 25 });
    expect(definitions.map((definition) => definition.id).slice(0, 4)).toEqual([
      'hz-parking-lots',
      'nb-business-licenses',
      'nb-food-licenses',
      'zj-medical-practitioners',
    ]);
    expect(definitions).toHaveLength(29);
    expect(new Set(definitions.map((definition) => definition.id)).size).toBe(29);
    expect(datasetDefinitions({ extra: 0 })).toHaveLength(4);
  });

  it('treats a negative, fractional or non-finite extra count as a whole number of at least zero', () => {
    expect(datasetDefinitions({ extra: -3 })).toHaveLength(4);
    expect(datasetDefinitions({ extra: 2.7 })).toHaveLength(6);
    expect(datasetDefinitions({ extra: Number.NaN })).toHaveLength(4);
  });

  it('declares the sizes, keys and open classes of the core datasets', () => {
    const byId = new Map(datasetDefinitions({ extra: 0 }).map((definition) => [definition.id, definition]));
    expect(byId.get('nb-business-licenses')).toMatchObject({ key: 'credit_code', size: { small: 5_000, full: 1_020_000 } });
    expect(byId.get('nb-food-licenses')).toMatchObject({ key: 'license_no', size: { small: 3_000, full: 100_000 } });
    expect(byId.get('zj-medical-practitioners')).toMatchObject({
      key: 'cert_no',
      openClass: 'restricted',
      size: { small: 2_000, full: 300_000 },
      gateway: { path: '001008001', apiId: 'practitionerVerify', params: ['certNo', 'name'] },
    });
    expect(byId.get('hz-parking-lots')).toMatchObject({ key: 'lot_id', updateFrequency: '实时', size: { small: 3_128, full: 3_128 } });
  });

  it('gives every column a unique name and pinyin, and updated_at a pinyin only for parking', () => {
    for (const definition of datasetDefinitions({ extra: 12 })) {
      const names = definition.columns.map((column) => column.name);
      const pinyin = definition.columns.flatMap((column) => (column.pinyin ? [column.pinyin] : []));
      expect(new Set(names).size, definition.id).toBe(names.length);
      expect(new Set(pinyin).size, definition.id).toBe(pinyin.length);
      expect(names).toContain(definition.key);
      const updatedAt = definition.columns.find((column) => column.name === 'updated_at');
      expect(updatedAt?.type).toBe('datetime');
      expect(updatedAt?.pinyin).toBe(definition.id === 'hz-parking-lots' ? 'GXSJ' : undefined);
    }
  });

  it('generates rows with exactly the declared columns and values of the declared types', () => {
    for (const definition of datasetDefinitions({ extra: 12 })) {
      for (const row of rows(definition, 200)) {
        expect(Object.keys(row).sort(), definition.id).toEqual(definition.columns.map((column) => column.name).sort());
        for (const column of definition.columns) {
          const value = row[column.name];
          if (value === null) {
            expect(column.name, `${definition.id}.${column.name}`).toBe('term_until');
            continue;
          }
          if (column.type === 'string') expect(typeof value).toBe('string');
          if (column.type === 'integer') expect(Number.isInteger(value), `${definition.id}.${column.name}`).toBe(true);
          if (column.type === 'number') expect(typeof value).toBe('number');
          if (column.type === 'date') expect(value).toMatch(DATE);
          if (column.type === 'datetime') expect(value).toMatch(DATETIME);
        }
      }
    }
  });

  it('keeps every row updated no later than its dataset, except live parking data', () => {
    for (const definition of datasetDefinitions({ extra: 30 })) {
      if (definition.id === 'hz-parking-lots') continue;
      const base = Date.parse(definition.baseUpdatedAt);
      for (const row of rows(definition, 300)) {
        expect(Date.parse(row.updated_at as string), definition.id).toBeLessThanOrEqual(base);
      }
    }
  });

  it('generates the same rows for the same seed and different rows for another seed', () => {
    for (const definition of datasetDefinitions({ extra: 3 })) {
      const first = rows(definition, 50, 42);
      expect(rows(definition, 50, 42)).toEqual(first);
      const other = rows(definition, 50, 43);
      expect(other, definition.id).not.toEqual(first);
    }
  });

  it('derives licence and certificate keys from the seed, and lot and facility numbers from the position', () => {
    for (const definition of datasetDefinitions({ extra: 3 })) {
      const keys = (seed: number) => rows(definition, 50, seed).map((row) => row[definition.key]);
      const seeded = ['nb-business-licenses', 'nb-food-licenses', 'zj-medical-practitioners'].includes(definition.id);
      if (seeded) expect(keys(43), definition.id).not.toEqual(keys(42));
      else if (definition.id === 'hz-parking-lots') {
        // The district part follows the seeded location; the lot number is the position.
        const numbers = (seed: number) => keys(seed).map((key) => String(key).slice(-5));
        expect(numbers(43)).toEqual(numbers(42));
        expect(keys(43)).not.toEqual(keys(42));
      } else expect(keys(43), definition.id).toEqual(keys(42));
    }
  });

  it('builds the long-tail catalogue from the index alone', () => {
    const first = datasetDefinitions({ extra: 120 });
    const again = datasetDefinitions({ extra: 120 });
    for (let i = 4; i < first.length; i++) {
      const definition = first[i];
      const twin = again[i];
      if (!definition || !twin) throw new Error('missing definition');
      const { row: _row, ...metadata } = definition;
      const { row: _twinRow, ...twinMetadata } = twin;
      expect(metadata).toEqual(twinMetadata);
      expect(definition.row(5, 3, NOW)).toEqual(twin.row(5, 3, NOW));
      expect(definition.id).toMatch(/^zj-[a-z-]+-3\d{5}-\d{4}$/);
      expect(definition.openClass).toBe('unconditional');
      expect(definition.size.small).toBe(definition.size.full);
      expect(definition.size.small).toBeGreaterThanOrEqual(20);
      expect(definition.size.small).toBeLessThanOrEqual(400);
      expect(definition.columns.map((column) => column.pinyin)).toEqual(expect.arrayContaining(['MC', 'DZ', 'SSQX', 'JD', 'WD']));
    }
    expect(first[4]?.id).toBe('zj-public-toilets-330100-0001');
    const themes = new Set(first.slice(4).map((definition) => definition.theme));
    const publishers = new Set(first.slice(4).map((definition) => definition.publisher));
    const frequencies = new Set(first.slice(4).map((definition) => definition.updateFrequency));
    const cities = new Set(first.slice(4).map((definition) => definition.region));
    expect(themes.size).toBeGreaterThanOrEqual(6);
    expect(publishers.size).toBeGreaterThanOrEqual(100);
    expect(frequencies.size).toBeGreaterThanOrEqual(4);
    expect(cities.size).toBe(11);
  });

  it('places long-tail facilities in the district list of their own city', () => {
    for (const definition of datasetDefinitions({ extra: 22 }).slice(4)) {
      for (const row of rows(definition, definition.size.small)) {
        expect(row.address as string).toContain(row.district as string);
        expect(typeof row.lng === 'number' && row.lng > 118 && row.lng < 123).toBe(true);
        expect(typeof row.lat === 'number' && row.lat > 27 && row.lat < 31.5).toBe(true);
      }
      const keys = rows(definition, definition.size.small).map((row) => row[definition.key]);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

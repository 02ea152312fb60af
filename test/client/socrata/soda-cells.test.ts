import { describe, expect, it } from 'vitest';
import { parseSodaTimestamp } from '../../../src/portals/socrata/floating-timestamp.js';
import { coerceRow, typesFromHeaders } from '../../../src/portals/socrata/soda-types.js';
import { soqlWhere } from '../../../src/portals/socrata/soql-dialect.js';

describe('SODA cells and SoQL literals', () => {
  it('reads floating timestamps as UTC wall time and keeps the zone of fixed ones', () => {
    expect(parseSodaTimestamp('2026-01-02T03:04:05.000')?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(parseSodaTimestamp('2026-01-02')?.toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(parseSodaTimestamp('2026-01-02T03:04:05.000+08:00')?.toISOString()).toBe('2026-01-01T19:04:05.000Z');
    expect(parseSodaTimestamp('not a date')).toBeNull();
    expect(parseSodaTimestamp(42)).toBeNull();
  });

  it('coerces numbers and checkboxes by the declared types and leaves text that is no number', () => {
    const headers = new Headers({ 'x-soda2-fields': '["n","ok","t","bad"]', 'x-soda2-types': '["number","checkbox","text","number"]' });
    const types = typesFromHeaders(headers);
    expect(coerceRow({ n: '12.5', ok: 'true', t: '007', bad: 'n/a' }, types ?? new Map())).toEqual({ n: 12.5, ok: true, t: '007', bad: 'n/a' });
    expect(typesFromHeaders(new Headers({ 'x-soda2-fields': 'nope' }))).toBeUndefined();
  });

  it('builds $where from equality filters with lists, nulls, numbers and doubled quotes', () => {
    expect(soqlWhere({ a: "it's", b: 3, c: true })).toBe("a = 'it''s' AND b = 3 AND c = true");
    expect(soqlWhere({ a: ['x', null] })).toBe("(a = 'x' OR a IS NULL)");
    expect(soqlWhere({ a: ['x', 'y'], 'odd name': 1 })).toBe("a IN ('x', 'y') AND `odd name` = 1");
    expect(soqlWhere({ a: [] })).toBe(':id IS NULL');
  });
});

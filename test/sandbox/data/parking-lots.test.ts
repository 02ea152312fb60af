import { describe, expect, it } from 'vitest';
import { parkingLots } from '../../../src/sandbox/data/index.js';
import { rows } from './rows.js';

/** A time of day in Beijing (UTC+8) on the sandbox's reference day. */
function beijing(time: string): Date {
  return new Date(`2026-11-20T${time}+08:00`);
}

describe('hz-parking-lots', () => {
  const night = rows(parkingLots, parkingLots.size.full, 1, beijing('03:00:00'));
  const noon = rows(parkingLots, parkingLots.size.full, 1, beijing('14:00:00'));

  it('keeps free spaces within 0..total at every hour of the day', () => {
    for (let hour = 0; hour < 24; hour += 3) {
      for (const row of rows(parkingLots, parkingLots.size.full, 1, beijing(`${String(hour).padStart(2, '0')}:17:00`))) {
        expect(Number.isInteger(row.free_spaces)).toBe(true);
        expect(row.free_spaces as number).toBeGreaterThanOrEqual(0);
        expect(row.free_spaces as number).toBeLessThanOrEqual(row.total_spaces as number);
      }
    }
  });

  it('frees up spaces at night and fills them in the afternoon', () => {
    const total = (list: typeof night) => list.reduce((sum, row) => sum + (row.free_spaces as number), 0);
    expect(total(night)).toBeGreaterThan(total(noon) * 1.2);
    const changed = night.filter((row, i) => row.free_spaces !== noon[i]?.free_spaces).length;
    expect(changed / night.length).toBeGreaterThan(0.8);
  });

  it('keeps a lot unchanged within a minute and moves it a little from one minute to the next', () => {
    const early = rows(parkingLots, 500, 1, beijing('09:30:05'));
    const late = rows(parkingLots, 500, 1, beijing('09:30:55'));
    const next = rows(parkingLots, 500, 1, beijing('09:31:05'));
    expect(late).toEqual(early);
    expect(next).not.toEqual(early);
    for (let i = 0; i < early.length; i++) {
      const before = early[i]?.free_spaces as number;
      const after = next[i]?.free_spaces as number;
      expect(Math.abs(after - before)).toBeLessThanOrEqual(Math.ceil((early[i]?.total_spaces as number) * 0.07) + 1);
    }
  });

  it('stamps rows with the sandbox time truncated to the minute', () => {
    const [row] = rows(parkingLots, 1, 1, new Date('2026-11-20T04:30:42.123Z'));
    expect(row?.updated_at).toBe('2026-11-20T04:30:00.000Z');
  });

  it('falls back to the base time when the clock is invalid', () => {
    const row = parkingLots.row(1, 0, new Date(Number.NaN));
    expect(row.updated_at).toBe(parkingLots.baseUpdatedAt);
  });

  it('has 3,128 lots of 20 to 1,500 spaces, about 910k in total, inside Hangzhou', () => {
    const spaces = night.reduce((sum, row) => sum + (row.total_spaces as number), 0);
    expect(night).toHaveLength(3_128);
    expect(spaces).toBeGreaterThan(800_000);
    expect(spaces).toBeLessThan(1_020_000);
    for (const row of night) {
      expect(row.total_spaces as number).toBeGreaterThanOrEqual(20);
      expect(row.total_spaces as number).toBeLessThanOrEqual(1_500);
      expect(row.lng as number).toBeGreaterThan(118.34);
      expect(row.lng as number).toBeLessThan(120.72);
      expect(row.lat as number).toBeGreaterThan(29.18);
      expect(row.lat as number).toBeLessThan(30.57);
      expect(row.lot_id as string).toMatch(/^HZ33\d{4}P\d{5}$/);
      expect(row.address as string).toContain(row.district as string);
      expect((row.lot_id as string).slice(2, 8)).toMatch(/^3301\d\d$/);
    }
    expect(new Set(night.map((row) => row.lot_id)).size).toBe(3_128);
  });
});

import { describe, expect, it } from 'vitest';
import { displayWidth, formatTable } from '../../src/cli/text-table.js';

describe('text tables', () => {
  it('counts Chinese characters and full-width punctuation as two cells', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('停车场')).toBe(6);
    expect(displayWidth('法定代表人（负责人）')).toBe(20);
    expect(displayWidth('')).toBe(0);
  });

  it('aligns columns of mixed Chinese and Latin text', () => {
    const lines = formatTable(['id', 'title', 'rows'], [
      ['hz-parking-lots', '杭州市停车场泊位信息', '3,128'],
      ['nb-food', '食品', '3,000'],
    ]);
    expect(lines).toEqual([
      '  id               title                 rows',
      '  hz-parking-lots  杭州市停车场泊位信息  3,128',
      '  nb-food          食品                  3,000',
    ]);
  });
});

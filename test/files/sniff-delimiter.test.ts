import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from '../../src/files/sniff-delimiter.js';

describe('sniffDelimiter', () => {
  it('picks the delimiter that splits every line into the same number of fields', () => {
    expect(sniffDelimiter('a;b;c\n1;2,5;3\n4;5;6\n')).toBe(';');
    expect(sniffDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(sniffDelimiter('a|b|c\n1|2|3\n')).toBe('|');
  });

  it('ignores delimiters inside quoted text', () => {
    expect(sniffDelimiter('名称;地址\n杭州;"西湖区,文三路,1号"\n宁波;"海曙区,2号"\n')).toBe(';');
  });

  it('falls back to a comma when no candidate appears', () => {
    expect(sniffDelimiter('single column\nvalue\n')).toBe(',');
    expect(sniffDelimiter('')).toBe(',');
  });
});

import { describe, expect, it } from 'vitest';
import { maskPersonalText, maskRecord } from '../../src/privacy/index.js';

describe('maskPersonalText', () => {
  it('masks a full name in a gateway URL, plain or percent-encoded', () => {
    expect(maskPersonalText('GET https://x/verify.htm?certNo=110330100000123&name=张三丰')).toBe('GET https://x/verify.htm?certNo=110330100000123&name=张**');
    const encoded = maskPersonalText(`https://x/verify.htm?name=${encodeURIComponent('张三丰')}`);
    expect(decodeURIComponent(encoded)).toContain('name=张**');
  });

  it('masks resident IDs and phone numbers anywhere, and JSON members of personal columns', () => {
    expect(maskPersonalText('id 330106199001011234 tel 13812345678 {"XM":"李四"}')).toBe('id 330106********1234 tel 138****5678 {"XM":"李*"}');
  });

  it('keeps company names under an ambiguous column', () => {
    expect(maskRecord({ name: '宁波某某餐饮有限公司', XM: '王五' })).toEqual({ name: '宁波某某餐饮有限公司', XM: '王*' });
  });
});

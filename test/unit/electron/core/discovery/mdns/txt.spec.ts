import { describe, expect, it } from 'vitest';
import { MAX_TXT_BYTES, MAX_TXT_STRINGS, MAX_TXT_VALUE_CHARS, parseTxt } from '../../../../../../electron/core/discovery/mdns/txt.js';

const strings = (...items: string[]) => items.map((s) => new TextEncoder().encode(s));

describe('parseTxt', () => {
  it('reads keys case-insensitively, first occurrence wins, valueless keys are present with ""', () => {
    const txt = parseTxt(strings('MACADDRESS=ACCC8E0A0B0C', 'macaddress=ffffffffffff', 'secure', 'path=/a=b'));
    expect(txt.get('macaddress')).toBe('ACCC8E0A0B0C');
    expect(txt.get('secure')).toBe('');
    expect(txt.get('path')).toBe('/a=b');
  });

  it('skips empty strings, bad keys, control-character values; prototype names are plain keys', () => {
    const txt = parseTxt(strings('', '=novalue', 'k\u0001=x', 'name=evil\u001b[31m', '__proto__=polluted', 'constructor=x'));
    expect([...txt.keys()]).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`is bounded: ${MAX_TXT_STRINGS} strings, ${MAX_TXT_BYTES} bytes, ${MAX_TXT_VALUE_CHARS}-character values`, () => {
    const many = parseTxt(strings(...Array.from({ length: 500 }, (_, i) => `k${i}=v`)));
    expect(many.size).toBe(MAX_TXT_STRINGS);
    const big = parseTxt(strings(...Array.from({ length: 20 }, (_, i) => `k${i}=${'x'.repeat(250)}`)));
    expect(big.size).toBeLessThan(20);
    expect([...big.values()].every((v) => v.length <= MAX_TXT_VALUE_CHARS)).toBe(true);
  });
});

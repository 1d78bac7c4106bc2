import { describe, expect, it } from 'vitest';
import { SeenKeys } from '../../../../../electron/core/discovery/seen-keys.js';

describe('SeenKeys', () => {
  it('answers first time, then repeat', () => {
    const seen = new SeenKeys(10);
    expect(seen.firstTime('a')).toBe(true);
    expect(seen.firstTime('a')).toBe(false);
    expect(seen.firstTime('b')).toBe(true);
  });

  it('holds 44 characters per key however large the text offered (a 366 KiB forged observation)', () => {
    const seen = new SeenKeys(100);
    const huge = '\\u0001'.repeat(62_500); // what JSON makes of 62,500 control characters
    for (let i = 0; i < 50; i++) expect(seen.firstTime(`${i}${huge}`)).toBe(true);
    expect(seen.keyChars).toBe(50 * 44);
    expect(seen.firstTime(`7${huge}`)).toBe(false);
  });

  it('stops remembering at its count limit: new text is still new, and memory stays put', () => {
    const seen = new SeenKeys(1000);
    for (let i = 0; i < 5000; i++) seen.firstTime(`key ${i}`);
    expect(seen.size).toBe(1000);
    expect(seen.firstTime('key 10')).toBe(false); // remembered before the cap
    expect(seen.firstTime('key 4000')).toBe(true); // seen after the cap: handled again, not stored
    expect(seen.size).toBe(1000);
  });
});

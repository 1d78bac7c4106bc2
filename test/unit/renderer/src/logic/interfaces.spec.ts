import { describe, expect, it } from 'vitest';
import { pickerSummary, scanInterfacesArg } from '../../../../../renderer/src/logic/interfaces.js';

const all = ['eth0', 'wlan0', 'usb0'];

describe('scanInterfacesArg', () => {
  it('leaves the choice to the core when every interface is picked', () => {
    expect(scanInterfacesArg(all, new Set(all))).toBeUndefined();
    expect(scanInterfacesArg([], new Set())).toBeUndefined();
  });
  it('names the picked interfaces in list order', () => {
    expect(scanInterfacesArg(all, new Set(['usb0', 'eth0']))).toEqual(['eth0', 'usb0']);
  });
});

describe('pickerSummary', () => {
  it('says what the next scan will probe', () => {
    expect(pickerSummary(all, new Set(all))).toBe('All interfaces (3)');
    expect(pickerSummary(all, new Set(['wlan0']))).toBe('wlan0');
    expect(pickerSummary(['a', 'b', 'c', 'd'], new Set(['a', 'b', 'c']))).toBe('3 of 4 interfaces');
    expect(pickerSummary(all, new Set())).toBe('No interface');
  });
});

import { describe, expect, it } from 'vitest';
import { vendorForMac } from '../../../../../electron/core/identity/oui.js';

describe('vendorForMac', () => {
  it('names camera vendors from the IEEE registry, first line only', () => {
    expect(vendorForMac('00:40:8c:12:34:56')).toBe('Axis Communications AB');
    expect(vendorForMac('AC-CC-8E-01-02-03')).toBe('Axis Communications AB');
    expect(vendorForMac('68:6d:bc:5c:b1:5d')).toBe('Hangzhou Hikvision Digital Technology Co.,Ltd.');
    expect(vendorForMac('9c8ecd0a0b0c')).toBe('Amcrest Technologies');
  });

  it('prefers the longer MA-M and MA-S blocks over the shared IEEE block', () => {
    expect(vendorForMac('1c:ca:e3:71:22:33')).toBe('Bird Home Automation GmbH'); // DoorBird, MA-M 1CCAE37
    expect(vendorForMac('1c:ca:e3:31:22:33')).toBe('Shenzhen Smart Device Technology Co.,LTD');
    expect(vendorForMac('00:1b:c5:00:01:23')).toBe('Converging Systems Inc.'); // MA-S 001BC5000
    expect(vendorForMac('00:1b:c5:00:11:23')).toBe('OpenRB.com, Direct SIA'); // MA-S 001BC5001
  });

  it('shows no vendor for random MACs, hidden or unassigned blocks, or garbage', () => {
    expect(vendorForMac('02:40:8c:12:34:56')).toBeNull(); // Axis prefix, but locally administered
    expect(vendorForMac('1c:ca:e3:01:22:33')).toBeNull(); // "Private" MA-M block
    expect(vendorForMac('f4:00:00:01:02:03')).toBeNull(); // unassigned
    expect(vendorForMac('01:00:5e:00:00:fb')).toBeNull();
    expect(vendorForMac('garbage')).toBeNull();
  });
});

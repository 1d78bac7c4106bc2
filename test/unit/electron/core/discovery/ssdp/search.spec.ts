import { describe, expect, it } from 'vitest';
import { parseSsdpMessage } from '../../../../../../electron/core/discovery/ssdp/headers.js';
import { buildMSearch, searchSchedule, SSDP_MX } from '../../../../../../electron/core/discovery/ssdp/search.js';

describe('buildMSearch', () => {
  it('asks with MX ≤ 2 (answers land inside the Windows 3-s firewall window) and the quoted MAN', () => {
    const text = buildMSearch('ssdp:all');
    expect(text).toMatch(/^M-SEARCH \* HTTP\/1\.1\r\n/);
    expect(text).toContain('HOST: 239.255.255.250:1900\r\n');
    expect(text).toContain('MAN: "ssdp:discover"\r\n');
    expect(text).toContain('ST: ssdp:all\r\n');
    expect(text.endsWith('\r\n\r\n')).toBe(true);
    expect(SSDP_MX).toBeLessThanOrEqual(2);
    for (const mx of [0, 1, 2, 3, 5, 120]) {
      const sent = Number(parseSsdpMessage(new TextEncoder().encode(buildMSearch('upnp:rootdevice', mx)))?.headers.get('mx'));
      expect(sent).toBeGreaterThanOrEqual(1);
      expect(sent).toBeLessThanOrEqual(2);
    }
  });
});

describe('searchSchedule', () => {
  it('sends twice at the start and re-searches every 10 s while a long scan runs', () => {
    expect(searchSchedule(3000)).toEqual([0, 400]);
    expect(searchSchedule(35_000)).toEqual([0, 400, 10_000, 20_000, 30_000]);
    expect(searchSchedule(300)).toEqual([0]);
  });
});

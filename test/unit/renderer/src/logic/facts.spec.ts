import { describe, expect, it } from 'vitest';
import { factGroups, macIsHint } from '../../../../../renderer/src/logic/facts.js';
import { makeDevice } from '../../../../support/devices.js';

const at = '2026-11-25T10:02:03.000Z';

describe('factGroups', () => {
  it('lists every fact in a fixed order and flags names the core marked as conflicting', () => {
    const device = makeDevice({
      facts: {
        model: [
          { value: 'P1375', source: 'wsd-scope', at, hint: false },
          { value: 'P1375-E', source: 'onvif', at, hint: false },
        ],
        mac: [{ value: '00:40:8c:12:34:56', source: 'arp', at, hint: false }],
        serial: [],
      },
      conflicts: ['model'],
    });
    const groups = factGroups(device);
    expect(groups.map((g) => [g.name, g.facts.length, g.conflict])).toEqual([
      ['mac', 1, false],
      ['model', 2, true],
    ]);
  });
});

describe('macIsHint', () => {
  it('is true when the MAC shown was inferred from the endpoint UUID, false when read from ARP', () => {
    const hinted = makeDevice({
      macSource: 'uuid-suffix',
      facts: { mac: [{ value: '00:40:8c:12:34:56', source: 'uuid-suffix', at, hint: true }] },
    });
    expect(macIsHint(hinted)).toBe(true);
    expect(macIsHint(makeDevice())).toBe(false);
    expect(macIsHint(makeDevice({ mac: null }))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../../electron/hosts/cli-table.js';
import type { Device } from '../../../../shared/device.js';

const device = (over: Partial<Device>): Device => ({
  id: 'dev-1',
  mac: '00:40:8c:12:34:56',
  macSource: 'arp',
  ip: '198.18.1.1',
  vendor: 'Axis Communications AB',
  manufacturer: null,
  model: 'M1065-L',
  name: 'AXIS M1065-L',
  serial: null,
  firmware: null,
  isCamera: true,
  sources: ['wsd'],
  online: true,
  firstSeen: '2026-11-25T10:00:00.000Z',
  lastSeen: '2026-11-25T10:00:00.000Z',
  interface: 'lab0',
  onvif: null,
  facts: {},
  conflicts: [],
  cloud: { state: 'unknown', channelId: null, cameraId: null, since: null, message: null },
  auth: null,
  cloudAgent: null,
  ...over,
});

describe('CLI table', () => {
  it('lines up one row per device under a header', () => {
    const lines = formatTable([device({}), device({ id: 'dev-2', mac: null, ip: '198.18.1.20', name: 'x' })]).split('\n');
    expect(lines[0]).toMatch(/^MAC\s+IP\s+VENDOR\s+MODEL\s+NAME\s+SOURCES$/);
    expect(lines[1]).toContain('00:40:8c:12:34:56  198.18.1.1');
    expect(lines[2]).toMatch(/^—\s+198\.18\.1\.20/);
    expect(lines[1]?.indexOf('198.18.1.1')).toBe(lines[2]?.indexOf('198.18.1.20'));
  });

  it('never lets a camera name move the cursor or rewrite the terminal', () => {
    const out = formatTable([device({ name: 'cam\u001b[2J\u001b[Hevil\r\u202e' })]);
    expect(out).not.toMatch(/[\u001b\r\u202e]/);
    expect(out).toContain('cam?[2J?[Hevil??');
  });
});

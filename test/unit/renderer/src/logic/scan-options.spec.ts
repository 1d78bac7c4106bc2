import { describe, expect, it } from 'vitest';
import { scanCommands } from '../../../../../shared/contract/scan.js';
import {
  checkScanOptions,
  initialScanOptions,
  toggleProtocol,
  type ScanOptionsForm,
} from '../../../../../renderer/src/logic/scan-options.js';

const form = (patch: Partial<ScanOptionsForm>): ScanOptionsForm => ({ ...initialScanOptions, ...patch });
const args = (patch: Partial<ScanOptionsForm>) => {
  const check = checkScanOptions(form(patch));
  if (!check.ok) throw new Error(check.errors.join(' '));
  return check;
};

describe('checkScanOptions', () => {
  it('asks for nothing extra by default: all protocols, no sweep', () => {
    expect(args({}).args).toEqual({});
  });

  it('lists only the protocols ticked, and refuses none', () => {
    expect(args({ protocols: new Set(['wsd', 'mdns']) }).args).toEqual({ protocols: ['wsd', 'mdns'] });
    const none = checkScanOptions(form({ protocols: new Set() }));
    expect(none.ok).toBe(false);
    expect(!none.ok && none.errors).toEqual(['Pick at least one protocol to listen with.']);
  });

  it('turns typed ranges and ports into a sweep, canonical and de-duplicated, and counts the addresses', () => {
    const check = args({ cidrs: '198.19.0.7/24, 198.19.0.0/24\n198.19.1.5', ports: '80 8080,80' });
    expect(check.args).toEqual({ sweep: { cidrs: ['198.19.0.0/24', '198.19.1.5/32'], ports: [80, 8080] } });
    expect(check.addresses).toBe(255);
  });

  it('holds a range wider than /16 until the technician confirms it', () => {
    const refused = checkScanOptions(form({ cidrs: '10.0.0.0/8' }));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.needsConfirm).toBe(true);
    expect(!refused.ok && refused.errors[0]).toContain('need confirmation');
    expect(args({ cidrs: '10.0.0.0/8', confirmLarge: true }).args).toEqual({ sweep: { cidrs: ['10.0.0.0/8'], confirmLarge: true } });
    // A /16 needs no confirmation.
    expect(args({ cidrs: '198.19.0.0/16' }).args.sweep).toEqual({ cidrs: ['198.19.0.0/16'] });
  });

  it('says what is wrong with bad ranges and ports, never sending them', () => {
    const bad = checkScanOptions(form({ cidrs: 'camera.local 127.0.0.0/8', ports: '0 99999 http' }));
    expect(bad.ok).toBe(false);
    const errors = bad.ok ? [] : bad.errors;
    expect(errors.some((e) => e.includes('"camera.local" is not a range'))).toBe(true);
    expect(errors.some((e) => e.includes('loopback'))).toBe(true);
    expect(errors.filter((e) => e.includes('is not a port'))).toHaveLength(3);
    expect(checkScanOptions(form({ ports: '80' })).ok).toBe(false);
  });

  it('keeps to the contract bounds (16 ranges, 16 ports)', () => {
    const many = Array.from({ length: 17 }, (_, i) => `198.19.${i}.0/24`).join(',');
    expect(checkScanOptions(form({ cidrs: many })).ok).toBe(false);
    const sixteen = args({
      cidrs: many.split(',').slice(0, 16).join(','),
      ports: Array.from({ length: 16 }, (_, i) => 8000 + i).join(' '),
    });
    expect(scanCommands['scan.start'].args.safeParse(sixteen.args).success).toBe(true);
  });

  it('toggles protocols without touching the rest of the form', () => {
    const next = toggleProtocol(form({ cidrs: 'x' }), 'ssdp', false);
    expect([...next.protocols]).toEqual(['wsd', 'mdns']);
    expect(next.cidrs).toBe('x');
  });
});

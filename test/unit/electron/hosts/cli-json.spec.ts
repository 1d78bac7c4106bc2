import { describe, expect, it } from 'vitest';
import { writeScanJson } from '../../../../electron/hosts/cli-json.js';
import type { ScanDiagnostics } from '../../../../shared/contract.js';
import type { Device } from '../../../../shared/device.js';
import { makeDevice } from '../../../support/devices.js';

const diagnostics = {
  scanId: 's',
  startedAt: 't',
  interfaces: [],
  skipped: [],
  probesSent: 0,
  repliesReceived: 0,
  dropped: 0,
  nonCameras: 0,
  durationMs: 0,
  errors: [],
} satisfies ScanDiagnostics;

const print = (devices: Device[]) => {
  const chunks: string[] = [];
  writeScanJson({ write: (t) => chunks.push(t) }, devices, diagnostics);
  return chunks.join('');
};

describe('scan --json writer', () => {
  it('prints the same document JSON.stringify would, for any number of devices', () => {
    for (const n of [0, 1, 1200]) {
      const devices = Array.from({ length: n }, (_, i) => makeDevice({ id: `d${i}` }));
      const text = print(devices);
      expect(text.endsWith('\n')).toBe(true);
      expect(JSON.parse(text)).toEqual({ devices, diagnostics });
    }
  });

  it('leaves out a record that cannot be serialised, says so, and still prints valid JSON', () => {
    const bad = makeDevice({ id: 'bad' }) as Device & { self?: unknown };
    bad.self = bad; // a cycle: JSON.stringify throws, as it would for a record too large for one string
    const doc = JSON.parse(print([makeDevice({ id: 'good' }), bad]));
    expect(doc.devices.map((d: Device) => d.id)).toEqual(['good']);
    expect(doc.diagnostics.errors).toEqual(['1 device records were too large to print and were left out.']);
  });
});

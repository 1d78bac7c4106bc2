/**
 * The CLI with the real core on fake ports (no sockets: the UDP factory throws, the one source is scripted),
 * so the exit codes follow from the core's own diagnostics, not from a fake's.
 */
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core/core.js';
import type { DiscoverySource } from '../../../../electron/core/discovery/source.js';
import { EXIT } from '../../../../electron/hosts/cli-args.js';
import { runCli } from '../../../../electron/hosts/cli.js';
import { systemClock } from '../../../../electron/platform/clock.js';
import type { Ports } from '../../../../electron/platform/ports.js';
import { createMemoryAuditLog } from '../../../../electron/platform/audit-log.js';
import { createMemorySecretStore } from '../../../../electron/platform/secrets.js';
import { createMemorySettings } from '../../../../electron/platform/settings.js';

const quietSource: DiscoverySource = {
  name: 'wsd',
  listen: async () => {},
  close: async () => {},
  scan: async () => ({ probesSent: 1, repliesReceived: 0, dropped: 0, errors: [], skipped: [] }),
};

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    createCore: (allowedInterfaces, log) => {
      const ports: Ports = {
        udp: () => {
          throw new Error('no sockets in unit tests');
        },
        clock: systemClock,
        log,
        settings: createMemorySettings(),
        network: { interfaces: () => [{ name: 'lab0', address: '198.18.0.2', netmask: '255.254.0.0', cidr: '198.18.0.2/15', mac: null }] },
        neighbours: { read: async () => [] },
        http: { request: async () => ({ ok: false as const, kind: 'network' as const, message: 'no network in unit tests' }) },
        secrets: createMemorySecretStore(),
        audit: createMemoryAuditLog(),
      };
      return createCore(ports, { allowedInterfaces, sources: [quietSource] });
    },
    stdout: { write: (t) => out.push(t) },
    stderr: { write: (t) => err.push(t) },
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('CLI with the real core', () => {
  it('exits 0 with "No cameras answered" when the scan ran on an interface and nothing answered', async () => {
    const r = await cli(['scan', '--timeout', '200', '--interface', 'lab0']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toBe('No cameras answered.\n');
  });

  it('exits 3 and says why when the only --interface does not exist', async () => {
    const r = await cli(['scan', '--json', '--timeout', '200', '--interface', 'wlan9']);
    expect(r.code).toBe(EXIT.couldNotScan);
    expect(JSON.parse(r.stdout)).toMatchObject({ devices: [], diagnostics: { interfaces: [], skipped: [{ name: 'wlan9' }] } });
    expect(r.stderr).toContain('Could not scan: no interface was probed. Interface wlan9 does not exist or has no IPv4 address');
  });
});

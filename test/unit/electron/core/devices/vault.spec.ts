/**
 * The credential vault: what the technician can list after saving (names and scope, never the user name or
 * password), the order sets are tried in, where passwords live, and the memory-only warning.
 */
import { describe, expect, it } from 'vitest';
import { createCredentialVault, secretName } from '../../../../../electron/core/devices/vault.js';
import { createCore } from '../../../../../electron/core/core.js';
import { createMemoryAuditLog } from '../../../../../electron/platform/audit-log.js';
import { systemClock } from '../../../../../electron/platform/clock.js';
import type { Ports } from '../../../../../electron/platform/ports.js';
import { createMemorySecretStore, type SecretStore } from '../../../../../electron/platform/secrets.js';
import { createMemorySettings } from '../../../../../electron/platform/settings.js';
import { dispatch } from '../../../../../shared/dispatch.js';

const PASSWORD = 'Vault-Päss-42';
const USER = 'operator-sam';

/** A store that says it persists (like the encrypted one), holding values in a map we can inspect. */
function persistentStore(): SecretStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: async (n) => values.get(n) ?? null,
    set: async (n, v) => void values.set(n, v),
    delete: async (n) => void values.delete(n),
    persistent: true,
    warning: null,
  };
}

const camera = { mac: '00:40:8c:12:34:56', ip: '198.18.0.10', vendor: 'Axis Communications AB', manufacturer: 'AXIS' };

describe('credential vault', () => {
  it('lists names and scope only; the password sits in the secret store, the user name only in settings', async () => {
    const secrets = persistentStore();
    const settings = createMemorySettings();
    const vault = createCredentialVault({ secrets, settings });
    const listed = await vault.save({ name: 'site default', scope: 'site', match: null, username: USER, password: PASSWORD });
    expect(listed).toEqual({ sets: [{ name: 'site default', scope: 'site', match: null }], persistent: true, warning: null });
    expect(JSON.stringify(listed)).not.toContain(USER);
    expect(secrets.values.get(secretName('site default'))).toBe(PASSWORD);
    expect(JSON.stringify(settings.get('credentials'))).not.toContain(PASSWORD);
    // A new vault over the same stores (an app restart) still has the set.
    const again = createCredentialVault({ secrets, settings });
    expect((await again.setsFor(camera)).map((s) => s.name)).toEqual(['site default']);
    await again.remove('site default');
    expect(secrets.values.size).toBe(0);
    expect((await again.list()).sets).toEqual([]);
  });

  it('tries camera sets first, then vendor, then site, each in saved order; the environment set last', async () => {
    const vault = createCredentialVault({
      secrets: persistentStore(),
      settings: createMemorySettings(),
      env: { CAMERA_FINDER_CAMERA_USER: 'root', CAMERA_FINDER_CAMERA_PASSWORD: 'env-pw' },
    });
    await vault.save({ name: 'site A', scope: 'site', match: null, username: 'a', password: 'a' });
    await vault.save({ name: 'hikvision', scope: 'vendor', match: 'hikvision', username: 'h', password: 'h' });
    await vault.save({ name: 'axis', scope: 'vendor', match: 'axis', username: 'x', password: 'x' });
    await vault.save({ name: 'site B', scope: 'site', match: null, username: 'b', password: 'b' });
    await vault.save({ name: 'this camera', scope: 'camera', match: '00-40-8C-12-34-56', username: 'c', password: 'c' });
    await vault.save({ name: 'other camera', scope: 'camera', match: '198.18.0.11', username: 'o', password: 'o' });
    expect((await vault.setsFor(camera)).map((s) => s.name)).toEqual(['this camera', 'axis', 'site A', 'site B', 'environment']);
    expect((await vault.list()).sets.at(-1)).toEqual({ name: 'environment', scope: 'site', match: null });
  });

  it('keeps everything in memory with the store warning when passwords cannot persist', async () => {
    const settings = createMemorySettings();
    const vault = createCredentialVault({ secrets: createMemorySecretStore('kept in memory only'), settings });
    const listed = await vault.save({ name: 'site', scope: 'site', match: null, username: USER, password: PASSWORD });
    expect(listed).toMatchObject({ persistent: false, warning: 'kept in memory only' });
    expect(settings.get('credentials')).toBeUndefined();
  });

  it('refuses a vendor or camera set with nothing to match, with a sentence', async () => {
    const vault = createCredentialVault({ secrets: persistentStore(), settings: createMemorySettings() });
    await expect(vault.save({ name: 'v', scope: 'vendor', match: ' ', username: 'u', password: 'p' })).rejects.toThrow(
      'needs a vendor name',
    );
  });
});

describe('credentials.* through the core', () => {
  it('never puts the password or user name in a result, an event, the log or the audit log', async () => {
    const logs: string[] = [];
    const events: string[] = [];
    const audit = createMemoryAuditLog();
    const log = (m: string, f?: unknown) => void logs.push(`${m} ${JSON.stringify(f ?? {})}`);
    const ports: Ports = {
      udp: () => {
        throw new Error('no sockets');
      },
      clock: systemClock,
      log: { debug: log, info: log, warn: log, error: log },
      settings: createMemorySettings(),
      network: { interfaces: () => [] },
      neighbours: { read: async () => [] },
      http: { request: async () => ({ ok: false as const, kind: 'network' as const, message: 'no network' }) },
      secrets: createMemorySecretStore(),
      audit,
    };
    const core = createCore(ports, { sources: [], credentialStore: createMemorySecretStore('memory only') });
    core.on('device-updated', (e) => events.push(JSON.stringify(e)));
    const results = [
      await dispatch(core, 'credentials.save', { name: 'site', scope: 'site', match: null, username: USER, password: PASSWORD }),
      await dispatch(core, 'credentials.list', {}),
      await dispatch(core, 'identify.run', {}),
      await dispatch(core, 'credentials.remove', { name: 'site' }),
    ];
    expect(results[1]).toEqual({
      ok: true,
      value: { sets: [{ name: 'site', scope: 'site', match: null }], persistent: false, warning: 'memory only' },
    });
    const everything = [JSON.stringify(results), events.join(''), logs.join(''), JSON.stringify(await audit.list(100))].join('\n');
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(USER);
    // The password went to the store the host passed (memory), not to the app's keychain (ports.secrets).
    expect(await ports.secrets.get(secretName('site'))).toBeNull();
    await core.close();
  });
});

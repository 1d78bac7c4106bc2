import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, createIpcGate } from '../../../../electron/hosts/ipc-gate.js';
import { silentLogger } from '../../../../electron/platform/logger.js';
import { fakeHandlers } from '../../../support/fake-handlers.js';

const handlers = () => fakeHandlers({ 'scan.start': { scanId: 's' } });

describe('IPC gate (Electron front door)', () => {
  it('answers our own page', async () => {
    const h = handlers();
    expect(await createIpcGate(h, silentLogger)(`${APP_ORIGIN}/index.html`, 'scan.start', { timeoutMs: 1000 })).toEqual({
      ok: true,
      value: { scanId: 's' },
    });
  });

  it.each([undefined, 'https://evil.example/', 'file:///etc/passwd', `${APP_ORIGIN}.evil.example/`, 'app://camera-finderx/'])(
    'refuses a call from %s without reaching the core',
    async (sender) => {
      const h = handlers();
      expect(await createIpcGate(h, silentLogger)(sender, 'scan.start', {})).toMatchObject({ ok: false, code: 'unauthorized' });
      expect(h['scan.start']).not.toHaveBeenCalled();
    },
  );

  it('refuses arguments the contract rejects', async () => {
    const h = handlers();
    expect(await createIpcGate(h, silentLogger)(`${APP_ORIGIN}/`, 'scan.start', { timeoutMs: -1 })).toMatchObject({
      ok: false,
      code: 'invalid-args',
    });
    expect(h['scan.start']).not.toHaveBeenCalled();
  });
});

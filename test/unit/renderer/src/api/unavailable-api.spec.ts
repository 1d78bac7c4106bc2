import { describe, expect, it } from 'vitest';
import { MISSING_TOKEN_MESSAGE } from '../../../../../renderer/src/api/choose-api.js';
import { getIpcApi } from '../../../../../renderer/src/api/ipc-api.js';
import { createUnavailableApi } from '../../../../../renderer/src/api/unavailable-api.js';

describe('createUnavailableApi', () => {
  it('answers every command with the sentence that says what to do', async () => {
    const api = createUnavailableApi(MISSING_TOKEN_MESSAGE);
    await expect(api['devices.list']({})).resolves.toEqual({ ok: false, code: 'unavailable', message: MISSING_TOKEN_MESSAGE });
    await expect(api['scan.start']({})).resolves.toMatchObject({ ok: false });
    expect(typeof api.on('device-found', () => undefined)).toBe('function');
  });
});

describe('getIpcApi', () => {
  it('returns the preload bridge when the page runs in the Electron window, else null', () => {
    const bridge = createUnavailableApi('x');
    expect(getIpcApi({ cameraFinder: bridge })).toBe(bridge);
    expect(getIpcApi({})).toBeNull();
  });
});

/** What the register dialog sends: exactly the passwords typed, and only for cameras that have an ID. */
import { describe, expect, it } from 'vitest';
import { planRows, registerArgs } from '../../../../../renderer/src/logic/register-plan.js';
import { makeDevice } from '../../../../support/devices.js';

const lobby = makeDevice();
const gate = makeDevice({ id: 'mac:ac:cc:8e:00:00:02', mac: 'ac:cc:8e:00:00:02', serial: null, name: 'Gate' });

describe('register plan', () => {
  it('shows the camera ID the configured format gives', () => {
    expect(planRows([lobby], 'mac-plain')[0]?.cameraId).toBe('00408C123456');
    expect(planRows([lobby], 'mac-colon')[0]?.cameraId).toBe('00:40:8C:12:34:56');
    expect(planRows([lobby, gate], 'serial').map((row) => row.cameraId)).toEqual(['ACCC8E123456', null]);
  });

  it('sends one password per camera, untrimmed', () => {
    const rows = planRows([lobby, gate], 'mac-plain');
    const args = registerArgs(rows, { same: false, shared: '', perCamera: { [lobby.id]: ' sticker1 ', [gate.id]: 'sticker2' } });
    expect(args).toEqual({
      cameras: [
        { deviceId: lobby.id, mac: lobby.mac, name: 'Lobby', password: ' sticker1 ' },
        { deviceId: gate.id, mac: gate.mac, name: 'Gate', password: 'sticker2' },
      ],
    });
  });

  it('uses the shared password for every camera when "same for all" is on', () => {
    const rows = planRows([lobby, gate], 'mac-plain');
    const args = registerArgs(rows, { same: true, shared: 'one', perCamera: { [lobby.id]: 'ignored' } });
    expect('cameras' in args && args.cameras.map((camera) => camera.password)).toEqual(['one', 'one']);
  });

  it('says which camera still needs a password, and refuses cameras without an ID', () => {
    const rows = planRows([lobby, gate], 'mac-plain');
    expect(registerArgs(rows, { same: false, shared: '', perCamera: { [lobby.id]: 'x' } })).toEqual({
      problem: 'Enter the sticker password for ac:cc:8e:00:00:02.',
    });
    expect(registerArgs(planRows([gate], 'serial'), { same: true, shared: 'x', perCamera: {} })).toEqual({
      problem: '1 selected camera(s) have no MAC or serial to use as camera ID; untick them.',
    });
    expect(registerArgs([], { same: true, shared: 'x', perCamera: {} })).toEqual({ problem: 'Select at least one camera in the table.' });
  });
});

/** The move dialog's plan and arguments: old-account fields only when asked, secrets exactly as typed. */
import { describe, expect, it } from 'vitest';
import { moveArgs, movePlan, type MoveForm } from '../../../../../renderer/src/logic/move-plan.js';

const form = (overrides: Partial<MoveForm> = {}): MoveForm => ({
  password: ' sticker ',
  method: 'write-token',
  deleteOld: false,
  previous: { provisioningUrl: '', provisioningUser: '', provisioningPassword: '', apiUrl: '', licenseKey: '' },
  ...overrides,
});

describe('move plan', () => {
  it('lists delete-old steps as skipped unless asked, then register, then write or clear', () => {
    expect(movePlan('write-token', false).map((s) => [s.step, s.runs])).toEqual([
      ['delete-old-record', false],
      ['register', true],
      ['write-token', true],
      ['delete-old-channel', false],
    ]);
    expect(movePlan('clear-token', true).map((s) => [s.step, s.runs])).toEqual([
      ['delete-old-record', true],
      ['register', true],
      ['clear-token', true],
      ['delete-old-channel', true],
    ]);
  });

  it('sends the sticker password exactly as typed and no old-account fields unless the box is ticked', () => {
    const old = { provisioningUrl: 'https://old', provisioningUser: 'u', provisioningPassword: 'p', apiUrl: '', licenseKey: '' };
    expect(moveArgs('d1', form({ previous: old }))).toEqual({ args: { deviceId: 'd1', password: ' sticker ', method: 'write-token' } });
  });

  it('sends the old account’s credentials (trimmed URLs and user, secrets as typed) when asked', () => {
    const previous = {
      provisioningUrl: ' https://old/v1/token ',
      provisioningUser: ' u ',
      provisioningPassword: ' p ',
      apiUrl: 'https://api.old',
      licenseKey: 'k',
    };
    expect(moveArgs('d1', form({ deleteOld: true, method: 'clear-token', previous }))).toEqual({
      args: {
        deviceId: 'd1',
        password: ' sticker ',
        method: 'clear-token',
        previous: {
          provisioningUrl: 'https://old/v1/token',
          provisioningUser: 'u',
          provisioningPassword: ' p ',
          apiUrl: 'https://api.old',
          licenseKey: 'k',
        },
      },
    });
  });

  it('refuses what the core would refuse: no sticker password, too long, half the old credentials', () => {
    expect(moveArgs('d1', form({ password: '' }))).toHaveProperty('problem');
    expect(moveArgs('d1', form({ password: 'x'.repeat(257) }))).toHaveProperty('problem');
    const partial = { provisioningUrl: '', provisioningUser: 'u', provisioningPassword: '', apiUrl: '', licenseKey: '' };
    expect(moveArgs('d1', form({ deleteOld: true, previous: partial }))).toHaveProperty('problem');
  });
});

/** Where a lab camera connects with a token (test/sim/provisioning/http-camera-side.ts): the cloud the token names. */
import { describe, expect, it } from 'vitest';
import { mintToken } from '../../sim/cloud/state.js';
import { cloudUrlOf } from '../../sim/provisioning/http-camera-side.js';

describe('cloudUrlOf', () => {
  it("takes the token's cam host and the provisioning URL's port", () => {
    const token = mintToken({ camid: 1001, cmngrid: 6001, access: 'all', host: '198.18.0.11' });
    expect(cloudUrlOf(token, 'http://198.18.0.10:8080')).toBe('http://198.18.0.11:8080');
    expect(cloudUrlOf(token, undefined)).toBe('http://198.18.0.11:8080');
  });

  it('falls back to the provisioning URL for a token it cannot read, and gives nothing without one', () => {
    expect(cloudUrlOf('lab-cloud-token', 'http://198.18.0.10:8080')).toBe('http://198.18.0.10:8080');
    expect(cloudUrlOf('lab-cloud-token', undefined)).toBe('');
  });

  it('ignores a cam host that is not a plain host name or address', () => {
    const hostile = Buffer.from('{"cam": "evil/path?x=1", "token": "t"}').toString('base64');
    expect(cloudUrlOf(hostile, 'http://198.18.0.10:8080')).toBe('http://198.18.0.10:8080');
  });
});

import { describe, expect, it } from 'vitest';
import { checkUpgrade, hostAllowed, originAllowed, parseTarget } from '../../../../electron/hosts/request-gate.js';

const loopback = { host: '127.0.0.1', port: 8123 };
const token = 'secret-token-value';

describe('request gate', () => {
  it.each([['//a:99999/ws'], ['http://[::1/ws'], ['*'], [''], [undefined], ['/' + 'a'.repeat(5000)], ['ws']])(
    'cannot parse the target %j, without throwing',
    (target) => {
      expect(parseTarget(target)).toBeNull();
    },
  );

  it('reads path and token from an origin-form target', () => {
    const t = parseTarget('/ws?token=abc%2Bd');
    expect(t?.path).toBe('/ws');
    expect(t?.query.get('token')).toBe('abc+d');
  });

  it.each([['127.0.0.1:8123'], ['localhost:8123'], ['[::1]:8123'], ['LOCALHOST:8123']])('accepts Host %s on a loopback server', (host) => {
    expect(hostAllowed(host, loopback)).toBe(true);
  });

  it.each([['evil.example:8123'], ['127.0.0.1:8124'], ['127.0.0.1'], ['10.0.0.5:8123'], [''], [undefined], ['127.0.0.1:8123:1'], ['[::1']])(
    'refuses Host %j on a loopback server',
    (host) => {
      expect(hostAllowed(host, loopback)).toBe(false);
    },
  );

  it('accepts the bound address, or any IP literal on a wildcard bind, but never another DNS name', () => {
    expect(hostAllowed('192.168.1.10:8123', { host: '192.168.1.10', port: 8123 })).toBe(true);
    expect(hostAllowed('192.168.1.11:8123', { host: '192.168.1.10', port: 8123 })).toBe(false);
    expect(hostAllowed('10.1.2.3:8123', { host: '0.0.0.0', port: 8123 })).toBe(true);
    expect(hostAllowed('camera-box.evil.example:8123', { host: '0.0.0.0', port: 8123 })).toBe(false);
  });

  it('checks the Origin against the same names and port', () => {
    expect(originAllowed('http://127.0.0.1:8123', loopback)).toBe(true);
    expect(originAllowed('http://localhost:8123', loopback)).toBe(true);
    expect(originAllowed('https://127.0.0.1:8123', loopback)).toBe(false);
    expect(originAllowed('http://127.0.0.1:8124', loopback)).toBe(false);
    expect(originAllowed('null', loopback)).toBe(false);
    expect(originAllowed(undefined, loopback)).toBe(true);
  });

  it('refuses in order: bad target 400, foreign Host 403, path 404, token 401, Origin 403', () => {
    const host = '127.0.0.1:8123';
    expect(checkUpgrade({ url: '//a:99999/ws', headers: { host } }, loopback, token)).toMatchObject({ status: '400 Bad Request' });
    expect(checkUpgrade({ url: `/ws?token=${token}`, headers: { host: 'evil:8123' } }, loopback, token)).toMatchObject({
      status: '403 Forbidden',
      why: 'host',
    });
    expect(checkUpgrade({ url: `/x?token=${token}`, headers: { host } }, loopback, token)).toMatchObject({ status: '404 Not Found' });
    expect(checkUpgrade({ url: '/ws?token=nope', headers: { host } }, loopback, token)).toMatchObject({ status: '401 Unauthorized' });
    expect(checkUpgrade({ url: `/ws?token=${token}`, headers: { host, origin: 'http://evil.example' } }, loopback, token)).toMatchObject({
      why: 'origin',
    });
    expect(checkUpgrade({ url: `/ws?token=${token}`, headers: { host, origin: 'http://127.0.0.1:8123' } }, loopback, token)).toEqual({
      ok: true,
    });
  });
});

/**
 * The ONVIF device simulator behaves like the cameras in shared/reference/discovery.md, checked with raw
 * HTTP (not the app's client), so the client's tests are not graded by its own assumptions.
 */
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createOnvifDevice, type OnvifDeviceProfile } from '../../sim/onvif-device/device.js';
import { onvifHandler, startSimServer, type SimServer } from '../../sim/onvif-device/server.js';

const FACTS = {
  manufacturer: 'HIKVISION',
  model: 'DS-2CD2143G2-I',
  firmware: 'V5.7.3 build 220112',
  serial: 'DS-2CD2143G2-I20220301AAWRJ12345678',
  hardwareId: '88',
  mac: '28:57:be:11:22:33',
  ip: '127.0.0.1',
  scopes: ['onvif://www.onvif.org/name/HIKVISION%20DS-2CD2143G2-I'],
};

let server: SimServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  rawHeaders: string[];
  body: string;
}

function post(url: string, body: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/soap+xml', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const soap = (op: string, header = ''): string =>
  `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl"><s:Header>${header}</s:Header><s:Body><tds:${op}/></s:Body></s:Envelope>`;

function token(user: string, password: string, createdMs: number, nonce = Buffer.from('0123456789abcdef')): string {
  const created = new Date(createdMs).toISOString().replace(/\.\d+Z$/, 'Z');
  const digest = createHash('sha1').update(nonce).update(created).update(password, 'utf8').digest('base64');
  return `<wsse:Security xmlns:wsse="x" xmlns:wsu="y"><wsse:UsernameToken><wsse:Username>${user}</wsse:Username><wsse:Password>${digest}</wsse:Password><wsse:Nonce>${nonce.toString('base64')}</wsse:Nonce><wsu:Created>${created}</wsu:Created></wsse:UsernameToken></wsse:Security>`;
}

async function camera(profile: Partial<OnvifDeviceProfile> & Pick<OnvifDeviceProfile, 'auth'>) {
  const device = createOnvifDevice({ facts: FACTS, users: { admin: 'pw' }, ...profile });
  server = await startSimServer({ host: '127.0.0.1', handlers: [onvifHandler(device)] });
  return { device, url: `${server.url}/onvif/device_service` };
}

describe('ONVIF device simulator', () => {
  it('answers GetSystemDateAndTime without credentials, 1 h ahead when skewed', async () => {
    const { url } = await camera({ auth: 'digest-md5', clockSkewMs: 3_600_000 });
    const reply = await post(url, soap('GetSystemDateAndTime'));
    expect(reply.status).toBe(200);
    const hour = Number(/<tt:UTCDateTime><tt:Time><tt:Hour>(\d+)/.exec(reply.body)?.[1]);
    expect(hour).toBe(new Date(Date.now() + 3_600_000).getUTCHours());
  });

  it('can leave UTCDateTime out (LocalDateTime only)', async () => {
    const { url } = await camera({ auth: 'ws-security', clock: { sendUtc: false } });
    const reply = await post(url, soap('GetSystemDateAndTime'));
    expect(reply.body).not.toContain('UTCDateTime');
    expect(reply.body).toContain('<tt:LocalDateTime>');
  });

  it('Digest SHA-256 + MD5 mode sends two separate WWW-Authenticate headers (Hikvision)', async () => {
    const { url } = await camera({ auth: 'digest-sha256+md5' });
    const reply = await post(url, soap('GetDeviceInformation'));
    expect(reply.status).toBe(401);
    const challenges = reply.rawHeaders.filter((_, i) => i % 2 === 0 && reply.rawHeaders[i]!.toLowerCase() === 'www-authenticate').length;
    expect(challenges).toBe(2);
    expect(reply.headers['www-authenticate']).toMatch(/algorithm=SHA-256/);
  });

  it('WS-Security-only mode answers a missing token with HTTP 400 and ter:NotAuthorized', async () => {
    const { url, device } = await camera({ auth: 'ws-security' });
    const reply = await post(url, soap('GetDeviceInformation'));
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('ter:NotAuthorized');
    expect(device.state.failures).toBe(0);
  });

  it('accepts a correct token, rejects a replayed nonce and a Created outside its clock', async () => {
    const { url, device } = await camera({ auth: 'ws-security' });
    const good = token('admin', 'pw', Date.now());
    expect((await post(url, soap('GetDeviceInformation', good))).body).toContain('<tds:SerialNumber>DS-2CD2143G2-I20220301AAWRJ12345678<');
    expect((await post(url, soap('GetDeviceInformation', good))).status).toBe(400);
    const skewed = await post(
      url,
      soap('GetDeviceInformation', token('admin', 'pw', Date.now() - 3_600_000, Buffer.from('fedcba9876543210'))),
    );
    expect(skewed.body).toContain('time check failed');
    expect(device.state.failures).toBe(2);
  });

  it('locks after N failures, refuses even the right password while locked, and unlocks after the period', async () => {
    let now = Date.now();
    const { url, device } = await camera({ auth: 'ws-security', lockout: { afterFailures: 3, forMs: 60_000 }, now: () => now });
    for (let i = 0; i < 3; i++)
      await post(url, soap('GetDeviceInformation', token('admin', 'bad', now, Buffer.from(`bad-nonce-${i}-xxxx`))));
    expect(device.isLocked()).toBe(true);
    const whileLocked = await post(url, soap('GetDeviceInformation', token('admin', 'pw', now, Buffer.from('right-nonce-1-xx'))));
    expect(whileLocked.body).toMatch(/locked/);
    now += 61_000;
    const after = await post(url, soap('GetDeviceInformation', token('admin', 'pw', now, Buffer.from('right-nonce-2-xx'))));
    expect(after.status).toBe(200);
  });

  it('lists the wired interface with the camera’s IP after a disabled one with another MAC', async () => {
    const { url } = await camera({ auth: 'ws-security' });
    const reply = await post(url, soap('GetNetworkInterfaces', token('admin', 'pw', Date.now())));
    const macs = [...reply.body.matchAll(/<tt:HwAddress>([^<]+)</g)].map((m) => m[1]);
    expect(macs).toEqual(['02:57:be:11:22:33', '28:57:be:11:22:33']);
    expect(reply.body).toContain('<tt:Address>127.0.0.1</tt:Address>');
  });
});

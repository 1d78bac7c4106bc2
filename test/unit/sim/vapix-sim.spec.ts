/** The VAPIX simulator's shapes (shared/reference/vxg-cloud.md §5.1), checked with raw HTTP and its own digest. */
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimServer, type SimServer } from '../../sim/onvif-device/server.js';
import { createVapixDevice, type VapixProfile } from '../../sim/vapix/vapix.js';

let server: SimServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const md5 = (t: string): string => createHash('md5').update(t).digest('hex');

function get(url: string, authorization?: string): Promise<{ status: number; www: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: authorization ? { authorization } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          www: String(res.headers['www-authenticate'] ?? ''),
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** GET with a hand-computed Digest answer (RFC 2617, qop=auth). */
async function authed(base: string, path: string): Promise<{ status: number; body: string }> {
  const first = await get(base + path);
  const realm = /realm="([^"]+)"/.exec(first.www)![1]!;
  const nonce = /nonce="([^"]+)"/.exec(first.www)![1]!;
  const opaque = /opaque="([^"]+)"/.exec(first.www)![1]!;
  const response = md5(`${md5(`root:${realm}:pass`)}:${nonce}:00000001:abc:auth:${md5(`GET:${path}`)}`);
  return get(
    base + path,
    `Digest username="root", realm="${realm}", nonce="${nonce}", uri="${path}", algorithm=MD5, response="${response}", opaque="${opaque}", qop=auth, nc=00000001, cnonce="abc"`,
  );
}

async function axis(profile: Partial<VapixProfile>) {
  const device = createVapixDevice({
    serial: 'ACCC8E012345',
    model: 'P3818-PVE',
    firmware: '11.9.60',
    users: { root: 'pass' },
    agent: 'running',
    cloudToken: '',
    ...profile,
  });
  server = await startSimServer({ host: '127.0.0.1', handlers: [device] });
  return { device, base: server.url };
}

describe('VAPIX simulator', () => {
  it('challenges with Digest MD5, qop=auth and the AXIS_<serial> realm', async () => {
    const { base } = await axis({});
    const reply = await get(`${base}/axis-cgi/applications/list.cgi`);
    expect(reply.status).toBe(401);
    expect(reply.www).toMatch(/^Digest realm="AXIS_ACCC8E012345", qop="auth", nonce="[^"]+", opaque="[^"]+", algorithm=MD5$/);
  });

  it('lists VXGCloudAgent with its status, or not at all when absent', async () => {
    const running = await axis({ agent: 'stopped' });
    expect((await authed(running.base, '/axis-cgi/applications/list.cgi')).body).toMatch(
      /<application Name="VXGCloudAgent"[^>]*Status="Stopped"/,
    );
    await server?.close();
    const absent = await axis({ agent: 'absent' });
    expect((await authed(absent.base, '/axis-cgi/applications/list.cgi')).body).not.toContain('VXGCloudAgent');
    expect((await authed(absent.base, '/axis-cgi/param.cgi?action=list&group=root.VXGCloudAgent')).body).toMatch(/^# Error/);
  });

  it('keeps a written token byte for byte and restarts the agent on request', async () => {
    const { base, device } = await axis({});
    const token = 'eyJjYW1pZCI6NDcxMX0+/==';
    const update = await authed(base, `/axis-cgi/param.cgi?action=update&root.VXGCloudAgent.CloudToken=${encodeURIComponent(token)}`);
    expect(update.body).toBe('OK');
    expect((await authed(base, '/axis-cgi/param.cgi?action=list&group=root.VXGCloudAgent')).body).toContain(
      `root.VXGCloudAgent.CloudToken=${token}\r\n`,
    );
    expect((await authed(base, '/axis-cgi/applications/control.cgi?action=restart&package=VXGCloudAgent')).body).toBe('OK');
    expect(device.state.restarts).toBe(1);
  });
});

/**
 * identify.run through the real core against simulated cameras on 127.0.0.x: the facts a technician sees
 * after "Identify" (serial exactly as sent, firmware, MAC and its source, auth status with the set that worked),
 * the lockout budget, reconcile against the neighbour table, and where passwords may go.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../../../../shared/dispatch.js';
import type { Device } from '../../../../../../shared/device.js';
import type { Observation } from '../../../../../../electron/core/inventory/observation.js';
import type { AuthMode } from '../../../../../sim/onvif-device/device.js';
import { createVapixDevice } from '../../../../../sim/vapix/vapix.js';
import { BOSCH } from '../onvif/onvif-fixture.js';
import { scriptedSource, startCamera, startLabCore, type LabCamera, type LabCore } from './lab-core.js';

const SITE = 'Sïte-pass-1';
const HIK = 'hik-Pass-2';
const SPECIAL = 'cam-Päss-3';
const PASSWORDS = [SITE, HIK, SPECIAL];

let lab: LabCore | null = null;
afterEach(async () => {
  await lab?.close();
  lab = null;
});

const mac = (n: number) => `00:07:5f:00:00:${n.toString(16).padStart(2, '0')}`;

function seen(camera: LabCamera, manufacturer: string | null, xaddrs = [`http://${camera.ip}/onvif/device_service`]): Observation {
  return {
    source: 'wsd',
    kind: 'alive',
    at: Date.now(),
    ip: camera.ip,
    interface: 'lab0',
    endpoint: `uuid-${camera.ip}`,
    isCamera: true,
    facts: manufacturer ? [{ name: 'manufacturer', value: manufacturer, source: 'wsd-scope', hint: false }] : [],
    onvif: { endpoint: `uuid-${camera.ip}`, xaddrs, scopes: [], types: [], metadataVersion: 1 },
  };
}

async function scanned(l: LabCore): Promise<Device[]> {
  const done = new Promise<void>((resolve) => l.core.on('scan-finished', () => resolve()));
  await dispatch(l.core, 'scan.start', { timeoutMs: 200 });
  await done;
  const listed = await dispatch(l.core, 'devices.list', {});
  if (!listed.ok) throw new Error(listed.message);
  return listed.value.devices;
}

async function save(
  l: LabCore,
  name: string,
  scope: 'site' | 'vendor' | 'camera',
  match: string | null,
  password: string,
  username = 'admin',
) {
  const r = await dispatch(l.core, 'credentials.save', { name, scope, match, username, password });
  expect(r.ok).toBe(true);
}

const byIp = async (l: LabCore) => {
  const listed = await dispatch(l.core, 'devices.list', {});
  if (!listed.ok) throw new Error(listed.message);
  return new Map(listed.value.devices.map((d) => [d.ip, d]));
};

describe('identify.run with the real core', () => {
  it('identifies 12 cameras (4 auth modes × 3 credential sets) each with its own set on the first try', async () => {
    const modes: AuthMode[] = ['ws-security', 'digest-md5', 'digest-sha256+md5', 'both'];
    const cameras: { cam: LabCamera; set: string; maker: string }[] = [];
    let n = 10;
    for (const auth of modes) {
      for (const [k, password] of PASSWORDS.entries()) {
        n++;
        const ip = `127.0.0.${n}`;
        const maker = k === 1 ? 'Hikvision' : 'Bosch';
        const facts = { ...BOSCH, manufacturer: maker, mac: mac(n), serial: `40475473401234${String(n).padStart(4, '0')}` };
        const cam = await startCamera(ip, { auth, users: { admin: password }, facts });
        cameras.push({ cam, set: ['site default', 'Hikvision', `camera ${ip}`][k]!, maker });
      }
    }
    lab = startLabCore(
      cameras.map((c) => c.cam),
      { sources: [scriptedSource(() => cameras.map((c) => seen(c.cam, c.maker)))] },
    );
    await scanned(lab);
    await save(lab, 'site default', 'site', null, SITE);
    await save(lab, 'Hikvision', 'vendor', 'hikvision', HIK);
    for (const c of cameras.filter((c) => c.set.startsWith('camera'))) await save(lab, c.set, 'camera', c.cam.ip, SPECIAL);

    const updates: string[] = [];
    lab.core.on('device-updated', (e) => updates.push(JSON.stringify(e)));
    const run = await dispatch(lab.core, 'identify.run', {});
    expect(run.ok).toBe(true);
    const devices = await byIp(lab);
    for (const c of cameras) {
      const d = devices.get(c.cam.ip)!;
      expect(d.auth, c.cam.ip).toMatchObject({ status: 'authenticated', set: c.set });
      expect(d.serial).toMatch(/^40475473401234\d{4}$/);
      expect(d.firmware).toBe(BOSCH.firmware);
      expect(d.model).toBe(BOSCH.model);
      expect(d.manufacturer).toBe(c.maker);
      expect(d.facts.serial?.find((f) => f.source === 'onvif')?.value).toBe(d.serial);
      expect(c.cam.device.state.failures, `${c.cam.ip} saw a wrong password`).toBe(0);
    }
    // One device-updated per identified device; no password in any event, log line or audit entry.
    expect(updates.length).toBe(cameras.length);
    const audit = JSON.stringify(await lab.audit.list(1000));
    expect(audit).toContain('camera.login');
    for (const text of [updates.join('\n'), lab.logs.join('\n'), audit, JSON.stringify(run)]) {
      for (const p of PASSWORDS) expect(text).not.toContain(p);
    }
  });

  it('keeps an 18-digit serial exactly and logs in to cameras whose clock is an hour off or sends no UTC', async () => {
    const cams = [
      await startCamera('127.0.0.41', {
        auth: 'ws-security',
        users: { admin: SITE },
        clockSkewMs: 3_600_000,
        facts: { ...BOSCH, mac: mac(41) },
      }),
      await startCamera('127.0.0.42', {
        auth: 'ws-security',
        users: { admin: SITE },
        clockSkewMs: -3_600_000,
        facts: { ...BOSCH, mac: mac(42), serial: '404754734012345679' },
      }),
      await startCamera('127.0.0.43', {
        auth: 'ws-security',
        users: { admin: SITE },
        clock: { sendUtc: false, tz: 'CST-8', localEastHours: 8 },
        facts: { ...BOSCH, mac: mac(43), serial: '000000000000000001' },
      }),
    ];
    lab = startLabCore(cams, { sources: [scriptedSource(() => cams.map((c) => seen(c, null)))] });
    await scanned(lab);
    await save(lab, 'site default', 'site', null, SITE);
    await dispatch(lab.core, 'identify.run', {});
    const devices = await byIp(lab);
    expect(devices.get('127.0.0.41')).toMatchObject({
      auth: { status: 'authenticated' },
      serial: '404754734012345678',
      mac: mac(41),
      macSource: 'onvif',
    });
    expect(devices.get('127.0.0.42')).toMatchObject({ auth: { status: 'authenticated' }, serial: '404754734012345679' });
    expect(devices.get('127.0.0.43')).toMatchObject({ auth: { status: 'authenticated' }, serial: '000000000000000001' });
  });

  it('never locks a camera that locks after 3 failures, across runs, and says which sets were not tried', async () => {
    const cam = await startCamera('127.0.0.51', {
      auth: 'digest-md5',
      users: { admin: SPECIAL },
      lockout: { afterFailures: 3, forMs: 600_000 },
      facts: { ...BOSCH, mac: mac(51) },
    });
    lab = startLabCore([cam], { sources: [scriptedSource(() => [seen(cam, null)])] });
    await scanned(lab);
    for (const name of ['wrong 1', 'wrong 2', 'wrong 3']) await save(lab, name, 'site', null, `${name}-pw`);
    await save(lab, 'right', 'site', null, SPECIAL);
    const first = await dispatch(lab.core, 'identify.run', {});
    expect(first.ok && first.value.results[0]).toMatchObject({ status: 'refused' });
    expect(first.ok && first.value.results[0]!.message).toContain('"wrong 3", "right" were not tried so that it does not lock');
    const second = await dispatch(lab.core, 'identify.run', {});
    expect(second.ok && second.value.results[0]).toMatchObject({ status: 'not-tried' });
    expect(cam.device.state.lockouts).toBe(0);
    expect(cam.device.state.failures).toBe(2);
    const d = (await byIp(lab)).get('127.0.0.51')!;
    expect(d.auth?.status).toBe('not-tried');
  });

  it('keeps both MACs and flags the row when ONVIF and the neighbour table disagree', async () => {
    const cam = await startCamera('127.0.0.61', { auth: 'both', users: { admin: SITE }, facts: { ...BOSCH, mac: mac(61) } });
    lab = startLabCore([cam], { sources: [scriptedSource(() => [seen(cam, null)])] });
    lab.neighbours.push({ ip: '127.0.0.61', mac: '02:00:00:aa:bb:cc', interface: 'lab0' });
    await scanned(lab);
    await save(lab, 'site default', 'site', null, SITE);
    await dispatch(lab.core, 'identify.run', {});
    const d = (await byIp(lab)).get('127.0.0.61')!;
    expect(d.conflicts).toContain('mac');
    expect(d.facts.mac?.map((f) => `${f.source} ${f.value}`).sort()).toEqual(['arp 02:00:00:aa:bb:cc', `onvif ${mac(61)}`]);
    expect(d.auth?.message).toContain('neighbour table has 02:00:00:aa:bb:cc');
  });

  it('takes the MAC from ONVIF for a camera behind a router (the neighbour table holds the router)', async () => {
    const cam = await startCamera('127.0.0.62', { auth: 'ws-security', users: { admin: SITE }, facts: { ...BOSCH, mac: mac(62) } });
    // The laptop is on 198.18.0.0/15; 127.0.0.62 is not on its subnet, so the ARP entry is the router's.
    lab = startLabCore([cam], { sources: [scriptedSource(() => [seen(cam, null)])], interfaceAddress: '198.18.0.2' });
    lab.neighbours.push({ ip: '127.0.0.62', mac: '02:00:00:00:00:01', interface: 'lab0' });
    await scanned(lab);
    await save(lab, 'site default', 'site', null, SITE);
    await dispatch(lab.core, 'identify.run', {});
    const d = (await byIp(lab)).get('127.0.0.62')!;
    expect(d).toMatchObject({ mac: mac(62), macSource: 'onvif', conflicts: [] });
  });

  it('does not send a password to a device-service address on another host', async () => {
    const cam = await startCamera('127.0.0.71', { auth: 'ws-security', users: { admin: SITE }, facts: { ...BOSCH, mac: mac(71) } });
    const forged = seen(cam, null, ['http://127.0.0.99/onvif/device_service', 'http://evil.example/onvif']);
    lab = startLabCore([cam], { sources: [scriptedSource(() => [forged])] });
    await scanned(lab);
    await save(lab, 'site default', 'site', null, SITE);
    await dispatch(lab.core, 'identify.run', {});
    expect(lab.strayRequests).toEqual([]);
    expect((await byIp(lab)).get('127.0.0.71')?.auth?.status).toBe('authenticated');
  });

  it('reads an Axis camera over VAPIX too: MAC = serial, cloud agent running with a token (token never shown)', async () => {
    const token = 'c2VjcmV0LXRva2Vu-secret';
    const vapix = createVapixDevice({
      serial: 'ACCC8E012345',
      model: 'M1065-LW',
      firmware: '10.12.228',
      users: { root: SITE },
      agent: 'running',
      cloudToken: token,
    });
    const cam = await startCamera(
      '127.0.0.81',
      {
        auth: 'digest-md5',
        users: { root: SITE },
        facts: {
          ...BOSCH,
          manufacturer: 'AXIS',
          model: 'M1065-LW',
          firmware: '10.12.228',
          serial: 'ACCC8E012345',
          mac: 'ac:cc:8e:01:23:45',
        },
      },
      [vapix],
    );
    lab = startLabCore([cam], { sources: [scriptedSource(() => [seen(cam, 'AXIS')])] });
    await scanned(lab);
    await save(lab, 'axis root', 'vendor', 'axis', SITE, 'root');
    await dispatch(lab.core, 'identify.run', {});
    const d = (await byIp(lab)).get('127.0.0.81')!;
    expect(d).toMatchObject({ serial: 'ACCC8E012345', mac: 'ac:cc:8e:01:23:45', cloudAgent: { installed: 'running', token: 'has-token' } });
    expect(d.facts.mac?.map((f) => f.source).sort()).toEqual(['onvif', 'vapix']);
    expect(JSON.stringify(d)).not.toContain(token);
  });
});

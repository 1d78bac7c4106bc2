/**
 * The identify lab itself, without the app: each camera serves its ONVIF device service on its own IP with its
 * own logins and reports its real interface MAC; a camera locks after N failures and the simulator counts them;
 * behind the router, ARP shows only the router's MAC and WS-Discovery multicast does not get through — so in
 * identify-lab.spec.ts ONVIF is the only way to a routed camera's MAC. The technician side is curl.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceSkip } from '../../lab/can-run.js';
import { createLab, readNeighbours, type Lab, type LabCamera } from '../../lab/lab.js';
import { addRoutedSubnet, type RoutedSubnet } from '../../lab/routed-subnet.js';
import { probeFromTech } from '../../lab/tech-probe.js';

const skip = announceSkip('The identify lab network', {
  needsBuild: false,
  missing: existsSync('/usr/bin/curl') ? null : '/usr/bin/curl is not installed',
});
const HOUR = 3_600_000;
const PW = 'Lab-pw-5Tq';
const users = { admin: PW };
const envelope = (op: string): string =>
  `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><tds:${op} xmlns:tds="http://www.onvif.org/ver10/device/wsdl"/></s:Body></s:Envelope>`;

describe.skipIf(skip)('The identify lab network (device services, lockout counter, router)', () => {
  let lab: Lab;
  let routed: RoutedSubnet;
  const cam = (id: string): LabCamera => [...lab.cameras, ...routed.cameras].find((c) => c.id === id)!;
  /** One SOAP call from the tech namespace; `password` null: no credentials. */
  const soap = async (c: LabCamera, op: string, password: string | null): Promise<{ status: string; body: string }> => {
    const auth = password === null ? [] : ['--digest', '-u', `admin:${password}`];
    const r = await lab.execInTech('curl', [
      '-s',
      '-m',
      '3',
      ...auth,
      '-w',
      '\n%{http_code}',
      '-d',
      envelope(op),
      `http://${c.ip}/onvif/device_service`,
    ]);
    const i = r.stdout.lastIndexOf('\n');
    return { body: r.stdout.slice(0, i), status: r.stdout.slice(i + 1) };
  };

  beforeAll(async () => {
    lab = await createLab({
      prefix: 'cfidn',
      cameras: [
        { id: 'locks', profile: 'axis', device: { auth: 'digest-md5', users, lockout: { afterFailures: 3, forMs: HOUR } } },
        { id: 'ahead', profile: 'hikvision', device: { auth: 'digest-sha256+md5', users, clockSkewMs: HOUR } },
        { id: 'no-utc', profile: 'dahua', device: { auth: 'digest-md5', users, noUtc: true } },
      ],
    });
    routed = await addRoutedSubnet(lab, [{ id: 'routed', profile: 'hikvision', device: { auth: 'digest-md5', users } }]);
  });

  afterAll(async () => {
    await lab?.destroy();
  });

  it('each camera reports its own interface MAC over ONVIF, on the bridge and behind the router', async () => {
    const ids = ['locks', 'ahead', 'no-utc', 'routed'];
    const reported = await Promise.all(ids.map(async (id) => (await soap(cam(id), 'GetNetworkInterfaces', PW)).body));
    expect(ids.map((id, i) => reported[i]!.includes(`<tt:HwAddress>${cam(id).mac}</tt:HwAddress>`))).toEqual(ids.map(() => true));
  });

  it("shows each camera's clock as configured: an hour ahead, and one without UTCDateTime", async () => {
    const before = new Date(Date.now() + HOUR).getUTCHours();
    const ahead = (await soap(cam('ahead'), 'GetSystemDateAndTime', null)).body;
    const hour = Number(/<tt:UTCDateTime><tt:Time><tt:Hour>(\d+)/.exec(ahead)?.[1]);
    // Read the hour on both sides of the call, so a run on the turn of the hour still passes.
    expect([before, new Date(Date.now() + HOUR).getUTCHours()]).toContain(hour);
    const noUtc = (await soap(cam('no-utc'), 'GetSystemDateAndTime', null)).body;
    expect(noUtc).toContain('LocalDateTime');
    expect(noUtc).not.toContain('UTCDateTime');
  });

  it('locks after 3 failures, then refuses even the right password; the simulator counts it', async () => {
    expect((await soap(cam('locks'), 'GetDeviceInformation', PW)).status).toBe('200');
    for (let i = 0; i < 3; i++) expect((await soap(cam('locks'), 'GetDeviceInformation', 'wrong')).status).toBe('401');
    const locked = await soap(cam('locks'), 'GetDeviceInformation', PW);
    expect(locked.body).toContain('<lockStatus>lock</lockStatus>');
    expect(await lab.sim.deviceState('locks')).toMatchObject({ failures: 3, lockouts: 1, locked: true });
  });

  it("gives the technician only the router's MAC for the routed camera, and no multicast from it", async () => {
    await soap(cam('routed'), 'GetSystemDateAndTime', null);
    const neighbours = await readNeighbours(lab.techNs);
    expect(neighbours.find((n) => n.ip === '198.18.0.254')?.mac).toBe(routed.routerMac);
    expect(neighbours.some((n) => n.mac === cam('routed').mac)).toBe(false);
    const capture = await probeFromTech(lab, 'nvt', 1500);
    const from = new Set(capture.datagrams.map((d) => d.from));
    expect(from.has(cam('ahead').ip)).toBe(true);
    expect(from.has(cam('routed').ip)).toBe(false);
  });
});

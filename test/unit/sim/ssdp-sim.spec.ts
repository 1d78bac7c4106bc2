import { describe, expect, it } from 'vitest';
import { axis } from '../../sim/profiles/axis.js';
import { dahua } from '../../sim/profiles/dahua.js';
import { PROFILES } from '../../sim/profiles.js';
import type { SimCamera } from '../../sim/profile-types.js';
import { descriptionXml, matchSearch, notify, parseMSearch, searchResponse } from '../../sim/ssdp/ssdp-wire.js';

const msearch = (lines: string[], eol = '\r\n'): Buffer => Buffer.from(`${lines.join(eol)}${eol}${eol}`, 'latin1');
const base = ['M-SEARCH * HTTP/1.1', 'HOST: 239.255.255.250:1900', 'MAN: "ssdp:discover"'];
const cam: SimCamera = { id: 'c1', ip: '198.18.1.1', mac: '00:40:8c:12:34:56', model: 'M1065-L', uuid: 'x' };

describe('simulator SSDP: reading an M-SEARCH', () => {
  it('reads ST and MX with CRLF or bare LF and any header case', () => {
    expect(parseMSearch(msearch([...base, 'MX: 2', 'ST: ssdp:all']), true)).toEqual({ st: 'ssdp:all', mx: 2, man: '"ssdp:discover"' });
    expect(
      parseMSearch(msearch(['m-search * HTTP/1.1', 'man: "ssdp:discover"', 'mx: 1', 'st: upnp:rootdevice'], '\n'), true),
    ).toMatchObject({
      st: 'upnp:rootdevice',
      mx: 1,
    });
  });
  it('drops a multicast search without a valid MX, caps MX at 5, and lets a unicast search go without MX', () => {
    expect(parseMSearch(msearch([...base, 'ST: ssdp:all']), true)).toBeNull();
    expect(parseMSearch(msearch([...base, 'MX: soon', 'ST: ssdp:all']), true)).toBeNull();
    expect(parseMSearch(msearch([...base, 'MX: 120', 'ST: ssdp:all']), true)?.mx).toBe(5);
    expect(parseMSearch(msearch([...base, 'ST: ssdp:all']), false)).toMatchObject({ st: 'ssdp:all', mx: null });
  });
  it('ignores NOTIFY, responses, a MAN without quotes, junk and oversized packets', () => {
    expect(parseMSearch(msearch(['NOTIFY * HTTP/1.1', 'NTS: ssdp:alive']), true)).toBeNull();
    expect(parseMSearch(msearch(['HTTP/1.1 200 OK', 'ST: ssdp:all']), true)).toBeNull();
    expect(parseMSearch(msearch(['M-SEARCH * HTTP/1.1', 'MAN: ssdp:discover', 'MX: 1', 'ST: ssdp:all']), true)).toBeNull();
    expect(parseMSearch(Buffer.from([0xff, 0xfe, 0, 1, 2]), true)).toBeNull();
    expect(parseMSearch(msearch([...base, 'MX: 1', 'ST: ssdp:all', `X: ${'a'.repeat(9000)}`]), true)).toBeNull();
  });
});

describe('simulator SSDP: what each vendor answers', () => {
  it('Axis answers ssdp:all with rootdevice, its UDN, device type and BasicService, the MAC in UDN and USN', () => {
    const t = axis.ssdp!.targets(cam, '00408C123456');
    const all = matchSearch('ssdp:all', t);
    expect(all.map((x) => x.st)).toEqual([
      'upnp:rootdevice',
      'uuid:Upnp-BasicDevice-1_0-00408C123456',
      'urn:schemas-upnp-org:device:Basic:1',
      'urn:axis-com:service:BasicService:1',
    ]);
    expect(all[3]?.usn).toBe('uuid:Upnp-BasicDevice-1_0-00408C123456::urn:axis-com:service:BasicService:1');
    expect(matchSearch('urn:dial-multiscreen-org:service:dial:1', t)).toEqual([]);
    expect(matchSearch('UPNP:ROOTDEVICE', t)).toHaveLength(1);
  });
  it('writes the 200 OK and NOTIFY the UDA way, LOCATION on the camera’s own address', () => {
    const h = { location: `http://${cam.ip}:49152/rootdesc1.xml`, server: axis.ssdp!.server };
    const hit = { st: 'upnp:rootdevice', usn: 'uuid:u::upnp:rootdevice' };
    const ok = searchResponse(h, hit, new Date(0)).toString();
    expect(ok.startsWith('HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\n')).toBe(true);
    expect(ok).toContain('LOCATION: http://198.18.1.1:49152/rootdesc1.xml\r\n');
    expect(ok.endsWith('USN: uuid:u::upnp:rootdevice\r\n\r\n')).toBe(true);
    const bye = notify(h, hit, 'ssdp:byebye').toString();
    expect(bye).toContain('NTS: ssdp:byebye\r\n');
    expect(bye).not.toContain('LOCATION');
    expect(notify(h, hit, 'ssdp:alive').toString()).toContain('LOCATION: http://198.18.1.1:49152/rootdesc1.xml');
  });
  it('Axis description: MAC as serialNumber and in the UDN; Dahua: the serial in the UDN; markup escaped', () => {
    const ax = descriptionXml(axis.ssdp!.description(cam, 'ignored'));
    expect(ax).toContain('<root xmlns="urn:schemas-upnp-org:device-1-0">');
    expect(ax).toContain('<serialNumber>00408C123456</serialNumber>');
    expect(ax).toContain('<UDN>uuid:Upnp-BasicDevice-1_0-00408C123456</UDN>');
    expect(ax).toContain('<friendlyName>AXIS M1065-L - 00408C123456</friendlyName>');
    expect(ax).toContain('<presentationURL>http://198.18.1.1:80/</presentationURL>');
    const dh = descriptionXml(dahua.ssdp!.description({ ...cam, name: '<b>Gate & Door</b>' }, 'SN3CEF8C000001'));
    expect(dh).toContain('<UDN>uuid:www.dahuatech.com.device_3_0-SN3CEF8C000001</UDN>');
    expect(dh).toContain('<friendlyName>&lt;b&gt;Gate &amp; Door&lt;/b&gt;</friendlyName>');
  });
  it('only Axis and Dahua speak SSDP (no public Hikvision/Reolink description exists; PCs and junk do not)', () => {
    expect(
      Object.values(PROFILES)
        .filter((p) => p.ssdp)
        .map((p) => p.name),
    ).toEqual(['axis', 'dahua']);
  });
});

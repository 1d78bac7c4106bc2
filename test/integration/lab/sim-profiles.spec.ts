import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseProbe, probeMatchesProfile } from '../../sim/probe-parse.js';
import { PROFILES, PROFILE_NAMES, type SimCamera } from '../../sim/profiles.js';

// The simulator's messages must be well-formed and shaped like the vendor's, or lab tests prove nothing.
const cam = (profile: keyof typeof PROFILES, extra: Partial<SimCamera> = {}): SimCamera => {
  const p = PROFILES[profile];
  const mac = `${p.ouis[0]}:12:34:56`;
  return { id: 'c1', ip: '198.18.1.7', mac, model: p.defaultModel, uuid: p.uuidFor('lab/c1', mac), ...extra };
};
const ctx = { relatesTo: 'urn:uuid:11111111-2222-4333-8444-555555555555', instanceId: 7, messageNumber: 1 };
const probe = (types: string): string =>
  `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" ` +
  `xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" xmlns:dn="http://www.onvif.org/ver10/network/wsdl" ` +
  `xmlns:tds="http://www.onvif.org/ver10/device/wsdl"><s:Header><a:MessageID>${ctx.relatesTo}</a:MessageID></s:Header>` +
  `<s:Body><d:Probe>${types ? `<d:Types>${types}</d:Types>` : ''}</d:Probe></s:Body></s:Envelope>`;

describe('simulated device profiles', () => {
  it.each(PROFILE_NAMES.filter((n) => n !== 'garbage' && PROFILES[n].wsd !== false))(
    '%s writes well-formed ProbeMatches, Hello and Bye',
    (name) => {
      const p = PROFILES[name];
      for (const msg of [p.probeMatches(cam(name), ctx), p.hello(cam(name), ctx), p.bye(cam(name), ctx)]) {
        expect(XMLValidator.validate(msg.toString('utf8'))).toBe(true);
      }
      expect(p.probeMatches(cam(name), ctx).toString()).toContain(`RelatesTo>${ctx.relatesTo}<`);
    },
  );

  it('the garbage responder never sends a well-formed document', () => {
    for (let i = 0; i < 20; i++) {
      expect(XMLValidator.validate(PROFILES.garbage.probeMatches(cam('garbage'), ctx).toString('utf8'))).not.toBe(true);
    }
  });

  it('a hostile name is percent-encoded in the scope, never raw markup', () => {
    const text = PROFILES.reolink.probeMatches(cam('reolink', { name: '<img src=x onerror=alert(1)>' }), ctx).toString();
    expect(text).toContain('onvif://www.onvif.org/name/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    expect(text).not.toContain('<img');
  });

  it('Hikvision carries its MAC in a scope and at the end of its EPR; Axis does not', () => {
    const hik = PROFILES.hikvision.probeMatches(cam('hikvision'), ctx).toString();
    expect(hik).toContain('onvif://www.onvif.org/MAC/68:6d:bc:12:34:56');
    expect(hik).toMatch(/uuid:[0-9a-f-]{24}686dbc123456</);
    expect(PROFILES.axis.probeMatches(cam('axis'), ctx).toString()).not.toContain('00408c123456');
  });

  it('a DoorBird-like device relates its answer to an empty uuid:', () => {
    const text = PROFILES.dahua.probeMatches(cam('dahua', { emptyRelatesTo: true }), ctx).toString();
    expect(text).toContain('RelatesTo>uuid:<');
  });

  it('devices answer only probes whose Types they have; untyped probes wake everything', () => {
    const nvt = parseProbe(probe('dn:NetworkVideoTransmitter'))!;
    const device = parseProbe(probe('tds:Device'))!;
    const untyped = parseProbe(probe(''))!;
    expect(nvt.messageId).toBe(ctx.relatesTo);
    expect(probeMatchesProfile(nvt, PROFILES.axis)).toBe(true);
    expect(probeMatchesProfile(device, PROFILES['soap11-oem'])).toBe(false);
    expect(probeMatchesProfile(device, PROFILES['windows-pc'])).toBe(false);
    expect(probeMatchesProfile(untyped, PROFILES['windows-pc'])).toBe(true);
    expect(probeMatchesProfile(nvt, PROFILES.garbage)).toBe(true);
    expect(parseProbe(PROFILES.axis.hello(cam('axis'), ctx).toString())).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { TYPE, encodeQuery, encodeResponse, ipv6Bytes, parseQuery, parseResponse } from '../../sim/mdns/dns-wire.js';
import { announcement, answerFor } from '../../sim/mdns/mdns-answers.js';
import { PROFILES } from '../../sim/profiles.js';
import type { SimCamera } from '../../sim/profile-types.js';

const axisCam: SimCamera = { id: 'a', ip: '198.18.1.1', mac: '00:40:8c:12:34:56', model: 'M1065-L', uuid: 'x' };
const hikCam: SimCamera = { id: 'h', ip: '198.18.1.2', mac: '28:57:be:65:7d:d5', model: 'DS-2CD2043G2-I', uuid: 'y' };
const axisSvc = PROFILES.axis.mdns!(axisCam, '00408C123456');

describe('simulator mDNS: reading a query', () => {
  it('reads the questions, the QU bit, and follows compression pointers', () => {
    expect(parseQuery(encodeQuery(['_axis-video._tcp.local', '_CGI._tcp.local'], TYPE.PTR, true))).toEqual({
      id: 0,
      questions: [
        { name: '_axis-video._tcp.local', type: TYPE.PTR, unicastResponse: true },
        { name: '_CGI._tcp.local', type: TYPE.PTR, unicastResponse: true },
      ],
    });
    // second question "_rtsp" + pointer to "._tcp.local" of the first
    const first = encodeQuery(['_onvif._tcp.local']);
    const second = Buffer.concat([Buffer.from([5]), Buffer.from('_rtsp'), Buffer.from([0xc0, 12 + 7]), Buffer.from([0, 12, 0, 1])]);
    const packet = Buffer.concat([first, second]);
    packet.writeUInt16BE(2, 4);
    expect(parseQuery(packet)?.questions.map((q) => q.name)).toEqual(['_onvif._tcp.local', '_rtsp._tcp.local']);
  });
  it('rejects responses, pointer loops, names past the packet, a huge question count and oversized packets', () => {
    expect(parseQuery(encodeResponse(0, [], []))).toBeNull();
    const loop = Buffer.concat([Buffer.alloc(12), Buffer.from([0xc0, 12, 0, 12, 0, 1])]);
    loop.writeUInt16BE(1, 4);
    expect(parseQuery(loop)).toBeNull();
    const cut = encodeQuery(['_axis-video._tcp.local']).subarray(0, 20);
    expect(parseQuery(cut)).toBeNull();
    const many = encodeQuery(['a.local']);
    many.writeUInt16BE(5000, 4);
    expect(parseQuery(many)).toBeNull();
    expect(parseQuery(Buffer.alloc(10_000))).toBeNull();
    expect(parseQuery(Buffer.from([1, 2, 3]))).toBeNull();
  });
});

describe('simulator mDNS: what each vendor announces', () => {
  it('Axis answers _axis-video._tcp with PTR, SRV, TXT macaddress and A in one packet', () => {
    const recs = answerFor(parseQuery(encodeQuery(['_axis-video._tcp.local']))!, axisSvc)!;
    const back = parseResponse(encodeResponse(0, recs.answers, recs.additionals))!;
    expect(back.answers).toEqual([
      {
        name: '_axis-video._tcp.local',
        type: TYPE.PTR,
        data: 'AXIS M1065-L - 00408C123456._axis-video._tcp.local',
        ttl: 4500,
        flush: false,
      },
    ]);
    expect(back.additionals).toEqual([
      {
        name: 'AXIS M1065-L - 00408C123456._axis-video._tcp.local',
        type: TYPE.SRV,
        data: { port: 80, target: 'axis-00408c123456.local' },
        ttl: 120,
        flush: true,
      },
      {
        name: 'AXIS M1065-L - 00408C123456._axis-video._tcp.local',
        type: TYPE.TXT,
        data: ['macaddress=00408C123456'],
        ttl: 4500,
        flush: true,
      },
      { name: 'axis-00408c123456.local', type: TYPE.A, data: '198.18.1.1', ttl: 120, flush: true },
    ]);
  });
  it('answers service enumeration, SRV/TXT and host questions, and nothing for a type it does not announce', () => {
    const q = (name: string, type: number = TYPE.PTR) => parseQuery(encodeQuery([name], type))!;
    expect(answerFor(q('_services._dns-sd._udp.local'), axisSvc)?.answers.map((a) => a.data)).toEqual(['_axis-video._tcp.local']);
    expect(answerFor(q('AXIS M1065-L - 00408C123456._axis-video._tcp.local', TYPE.ANY), axisSvc)?.answers.map((a) => a.type)).toEqual([
      TYPE.SRV,
      TYPE.TXT,
    ]);
    expect(answerFor(q('AXIS-00408C123456.local', TYPE.A), axisSvc)?.answers).toHaveLength(1);
    expect(answerFor(q('_CGI._tcp.local'), axisSvc)).toBeNull();
    expect(answerFor(q('_http._tcp.local'), axisSvc)).toBeNull();
  });
  it('Hikvision: _CGI._tcp and _psia._tcp, host = its serial, serial tail in the name, EUI-64 AAAA', () => {
    const svc = PROFILES.hikvision.mdns!(hikCam, 'SN2857BE657DD5');
    expect(svc.map((s) => s.type)).toEqual(['_CGI._tcp', '_psia._tcp']);
    const a = announcement(svc[0]!);
    const back = parseResponse(encodeResponse(0, a.answers, a.additionals))!;
    expect(back.answers[0]?.data).toBe('HIKVISION DS-2CD2043G2-I - 7BE657DD5._CGI._tcp.local');
    expect(back.answers[1]?.data).toEqual({ port: 80, target: 'SN2857BE657DD5.local' });
    expect(back.additionals.map((r) => r.type)).toEqual([TYPE.A, TYPE.AAAA]);
    expect(back.additionals[1]?.data).toBe('fe80:0:0:0:2a57:beff:fe65:7dd5');
    expect(back.answers.find((r) => r.type === TYPE.TXT)?.data).toEqual(['path=/']);
  });
  it('the goodbye carries TTL 0', () => {
    const bye = parseResponse(encodeResponse(0, announcement(axisSvc[0]!, true).answers, []))!;
    expect(bye.answers.map((r) => r.ttl)).toEqual([0, 0, 0]);
  });
  it('who speaks mDNS: Axis, Hikvision and the generic OEM (_rtsp/_onvif); Dahua, Reolink, PCs and junk do not', () => {
    expect(
      Object.values(PROFILES)
        .filter((p) => p.mdns)
        .map((p) => p.name),
    ).toEqual(['axis', 'hikvision', 'soap11-oem']);
    expect(ipv6Bytes('fe80::1').toString('hex')).toBe('fe800000000000000000000000000001');
  });
});

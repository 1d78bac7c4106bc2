import { describe, expect, it } from 'vitest';
import {
  MAX_HEADERS,
  MAX_SSDP_BYTES,
  maxAgeOf,
  notifySubtype,
  parseSsdpMessage,
  udnOfUsn,
} from '../../../../../../electron/core/discovery/ssdp/headers.js';
import { ssdpBytes, ssdpText } from './fixtures.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseSsdpMessage', () => {
  it('reads an Axis M-SEARCH answer: status, LOCATION, the MAC-bearing USN and the vendor ST', () => {
    const message = parseSsdpMessage(ssdpBytes('axis-response.txt'));
    expect(message?.kind).toBe('response');
    expect(message?.status).toBe(200);
    expect(message?.headers.get('location')).toBe('http://198.18.0.21:49152/rootdesc1.xml');
    expect(message?.headers.get('st')).toBe('urn:axis-com:service:BasicService:1');
    expect(udnOfUsn(message?.headers.get('usn'))).toBe('upnp-basicdevice-1_0-00408c1a2b3c');
    expect(message?.headers.get('ext')).toBe('');
    expect(message && maxAgeOf(message)).toBe(1800);
  });

  it('reads header names in any case (Dahua writes Location:, an OEM writes location:)', () => {
    const dahua = parseSsdpMessage(ssdpBytes('dahua-response.txt'));
    const oem = parseSsdpMessage(ssdpBytes('lf-only-response.txt'));
    expect(dahua?.headers.get('location')).toBe('http://198.18.0.22:49152/upnp_device_desc.xml');
    expect(dahua?.headers.get('server')).toContain('ZheJiang Dahua Technology');
    expect(oem?.headers.get('location')).toBe('http://198.18.0.23:80/description.xml');
  });

  it('accepts lines ending in a bare LF as well as CRLF (node-ssdp loses LF-only devices)', () => {
    const lf = ssdpText('axis-response.txt').replace(/\r\n/g, '\n');
    expect(parseSsdpMessage(bytes(lf))?.headers).toEqual(parseSsdpMessage(ssdpBytes('axis-response.txt'))?.headers);
    expect(ssdpText('lf-only-response.txt')).not.toContain('\r');
  });

  it('tells NOTIFY alive from byebye and recognises M-SEARCH requests (ours echoed back)', () => {
    const alive = parseSsdpMessage(ssdpBytes('minidlna-notify-alive.txt'));
    const bye = parseSsdpMessage(ssdpBytes('minidlna-notify-byebye.txt'));
    expect([alive?.kind, alive && notifySubtype(alive)]).toEqual(['notify', 'alive']);
    expect([bye?.kind, bye && notifySubtype(bye)]).toEqual(['notify', 'byebye']);
    const search = parseSsdpMessage(bytes('M-SEARCH * HTTP/1.1\r\nMAN: "ssdp:discover"\r\nST: ssdp:all\r\n\r\n'));
    expect(search?.kind).toBe('search');
  });

  it('drops anything that is not SSDP, and datagrams over 8 KiB', () => {
    expect(parseSsdpMessage(bytes('GET / HTTP/1.1\r\nHost: x\r\n\r\n'))).toBeNull();
    expect(parseSsdpMessage(bytes('<?xml version="1.0"?><Envelope/>'))).toBeNull();
    expect(parseSsdpMessage(new Uint8Array(0))).toBeNull();
    const padded = ssdpText('axis-response.txt').replace('\r\n\r\n', `\r\nX-Pad: ${'a'.repeat(MAX_SSDP_BYTES)}\r\n\r\n`);
    expect(parseSsdpMessage(bytes(padded))).toBeNull();
  });

  it(`refuses more than ${MAX_HEADERS} headers and skips overlong, control-character or prototype-named ones safely`, () => {
    const many = Array.from({ length: MAX_HEADERS + 1 }, (_, i) => `X-H${i}: v`).join('\r\n');
    expect(parseSsdpMessage(bytes(`HTTP/1.1 200 OK\r\n${many}\r\n\r\n`))).toBeNull();
    const odd = parseSsdpMessage(
      bytes(
        'HTTP/1.1 200 OK\r\n__proto__: polluted\r\nconstructor: x\r\nSERVER: a\u0007b\r\n' +
          `X-Long: ${'z'.repeat(2000)}\r\nno colon line\r\nLOCATION: http://198.18.0.9/d.xml\r\n\r\n`,
      ),
    );
    expect(odd?.headers.get('__proto__')).toBe('polluted'); // a plain string in a Map, nothing inherited
    expect(odd?.headers.has('server')).toBe(false);
    expect(odd?.headers.has('x-long')).toBe(false);
    expect(odd?.headers.get('location')).toBe('http://198.18.0.9/d.xml');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps the first of repeated headers: a second LOCATION cannot replace the first', () => {
    const message = parseSsdpMessage(
      bytes('HTTP/1.1 200 OK\r\nLOCATION: http://198.18.0.9/a.xml\r\nLocation: http://198.18.0.66/b.xml\r\n\r\n'),
    );
    expect(message?.headers.get('location')).toBe('http://198.18.0.9/a.xml');
  });
});

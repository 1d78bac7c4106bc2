import { describe, expect, it } from 'vitest';
import { buildQuery, MAX_MDNS_BYTES, parseDnsResponse, TYPE } from '../../../../../../electron/core/discovery/mdns/dns-wire.js';
import { encodeResponse, mdnsFixture } from './packets.js';

describe('parseDnsResponse', () => {
  it('reads PTR, SRV, TXT and A records through name compression', () => {
    const response = parseDnsResponse(encodeResponse(mdnsFixture('axis-video.json')));
    expect(response?.records.map((r) => r.type)).toEqual(['PTR', 'SRV', 'TXT', 'A']);
    expect(response?.records[0]).toEqual({
      type: 'PTR',
      name: '_axis-video._tcp.local',
      ttl: 4500,
      target: 'AXIS M1065-LW - 00408C1A2B3C._axis-video._tcp.local',
    });
    expect(response?.records[1]).toMatchObject({ type: 'SRV', port: 80, target: 'axis-00408c1a2b3c.local' });
    expect(response?.records[3]).toMatchObject({ type: 'A', address: '198.18.0.21' });
  });

  it('reads the same packet without compression identically', () => {
    const packet = mdnsFixture('hikvision-cgi.json');
    expect(parseDnsResponse(encodeResponse(packet, { compress: false }))).toEqual(parseDnsResponse(encodeResponse(packet)));
  });

  it('ignores queries (ours echoed back), truncated and oversize packets', () => {
    expect(parseDnsResponse(buildQuery([{ name: '_axis-video._tcp.local', type: TYPE.PTR }]))).toBeNull();
    const full = encodeResponse(mdnsFixture('axis-video.json'));
    expect(parseDnsResponse(full.slice(0, 11))).toBeNull();
    const cut = parseDnsResponse(full.slice(0, full.length - 3)); // the last record is cut short
    expect(cut === null || cut.records.length < 4).toBe(true);
    expect(parseDnsResponse(new Uint8Array(MAX_MDNS_BYTES + 1))).toBeNull();
  });

  it('refuses compression pointers that loop or point forward (a forged packet cannot hang the parser)', () => {
    // Header: response, 1 answer. The answer's name is a pointer to itself (offset 12).
    const loop = Uint8Array.from([0, 0, 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0xc0, 12, 0, 12, 0, 1, 0, 0, 0, 10, 0, 0]);
    expect(parseDnsResponse(loop)).toBeNull();
    const forward = Uint8Array.from([0, 0, 0x84, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0xc0, 20, 0, 12, 0, 1, 0, 0, 0, 10, 0, 0]);
    expect(parseDnsResponse(forward)).toBeNull();
  });
});

describe('buildQuery', () => {
  it('writes each question as labels, type and class IN, with id 0 and no flags', () => {
    const query = buildQuery([{ name: '_CGI._tcp.local', type: TYPE.PTR }]);
    expect(Array.from(query.slice(0, 12))).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(Buffer.from(query.slice(12)).toString('latin1')).toBe('\u0004_CGI\u0004_tcp\u0005local\u0000\u0000\u000c\u0000\u0001');
  });
});

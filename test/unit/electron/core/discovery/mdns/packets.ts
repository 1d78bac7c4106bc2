/**
 * Builds mDNS response datagrams for tests from our JSON fixtures (test/fixtures/mdns), the way responders write
 * them: names compressed against earlier ones, the cache-flush bit on unique records.
 */
import { readFileSync } from 'node:fs';

export type FixtureRecord =
  | { type: 'PTR'; name: string; ttl: number; target: string }
  | { type: 'SRV'; name: string; ttl: number; port: number; target: string }
  | { type: 'TXT'; name: string; ttl: number; strings: string[] }
  | { type: 'A' | 'AAAA'; name: string; ttl: number; address: string };

export interface FixturePacket {
  answers: FixtureRecord[];
  additionals: FixtureRecord[];
}

const root = new URL('../../../../../fixtures/mdns/', import.meta.url);
export const mdnsFixture = (name: string): FixturePacket => JSON.parse(readFileSync(new URL(name, root), 'utf8')) as FixturePacket;

const TYPES = { A: 1, PTR: 12, TXT: 16, AAAA: 28, SRV: 33 } as const;

export function encodeResponse(packet: FixturePacket, options: { id?: number; compress?: boolean } = {}): Uint8Array {
  const out: number[] = [];
  const offsets = new Map<string, number>();
  const u16 = (v: number) => out.push((v >> 8) & 0xff, v & 0xff);
  const u32 = (v: number) => [Math.floor(v / 65536), v % 65536].forEach(u16);
  const name = (text: string) => {
    const labels = text.split('.');
    for (let i = 0; i < labels.length; i++) {
      const suffix = labels.slice(i).join('.').toLowerCase();
      const known = offsets.get(suffix);
      if (options.compress !== false && known !== undefined) return u16(0xc000 | known);
      if (out.length < 0x3fff) offsets.set(suffix, out.length);
      const bytes = new TextEncoder().encode(labels[i]);
      out.push(bytes.length, ...bytes);
    }
    out.push(0);
  };
  u16(options.id ?? 0);
  u16(0x8400); // response, authoritative
  u16(0);
  u16(packet.answers.length);
  u16(0);
  u16(packet.additionals.length);
  for (const record of [...packet.answers, ...packet.additionals]) {
    name(record.name);
    u16(TYPES[record.type]);
    u16(record.type === 'PTR' ? 1 : 0x8001); // cache-flush on unique records
    u32(record.ttl);
    const lengthAt = out.length;
    u16(0);
    const start = out.length;
    if (record.type === 'PTR') name(record.target);
    if (record.type === 'SRV') {
      [0, 0, record.port].forEach(u16); // priority, weight, port
      name(record.target);
    }
    if (record.type === 'TXT') {
      for (const text of record.strings) {
        const bytes = new TextEncoder().encode(text);
        out.push(bytes.length, ...bytes);
      }
    }
    if (record.type === 'A') out.push(...record.address.split('.').map(Number));
    if (record.type === 'AAAA') for (const group of record.address.split(':')) u16(parseInt(group, 16));
    const length = out.length - start;
    out[lengthAt] = length >> 8;
    out[lengthAt + 1] = length & 0xff;
  }
  return Uint8Array.from(out);
}

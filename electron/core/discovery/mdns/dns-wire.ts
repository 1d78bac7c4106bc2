/**
 * The slice of the DNS wire format mDNS/DNS-SD browsing needs: build a PTR/TXT/SRV query; read a response's
 * PTR, TXT, SRV, A and AAAA records. Pure; never throws.
 * Hazard: packets are untrusted. Datagrams over MAX_MDNS_BYTES, more than MAX_RECORDS records, names longer than
 * 255 bytes, labels over 63, and compression pointers that loop or point forward are refused; every read is
 * bounds-checked, so a truncated or forged packet yields null or fewer records, never an exception.
 */

/** RFC 6762 §17: an mDNS message is at most 9000 bytes. */
export const MAX_MDNS_BYTES = 9000;
/** Records read per packet (answers + authority + additional); a busy Apple TV sends ~30. */
export const MAX_RECORDS = 128;
const MAX_NAME_BYTES = 255;
const MAX_POINTER_JUMPS = 32;

export const TYPE = { A: 1, PTR: 12, TXT: 16, AAAA: 28, SRV: 33, ANY: 255 } as const;

export type DnsRecord =
  | { type: 'PTR'; name: string; ttl: number; target: string }
  | { type: 'TXT'; name: string; ttl: number; strings: Uint8Array[] }
  | { type: 'SRV'; name: string; ttl: number; port: number; target: string }
  | { type: 'A'; name: string; ttl: number; address: string }
  | { type: 'AAAA'; name: string; ttl: number; address: string };

export interface DnsResponse {
  id: number;
  records: DnsRecord[];
}

/** A query for `questions` (name, type); id 0 as mDNS asks for multicast queries. */
export function buildQuery(questions: readonly { name: string; type: number }[], id = 0): Uint8Array {
  const parts: number[] = [id >> 8, id & 0xff, 0, 0, 0, questions.length, 0, 0, 0, 0, 0, 0];
  for (const question of questions) {
    for (const label of question.name.split('.').filter((l) => l !== '')) {
      const bytes = new TextEncoder().encode(label).slice(0, 63);
      parts.push(bytes.length, ...bytes);
    }
    parts.push(0, question.type >> 8, question.type & 0xff, 0, 1); // class IN
  }
  return Uint8Array.from(parts);
}

class Reader {
  constructor(readonly data: Uint8Array) {}
  u8(at: number): number {
    if (at < 0 || at >= this.data.length) throw new RangeError('short');
    return this.data[at] ?? 0;
  }
  u16(at: number): number {
    return (this.u8(at) << 8) | this.u8(at + 1);
  }
  u32(at: number): number {
    return this.u16(at) * 65536 + this.u16(at + 2);
  }
  /** A possibly compressed name at `at`: its text and where the bytes after it start. */
  name(at: number): { name: string; next: number } {
    const labels: string[] = [];
    let pos = at;
    let next = -1;
    let jumps = 0;
    let length = 0;
    for (;;) {
      const len = this.u8(pos);
      if (len === 0) {
        if (next < 0) next = pos + 1;
        break;
      }
      if ((len & 0xc0) === 0xc0) {
        const target = ((len & 0x3f) << 8) | this.u8(pos + 1);
        if (next < 0) next = pos + 2;
        // Only backwards pointers, and few: a loop or a forward chain is a forged packet.
        if (target >= pos || ++jumps > MAX_POINTER_JUMPS) throw new RangeError('pointer');
        pos = target;
        continue;
      }
      if (len > 63) throw new RangeError('label');
      length += len + 1;
      if (length > MAX_NAME_BYTES) throw new RangeError('name');
      if (pos + 1 + len > this.data.length) throw new RangeError('short');
      labels.push(labelText(this.data.subarray(pos + 1, pos + 1 + len)));
      pos += 1 + len;
    }
    return { name: labels.join('.'), next };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
/** A label as text; dots inside a label (legal in instance names) are kept, control characters become spaces. */
const labelText = (bytes: Uint8Array): string => utf8.decode(bytes).replace(/\p{Cc}/gu, ' ');

/** Reads a response; null for queries, malformed or oversize packets. */
export function parseDnsResponse(data: Uint8Array): DnsResponse | null {
  if (!(data instanceof Uint8Array) || data.byteLength < 12 || data.byteLength > MAX_MDNS_BYTES) return null;
  const r = new Reader(data);
  try {
    if ((r.u8(2) & 0x80) === 0) return null; // QR = 0: a query (ours echoed back, or another host's)
    const questions = r.u16(4);
    const total = r.u16(6) + r.u16(8) + r.u16(10);
    if (questions > MAX_RECORDS) return null;
    let pos = 12;
    for (let i = 0; i < questions; i++) pos = r.name(pos).next + 4;
    const records: DnsRecord[] = [];
    for (let i = 0; i < Math.min(total, MAX_RECORDS); i++) {
      const { name, next } = r.name(pos);
      const type = r.u16(next);
      const ttl = r.u32(next + 4);
      const length = r.u16(next + 8);
      const start = next + 10;
      const end = start + length;
      if (end > data.length) return records.length > 0 ? { id: r.u16(0), records } : null;
      const record = readRecord(r, type, name, ttl, start, end);
      if (record) records.push(record);
      pos = end;
    }
    return { id: r.u16(0), records };
  } catch {
    return null;
  }
}

function readRecord(r: Reader, type: number, name: string, ttl: number, start: number, end: number): DnsRecord | null {
  switch (type) {
    case TYPE.PTR:
      return { type: 'PTR', name, ttl, target: r.name(start).name };
    case TYPE.SRV:
      if (end - start < 7) return null;
      return { type: 'SRV', name, ttl, port: r.u16(start + 4), target: r.name(start + 6).name };
    case TYPE.A:
      if (end - start !== 4) return null;
      return { type: 'A', name, ttl, address: Array.from(r.data.subarray(start, end)).join('.') };
    case TYPE.AAAA: {
      if (end - start !== 16) return null;
      const groups: string[] = [];
      for (let at = start; at < end; at += 2) groups.push(r.u16(at).toString(16));
      return { type: 'AAAA', name, ttl, address: groups.join(':') };
    }
    case TYPE.TXT: {
      const strings: Uint8Array[] = [];
      let at = start;
      while (at < end) {
        const len = r.u8(at);
        if (at + 1 + len > end) break;
        strings.push(r.data.slice(at + 1, at + 1 + len));
        at += 1 + len;
      }
      return { type: 'TXT', name, ttl, strings };
    }
    default:
      return null;
  }
}

/**
 * The simulator's own DNS wire format (RFC 1035 / 6762): just what an mDNS responder needs — read the questions
 * of a query, write a response with PTR, SRV, TXT, A and AAAA records. Written from the RFCs, not shared with the
 * app. Queries come from the LAN, so reading is bounded: packet size, question count, name length and pointer jumps.
 */

export const TYPE = { A: 1, PTR: 12, TXT: 16, AAAA: 28, SRV: 33, ANY: 255 } as const;
const CLASS_IN = 1;
/** Top bit of the class: "cache flush" on a unique record in a response, "unicast response wanted" in a question. */
const TOP_BIT = 0x8000;

export const MDNS_MAX_PACKET = 9000;
const MAX_QUESTIONS = 64;
const MAX_JUMPS = 16;
const MAX_NAME = 255;

export type Question = { name: string; type: number; unicastResponse: boolean };
export type Query = { id: number; questions: Question[] };

export type RecordData =
  | { type: typeof TYPE.PTR; data: string }
  | { type: typeof TYPE.SRV; data: { port: number; target: string } }
  | { type: typeof TYPE.TXT; data: string[] }
  | { type: typeof TYPE.A; data: string }
  | { type: typeof TYPE.AAAA; data: string };
export type DnsRecord = RecordData & { name: string; ttl: number; flush?: boolean };

/** Reads a (possibly compressed) name at `offset`; returns it and the offset after it in the original stream. */
function readName(buf: Buffer, offset: number): { name: string; next: number } {
  const labels: string[] = [];
  let pos = offset;
  let next = -1;
  let jumps = 0;
  let length = 0;
  for (;;) {
    if (pos >= buf.length) throw new Error('name runs past the packet');
    const len = buf[pos] as number;
    if ((len & 0xc0) === 0xc0) {
      if (pos + 1 >= buf.length || ++jumps > MAX_JUMPS) throw new Error('bad compression pointer');
      if (next < 0) next = pos + 2;
      pos = ((len & 0x3f) << 8) | (buf[pos + 1] as number);
      continue;
    }
    if (len & 0xc0) throw new Error('unknown label type');
    if (len === 0) break;
    length += len + 1;
    if (length > MAX_NAME || pos + 1 + len > buf.length) throw new Error('name too long');
    labels.push(buf.toString('utf8', pos + 1, pos + 1 + len));
    pos += 1 + len;
  }
  return { name: labels.join('.'), next: next < 0 ? pos + 1 : next };
}

/** The questions of an mDNS query, or null for a response, a truncated or an unreadable packet. */
export function parseQuery(buf: Buffer): Query | null {
  if (buf.length < 12 || buf.length > MDNS_MAX_PACKET) return null;
  const flags = buf.readUInt16BE(2);
  if (flags & 0x8000 || (flags >> 11) & 0xf) return null; // a response, or an opcode other than QUERY
  const qd = buf.readUInt16BE(4);
  if (qd === 0 || qd > MAX_QUESTIONS) return null;
  const questions: Question[] = [];
  let pos = 12;
  try {
    for (let i = 0; i < qd; i++) {
      const { name, next } = readName(buf, pos);
      if (next + 4 > buf.length) return null;
      const qclass = buf.readUInt16BE(next + 2);
      if ((qclass & ~TOP_BIT) !== CLASS_IN && (qclass & ~TOP_BIT) !== 255) return null;
      questions.push({ name, type: buf.readUInt16BE(next), unicastResponse: (qclass & TOP_BIT) !== 0 });
      pos = next + 4;
    }
  } catch {
    return null;
  }
  return { id: buf.readUInt16BE(0), questions };
}

function writeName(name: string): Buffer {
  const parts = name.split('.').filter((l) => l.length > 0);
  const bufs = parts.map((l) => {
    const b = Buffer.from(l, 'utf8');
    if (b.length > 63) throw new Error(`DNS label over 63 bytes: ${l}`);
    return Buffer.concat([Buffer.from([b.length]), b]);
  });
  return Buffer.concat([...bufs, Buffer.from([0])]);
}

function rdata(r: DnsRecord): Buffer {
  switch (r.type) {
    case TYPE.PTR:
      return writeName(r.data);
    case TYPE.SRV: {
      const head = Buffer.alloc(6);
      head.writeUInt16BE(0, 0);
      head.writeUInt16BE(0, 2);
      head.writeUInt16BE(r.data.port, 4);
      return Buffer.concat([head, writeName(r.data.target)]);
    }
    case TYPE.TXT: {
      const strings = r.data.length === 0 ? [''] : r.data;
      return Buffer.concat(strings.map((s) => Buffer.concat([Buffer.from([Buffer.byteLength(s)]), Buffer.from(s, 'utf8')])));
    }
    case TYPE.A:
      return Buffer.from(r.data.split('.').map(Number));
    case TYPE.AAAA:
      return ipv6Bytes(r.data);
  }
}

/** fe80::2a57:beff:fe65:7dd5 → 16 bytes. */
export function ipv6Bytes(addr: string): Buffer {
  const [head = '', tail = ''] = addr.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = addr.includes('::') ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : h;
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16) & 0xffff, i * 2));
  return out;
}

function writeRecord(r: DnsRecord): Buffer {
  const data = rdata(r);
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(r.type, 0);
  fixed.writeUInt16BE(CLASS_IN | (r.flush ? TOP_BIT : 0), 2);
  fixed.writeUInt32BE(r.ttl, 4);
  fixed.writeUInt16BE(data.length, 8);
  return Buffer.concat([writeName(r.name), fixed, data]);
}

/** An authoritative response (no compression: a responder may always write names in full). */
export function encodeResponse(id: number, answers: DnsRecord[], additionals: DnsRecord[], questions: Question[] = []): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt16BE(id, 0);
  head.writeUInt16BE(0x8400, 2); // QR + AA
  head.writeUInt16BE(questions.length, 4);
  head.writeUInt16BE(answers.length, 6);
  head.writeUInt16BE(0, 8);
  head.writeUInt16BE(additionals.length, 10);
  const qs = questions.map((q) => {
    const tail = Buffer.alloc(4);
    tail.writeUInt16BE(q.type, 0);
    tail.writeUInt16BE(CLASS_IN, 2);
    return Buffer.concat([writeName(q.name), tail]);
  });
  return Buffer.concat([head, ...qs, ...answers.map(writeRecord), ...additionals.map(writeRecord)]);
}

/** Reads a response back (for tests and lab checks): record names, types, TTLs and decoded data. */
export function parseResponse(buf: Buffer): { id: number; answers: DnsRecord[]; additionals: DnsRecord[] } | null {
  if (buf.length < 12 || buf.length > MDNS_MAX_PACKET || !(buf.readUInt16BE(2) & 0x8000)) return null;
  const counts = [4, 6, 8, 10].map((o) => buf.readUInt16BE(o)) as [number, number, number, number];
  if (counts.some((c) => c > 256)) return null;
  let pos = 12;
  try {
    for (let i = 0; i < counts[0]; i++) pos = readName(buf, pos).next + 4;
    const read = (n: number): DnsRecord[] => {
      const out: DnsRecord[] = [];
      for (let i = 0; i < n; i++) {
        const { name, next } = readName(buf, pos);
        if (next + 10 > buf.length) throw new Error('record runs past the packet');
        const type = buf.readUInt16BE(next);
        const flush = (buf.readUInt16BE(next + 2) & TOP_BIT) !== 0;
        const ttl = buf.readUInt32BE(next + 4);
        const len = buf.readUInt16BE(next + 8);
        const start = next + 10;
        if (start + len > buf.length) throw new Error('rdata runs past the packet');
        pos = start + len;
        const rec = decodeData(buf, type, start, len);
        if (rec) out.push({ ...rec, name, ttl, flush } as DnsRecord);
      }
      return out;
    };
    const answers = read(counts[1]);
    read(counts[2]);
    return { id: buf.readUInt16BE(0), answers, additionals: read(counts[3]) };
  } catch {
    return null;
  }
}

function decodeData(buf: Buffer, type: number, start: number, len: number): RecordData | null {
  switch (type) {
    case TYPE.PTR:
      return { type, data: readName(buf, start).name };
    case TYPE.SRV:
      return { type, data: { port: buf.readUInt16BE(start + 4), target: readName(buf, start + 6).name } };
    case TYPE.TXT: {
      const strings: string[] = [];
      for (let p = start; p < start + len;) {
        const n = buf[p] as number;
        strings.push(buf.toString('utf8', p + 1, Math.min(p + 1 + n, start + len)));
        p += 1 + n;
      }
      return { type, data: strings };
    }
    case TYPE.A:
      return len === 4 ? { type, data: [...buf.subarray(start, start + 4)].join('.') } : null;
    case TYPE.AAAA: {
      if (len !== 16) return null;
      const groups = Array.from({ length: 8 }, (_, i) => buf.readUInt16BE(start + i * 2).toString(16));
      return { type, data: groups.join(':') };
    }
    default:
      return null;
  }
}

/** A PTR query for `names` (for tests and lab checks; the responder never sends queries). */
export function encodeQuery(names: string[], type: number = TYPE.PTR, unicastResponse = false): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt16BE(names.length, 4);
  const qs = names.map((n) => {
    const tail = Buffer.alloc(4);
    tail.writeUInt16BE(type, 0);
    tail.writeUInt16BE(CLASS_IN | (unicastResponse ? TOP_BIT : 0), 2);
    return Buffer.concat([writeName(n), tail]);
  });
  return Buffer.concat([head, ...qs]);
}

/**
 * Neighbour-table parsers under hostile tool output (a misbehaving OS tool, or LAN-chosen interface names):
 * never throw, every entry well-formed, output no larger than the input, no prototype pollution, quick.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_TABLE_CHARS } from '../../electron/platform/neighbours/bound.js';
import { parseIpNeighJson, parseProcNetArp } from '../../electron/platform/neighbours/linux.js';
import { parseArpAn } from '../../electron/platform/neighbours/macos.js';
import { parseNetNeighborJson, parseWindowsArpA } from '../../electron/platform/neighbours/windows.js';
import type { NeighbourEntry } from '../../electron/platform/ports.js';
import { isIpv4 } from '../../shared/net.js';
import { FUZZ, FUZZ_TIMEOUT_MS, nastyText, PROTOTYPE_NAMES, prototypeKeys, RUNS } from './hostile.js';
import { bounded } from './work.js';

const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;
const before = prototypeKeys();

const octet = fc.integer({ min: 0, max: 255 });
const ip = fc.oneof(
  { arbitrary: fc.tuple(octet, octet, octet, octet).map((o) => o.join('.')), weight: 6 },
  fc.constantFrom('256.1.1.1', '01.2.3.4', '1.2.3', '::1', 'fe80::1%eth0', '1.2.3.4.5', ''),
  nastyText,
);
const mac = fc.oneof(
  {
    arbitrary: fc
      .array(octet, { minLength: 6, maxLength: 6 })
      .chain((bytes) => fc.constantFrom(':', '-').map((sep) => bytes.map((b) => b.toString(16).padStart(2, '0')).join(sep))),
    weight: 6,
  },
  fc.array(octet, { minLength: 6, maxLength: 6 }).map((bytes) => bytes.map((b) => b.toString(16)).join(':')), // macOS, unpadded
  fc.constantFrom('(incomplete)', '00:00:00:00:00:00', 'ff:ff:ff:ff:ff:ff', '01:00:5e:00:00:fb', '<incomplete>', ''),
  nastyText,
);
const iface = fc.oneof(
  fc.constantFrom('eth0', 'en0', 'Ethernet 2', 'br-lan'),
  nastyText,
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.string({ maxLength: 400 }),
);
const junkLine = fc.oneof(nastyText, fc.string({ unit: 'binary', maxLength: 200 }));

/** Lines shaped like the tool's rows, mixed with junk, joined with \n or \r\n. */
const table = (row: fc.Arbitrary<string>, header: string) =>
  fc
    .tuple(
      fc.array(fc.oneof({ arbitrary: row, weight: 4 }, { arbitrary: junkLine, weight: 1 }), { maxLength: 40, size: 'medium' }),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
    )
    .map(([lines, eol, bom]) => (bom ? '\uFEFF' : '') + [header, ...lines].join(eol));

const procRow = fc
  .tuple(ip, fc.constantFrom('0x1', '0x0', '0x2', '0x6', '0xZZ', '2', '0x'), mac, iface)
  .map(([i, flags, m, dev]) => `${i}  0x1  ${flags}  ${m}  *  ${dev}`);
const arpAnRow = fc.tuple(ip, mac, iface).map(([i, m, dev]) => `? (${i}) at ${m} on ${dev} ifscope [ethernet]`);
const winArpRow = fc.tuple(ip, mac).map(([i, m]) => `  ${i}          ${m}     dynamic`);
const winArpBlock = fc.tuple(ip).map(([i]) => `Interface: ${i} --- 0x${(i.length % 16).toString(16)}`);

/** JSON values with hostile keys (`__proto__` as an own key, as JSON.parse makes it) and wrong types. */
const jsonValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  nastyText,
  fc.array(nastyText, { maxLength: 3 }),
  fc.constant({ nested: { deep: [1] } }),
);
const ipNeighRow = fc.record(
  {
    dst: fc.oneof({ arbitrary: ip, weight: 4 }, jsonValue),
    dev: fc.oneof(iface, jsonValue),
    lladdr: fc.oneof({ arbitrary: mac, weight: 4 }, jsonValue),
    state: fc.oneof(fc.constantFrom(['REACHABLE'], ['STALE'], ['FAILED'], 'INCOMPLETE', [1, null]), jsonValue),
  },
  { requiredKeys: ['dst', 'lladdr'] },
);
const netNeighborRow = fc.record(
  {
    IPAddress: fc.oneof({ arbitrary: ip, weight: 4 }, jsonValue),
    LinkLayerAddress: fc.oneof({ arbitrary: mac, weight: 4 }, jsonValue),
    State: fc.oneof(fc.constantFrom(0, 1, 2, 3, 'Reachable', 'Unreachable', 'Incomplete', 'Permanent'), jsonValue),
    InterfaceAlias: fc.oneof(iface, jsonValue),
  },
  { requiredKeys: ['IPAddress', 'LinkLayerAddress'] },
);
const withProtoKey = (json: string) =>
  json.replace(/^\[?\{/, (open) => `${open}"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},`);
const jsonTable = (row: fc.Arbitrary<Record<string, unknown>>) =>
  fc.oneof(
    { arbitrary: fc.array(row, { maxLength: 30, size: 'medium' }).map((rows) => JSON.stringify(rows)), weight: 4 },
    { arbitrary: row.map((one) => JSON.stringify(one)), weight: 1 }, // ConvertTo-Json writes one object for one neighbour
    { arbitrary: fc.array(row, { minLength: 1, maxLength: 5 }).map((rows) => withProtoKey(JSON.stringify(rows))), weight: 2 },
    {
      arbitrary: fc.tuple(fc.array(row, { maxLength: 5 }), fc.nat()).map(([rows, cut]) => {
        const t = JSON.stringify(rows);
        return t.slice(0, cut % (t.length + 1));
      }),
      weight: 1,
    },
    { arbitrary: junkLine, weight: 1 },
  );

function wellFormed(entries: NeighbourEntry[], input: string): void {
  expect(Array.isArray(entries)).toBe(true);
  expect(entries.length).toBeLessThanOrEqual(Math.ceil(input.length / 8)); // an entry needs at least an IP and a MAC
  for (const entry of entries) {
    expect(Object.keys(entry).sort()).toEqual(['interface', 'ip', 'mac']);
    expect(isIpv4(entry.ip)).toBe(true);
    expect(entry.mac).toMatch(MAC);
    expect((parseInt(entry.mac.slice(0, 2), 16) & 1) === 0 && entry.mac !== '00:00:00:00:00:00').toBe(true);
    expect(
      entry.interface === null ||
        (entry.interface.length > 0 && entry.interface.length <= 256 && entry.interface === entry.interface.trim()),
    ).toBe(true);
  }
}

const parsers: [string, (text: string) => NeighbourEntry[], fc.Arbitrary<string>][] = [
  [
    'Linux /proc/net/arp',
    parseProcNetArp,
    table(procRow, 'IP address       HW type     Flags       HW address            Mask     Device'),
  ],
  ['Linux ip -j neigh', parseIpNeighJson, jsonTable(ipNeighRow)],
  ['macOS arp -an', parseArpAn, table(arpAnRow, '')],
  ['Windows Get-NetNeighbor JSON', parseNetNeighborJson, jsonTable(netNeighborRow)],
  ['Windows arp -a', parseWindowsArpA, table(fc.oneof(winArpRow, winArpBlock), '  Internet Address      Physical Address      Type')],
];

describe('fuzz: neighbour-table parsers', () => {
  afterAll(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeKeys()).toEqual(before);
  });

  for (const [name, parse, input] of parsers) {
    it(
      `${name}: ${RUNS} hostile tables, never a throw, only well-formed entries`,
      () => {
        let found = 0;
        fc.assert(
          fc.property(input, (text) => {
            const entries = bounded(name, text.length, () => parse(text));
            found += entries.length;
            wellFormed(entries, text);
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          }),
          FUZZ,
        );
        expect(found).toBeGreaterThan(RUNS / 10); // the generators reach real rows, not only junk
      },
      FUZZ_TIMEOUT_MS,
    );
  }

  it(
    'every parser takes non-strings and oversized tables (1 MiB ± 1) without throwing',
    () => {
      const row = '198.18.0.9  0x1  0x2  00:40:8c:12:34:56  *  eth0\n';
      const huge = row.repeat(Math.ceil((MAX_TABLE_CHARS + 1) / row.length)).slice(0, MAX_TABLE_CHARS + 1);
      for (const [, parse] of parsers) {
        for (const value of [undefined, null, 42, {}, [], huge.slice(0, MAX_TABLE_CHARS - 1), huge.slice(0, MAX_TABLE_CHARS), huge]) {
          expect(
            Array.isArray(bounded('oversized table', typeof value === 'string' ? value.length : 0, () => parse(value as string))),
          ).toBe(true);
        }
      }
    },
    FUZZ_TIMEOUT_MS,
  );
});

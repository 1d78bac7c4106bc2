/**
 * CIDR parsing under hostile and generated input: parseCidr never throws; on valid ranges it agrees with an
 * independent model (network address, host count, first/last skipping network and broadcast) and refuses
 * anything wider than /16 unless confirmed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SWEEP_PREFIX, parseCidr, rangeAddresses } from '../../shared/cidr.js';
import { ipv4ToInt } from '../../shared/net.js';
import { FUZZ, FUZZ_TIMEOUT_MS, nastyText, RUNS } from './hostile.js';
import { bounded } from './work.js';

const octets = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 });
const special = (first: number) => first === 0 || first === 127 || first >= 224;

describe('fuzz: CIDR', () => {
  it(
    `parseCidr: ${RUNS} generated ranges agree with a model`,
    () => {
      fc.assert(
        fc.property(octets, fc.integer({ min: 0, max: 32 }), fc.boolean(), (bytes, prefix, confirmLarge) => {
          const text = `${bytes.join('.')}/${prefix}`;
          const result = bounded('parseCidr', text.length, () => parseCidr(text, { confirmLarge }));
          const address = bytes.reduce((acc, b) => acc * 256 + b, 0);
          const size = 2 ** (32 - prefix);
          const network = Math.floor(address / size) * size;
          const firstOctet = Math.floor(network / 2 ** 24);
          const lastOctet = Math.floor((network + size - 1) / 2 ** 24);
          if (special(firstOctet) || special(lastOctet) || (firstOctet < 127 && lastOctet > 127)) {
            expect(result.ok ? 'ok' : result.error.code).toBe('not-unicast');
            return;
          }
          if (prefix < MAX_SWEEP_PREFIX && !confirmLarge) {
            expect(result.ok ? 'ok' : result.error.code).toBe('too-large');
            return;
          }
          if (!result.ok) throw new Error(`refused ${text}: ${result.error.message}`);
          const { range } = result;
          expect(ipv4ToInt(range.cidr.split('/')[0]!)).toBe(network);
          expect(range.count).toBe(prefix >= 31 ? size : size - 2);
          expect(range.first).toBe(prefix >= 31 ? network : network + 1);
          expect(range.last).toBe(prefix >= 31 ? network + size - 1 : network + size - 2);
          const [first] = rangeAddresses(range);
          expect(ipv4ToInt(first!)).toBe(range.first);
        }),
        FUZZ,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `parseCidr: ${RUNS} hostile strings, never a throw, a sentence when refused`,
    () => {
      const input = fc.oneof(
        nastyText,
        fc.stringMatching(/^[0-9./ ]{0,40}$/),
        fc.constantFrom('__proto__', '1.2.3.4/', '/24', '1.2.3.4//24', '01.02.03.04/24', '1.2.3.4/024', '999.1.1.1/8'),
      );
      fc.assert(
        fc.property(input, (text) => {
          const result = bounded('parseCidr', text.length, () => parseCidr(text));
          if (result.ok) {
            expect(result.range.count).toBeGreaterThan(0);
            expect(result.range.count).toBeLessThanOrEqual(65_534);
          } else {
            expect(result.error.message.length).toBeGreaterThan(10);
            expect(result.error.message.length).toBeLessThan(300);
          }
        }),
        FUZZ,
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

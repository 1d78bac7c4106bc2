/**
 * WS-Discovery parsing under hostile datagrams: parseWsdMessage, toObservations and scopeFacts never throw,
 * return null or a well-formed value within the documented caps, pollute no prototype, and finish quickly.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { AppSequenceFilter } from '../../electron/core/discovery/wsd/app-sequence.js';
import { DuplicateFilter } from '../../electron/core/discovery/wsd/duplicate-filter.js';
import { toObservations } from '../../electron/core/discovery/wsd/observation.js';
import {
  MAX_FIELD_CHARS,
  MAX_ITEM_CHARS,
  MAX_LIST,
  MAX_WSD_BYTES,
  parseWsdMessage,
  type WsdMessage,
} from '../../electron/core/discovery/wsd/parse.js';
import { MAX_SCOPE_CHARS, scopeFacts } from '../../electron/core/discovery/wsd/scopes.js';
import { FUZZ, FUZZ_TIMEOUT_MS, hostileDatagram, nastyText, prototypeKeys, RUNS } from './hostile.js';
import { bounded } from './work.js';

const KINDS = new Set(['probe-matches', 'hello', 'bye', 'probe', 'fault']);
const CONTROL = /\p{Cc}/u;
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;
const before = prototypeKeys();

const capped = (value: unknown, max: number) => value === null || (typeof value === 'string' && value.length <= max);
const goodList = (items: unknown) =>
  Array.isArray(items) &&
  items.length <= MAX_LIST &&
  items.every((item) => typeof item === 'string' && item !== '' && item.length <= MAX_ITEM_CHARS && !CONTROL.test(item));

/** The reasons a parsed message is not well-formed; [] when it is. */
function problems(message: WsdMessage): string[] {
  const found: string[] = [];
  const check = (ok: boolean, what: string) => void (ok || found.push(what));
  check(KINDS.has(message.kind), `kind ${String(message.kind)}`);
  check([null, '1.1', '1.2'].includes(message.soapVersion), 'soapVersion');
  for (const key of ['action', 'messageId', 'relatesTo'] as const) check(capped(message[key], MAX_FIELD_CHARS), key);
  check(message.matches.length <= MAX_LIST, 'matches');
  for (const match of message.matches) {
    check(capped(match.endpoint, MAX_FIELD_CHARS) && !CONTROL.test(match.endpoint ?? ''), 'endpoint');
    check(goodList(match.types) && goodList(match.scopes) && goodList(match.xaddrs), 'lists');
    check(match.metadataVersion === null || Number.isSafeInteger(match.metadataVersion), 'metadataVersion');
  }
  check(goodList(message.probeTypes), 'probeTypes');
  const namespaces = Object.entries(message.namespaces);
  check(Object.getPrototypeOf(message.namespaces) === null && namespaces.length <= MAX_LIST, 'namespaces');
  check(
    namespaces.every(([k, v]) => k.length <= MAX_FIELD_CHARS && v.length <= MAX_FIELD_CHARS),
    'namespace text',
  );
  const seq = message.appSequence;
  check(seq === null || (Number.isSafeInteger(seq.instanceId) && capped(seq.sequenceId, MAX_FIELD_CHARS)), 'appSequence');
  const fault = message.fault;
  check(fault === null || [fault.code, fault.subcode, fault.reason].every((v) => capped(v, MAX_FIELD_CHARS)), 'fault');
  return found;
}

describe('fuzz: WS-Discovery', () => {
  afterAll(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeKeys()).toEqual(before);
  });

  it(
    `parseWsdMessage → toObservations: ${RUNS} hostile datagrams, never a throw, always bounded`,
    () => {
      let parsed = 0;
      const repeats = new DuplicateFilter(); // runs before the parser on every reply: it must be as robust
      fc.assert(
        fc.property(hostileDatagram, (data) => {
          expect(typeof bounded('DuplicateFilter', data.byteLength, () => repeats.isRepeat('198.18.0.9', data))).toBe('boolean');
          const message = bounded('parseWsdMessage', data.byteLength, () => parseWsdMessage(data));
          if (data.byteLength > MAX_WSD_BYTES) expect(message).toBeNull();
          if (message === null) return;
          parsed++;
          expect(problems(message)).toEqual([]);
          const observations = bounded('toObservations', data.byteLength, () =>
            toObservations(message, { ip: '198.18.0.9', interface: 'eth0', at: 1 }),
          );
          expect(observations.length).toBeLessThanOrEqual(MAX_LIST);
          for (const observation of observations) {
            // One observation is a small record whatever the packet was: it cannot be amplified downstream.
            expect(JSON.stringify(observation).length).toBeLessThan(4 * MAX_WSD_BYTES);
            expect(observation.facts.every((f) => f.value.length <= MAX_SCOPE_CHARS)).toBe(true);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        FUZZ,
      );
      // The generators must reach the parser's depths, not only its front door: many cases parse.
      expect(parsed).toBeGreaterThan(RUNS / 5);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `toObservations: ${RUNS} hand-built messages with hostile fields, never a throw`,
    () => {
      const message = fc.record({
        kind: fc.constantFrom('probe-matches', 'hello', 'bye', 'probe', 'fault'),
        soapVersion: fc.constantFrom(null, '1.1', '1.2'),
        action: fc.constant(null),
        messageId: fc.constant(null),
        relatesTo: fc.option(nastyText),
        appSequence: fc.constant(null),
        matches: fc.array(
          fc.record({
            endpoint: fc.option(nastyText),
            types: fc.array(
              fc.oneof(nastyText, fc.constantFrom('dn:NetworkVideoTransmitter', 'constructor:Device', '__proto__:Device', 'wsdp:Device')),
              { maxLength: 6 },
            ),
            scopes: fc.array(
              fc.oneof(
                nastyText,
                nastyText.map((t) => `onvif://www.onvif.org/name/${t}`),
              ),
              { maxLength: 6 },
            ),
            xaddrs: fc.array(
              fc.oneof(
                nastyText,
                nastyText.map((t) => `http://${t}/onvif`),
              ),
              { maxLength: 4 },
            ),
            metadataVersion: fc.option(fc.nat()),
          }),
          { maxLength: 4 },
        ),
        probeTypes: fc.constant<string[]>([]),
        fault: fc.constant(null),
        namespaces: fc.dictionary(fc.constantFrom('', 'dn', 'wsdp', 'constructor', '__proto__', 'toString'), nastyText),
      });
      fc.assert(
        fc.property(message, fc.option(nastyText), (m, ip) => {
          const observations = bounded('toObservations (built)', JSON.stringify(m).length, () =>
            toObservations(m as WsdMessage, { ip, interface: null, at: 0 }),
          );
          expect(observations.length).toBe(m.kind === 'probe' || m.kind === 'fault' ? 0 : m.matches.length);
          for (const o of observations) expect(typeof o.isCamera).toBe('boolean');
        }),
        FUZZ,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `scopeFacts: ${RUNS} hostile scope lists, facts one per name and within the cap`,
    () => {
      const scope = fc.oneof(
        nastyText,
        fc
          .tuple(
            fc.constantFrom('name', 'MAC', 'macaddress', 'hardware', 'location', 'serial', 'constructor', '__proto__', '%5F%5Fproto%5F%5F'),
            nastyText,
          )
          .map(([category, value]) => `onvif://www.onvif.org/${category}/${value}`),
        fc.string({ unit: 'binary', maxLength: 2000 }).map((value) => `onvif://www.onvif.org/location/${value}`),
      );
      fc.assert(
        fc.property(fc.array(scope, { maxLength: MAX_LIST }), (uris) => {
          const facts = bounded('scopeFacts', uris.join(' ').length, () => scopeFacts(uris));
          expect(new Set(facts.map((f) => f.name)).size).toBe(facts.length);
          for (const fact of facts) {
            expect(fact.value.length).toBeGreaterThan(0);
            expect(fact.value.length).toBeLessThanOrEqual(MAX_SCOPE_CHARS);
            expect(CONTROL.test(fact.value)).toBe(false);
            if (fact.name === 'mac') expect(fact.value).toMatch(MAC);
          }
        }),
        FUZZ,
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    `AppSequenceFilter: ${RUNS} announcement streams, only strictly newer stamps pass, memory capped`,
    () => {
      const announcement = fc.record({
        endpoint: fc.option(fc.constantFrom('a', 'b', 'c', '__proto__', 'constructor'), { nil: null }),
        stamp: fc.option(
          fc.record({
            instanceId: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(Number.MAX_SAFE_INTEGER)),
            messageNumber: fc.integer({ min: 0, max: 5 }),
            sequenceId: fc.option(nastyText, { nil: null }),
          }),
          { nil: null },
        ),
      });
      fc.assert(
        fc.property(fc.array(announcement, { maxLength: 40 }), (stream) => {
          const filter = new AppSequenceFilter(3);
          const model = new Map<string, [number, number]>(); // every endpoint's newest accepted stamp
          for (const { endpoint, stamp } of stream) {
            const verdict = filter.check(endpoint, stamp);
            expect(filter.size).toBeLessThanOrEqual(3);
            if (endpoint === null || stamp === null) {
              expect(verdict).toBe('unsequenced');
              continue;
            }
            const last = model.get(endpoint);
            const newer = !last || stamp.instanceId > last[0] || (stamp.instanceId === last[0] && stamp.messageNumber > last[1]);
            // Only an endpoint the capped table forgot may pass without being newer; a newer stamp always passes.
            if (newer) expect(verdict).toBe('new');
            else if (new Set([...model.keys(), endpoint]).size <= 3) expect(verdict).toBe('stale'); // nothing was forgotten
            if (verdict === 'new') model.set(endpoint, [stamp.instanceId, stamp.messageNumber]);
          }
        }),
        FUZZ,
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

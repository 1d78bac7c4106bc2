/**
 * Camera replies are untrusted: every reader returns a value (or a typed failure) for any text, and none
 * leaves anything on Object.prototype. Property-based, with SOAP- and VAPIX-shaped noise.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseApplicationList, parseBasicDeviceInfo, parseParamList } from '../../../../../electron/core/devices/axis/parse.js';
import { cameraClock, posixTzEastMinutes } from '../../../../../electron/core/devices/onvif/clock.js';
import { deviceInformation, networkInterfaces, readEnvelope, scopes } from '../../../../../electron/core/devices/onvif/parse.js';
import { digestChallenges } from '../../../../../electron/platform/http-digest.js';

const names = fc.constantFrom(
  'Envelope',
  'Body',
  'Fault',
  'GetDeviceInformationResponse',
  'SerialNumber',
  'NetworkInterfaces',
  'HwAddress',
  '__proto__',
  'constructor',
  'reply',
  'application',
);
const element: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 20 }),
    fc
      .tuple(names, fc.array(tie('node'), { maxLength: 4 }))
      .map(([name, kids]) => `<s:${name} Name="x">${(kids as string[]).join('')}</s:${name}>`),
  ),
})).node as fc.Arbitrary<string>;
const hostile = fc.oneof(fc.string({ maxLength: 300 }), element, fc.string({ unit: 'binary', maxLength: 200 }));

describe('device readers never throw', () => {
  it('ONVIF envelope, fields, clock; VAPIX lists and info; digest challenges', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const read = readEnvelope(text, 'cam');
        if (read.ok && read.value.kind === 'body') {
          const body = read.value.body;
          deviceInformation(body, 'cam');
          networkInterfaces(body);
          scopes(body);
          cameraClock(body, 0);
        }
        parseParamList(text);
        parseApplicationList(text);
        parseBasicDeviceInfo(text);
        posixTzEastMinutes(text, true);
        digestChallenges(`Digest ${text}`);
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});

/**
 * Cameras and gateways are untrusted: whatever they answer, in whatever order, a writer resolves with an outcome
 * and no sentence or step repeats the token or the password — even when the device echoes them back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAxisAgentWriter } from '../../../../../../electron/core/devices/token-writers/axis-vxg-agent.js';
import { createGatewayWriter } from '../../../../../../electron/core/devices/token-writers/vxg-gateway.js';
import type { TokenTarget, TokenWriter } from '../../../../../../electron/core/devices/token-writers/writer.js';
import type { HttpClient, HttpOutcome } from '../../../../../../electron/platform/http.js';
import { awkwardToken, decoded, leaks, secretsOf } from './token-fixtures.js';

const TOKEN = awkwardToken(2001);
const OTHER = awkwardToken(2002, 'other.example');
const PASSWORD = 'Hostile-pw-31';
const camera: TokenTarget = {
  id: 'cam',
  ip: '192.0.2.7',
  mac: null,
  serial: null,
  vendor: 'Axis',
  manufacturer: 'AXIS',
  cloudAgent: { installed: 'running', token: 'has-token' },
};

const body = fc.oneof(
  fc.constant('OK'),
  fc.constant(`# Error: Error setting 'root.VXGCloudAgent.CloudToken' to '${TOKEN}'!`),
  fc.constant(`# Error: bad password ${PASSWORD}`),
  fc.constant(`root.VXGCloudAgent.CloudToken=${OTHER}\r\n`),
  fc.constant(`root.VXGCloudAgent.CloudToken=${TOKEN}\r\n`),
  fc.constant('<reply result="ok"><application Name="VXGCloudAgent" Status="Running" Version="2.2.27"/></reply>'),
  fc.constant(JSON.stringify({ token: 'abc123' })),
  fc.constant(JSON.stringify({ token: 'a\r\nX-Evil: 1' })),
  fc.constant(JSON.stringify({ detail: TOKEN })),
  fc.string({ maxLength: 80 }),
);
// Mostly 200s, so runs get past the login and reach the write, read-back and rollback paths.
const status = fc.oneof(
  { weight: 4, arbitrary: fc.constant(200) },
  { weight: 1, arbitrary: fc.constantFrom(201, 204, 400, 401, 403, 404, 423, 500) },
);
const reply = fc.record({ status, body });

/** Answers each request with the next scripted reply; past the script, the device has gone away. */
function scripted(replies: { status: number; body: string }[]): HttpClient {
  let i = 0;
  return {
    request: async (): Promise<HttpOutcome> => {
      const next = replies[i++];
      return next
        ? { ok: true, response: { status: next.status, headers: {}, body: next.body } }
        : { ok: false, kind: 'network', message: 'Could not reach 192.0.2.7 (ECONNREFUSED).' };
    },
  };
}

async function check(make: (http: HttpClient) => TokenWriter, replies: { status: number; body: string }[], force: boolean): Promise<void> {
  const said: string[] = [];
  const outcome = await make(scripted(replies)).write({
    camera,
    token: decoded(TOKEN),
    force,
    onStep: (s) => said.push(s.message),
  });
  said.push(outcome.message);
  expect(['written', 'unchanged', 'rolled-back', 'rollback-failed']).toContain(outcome.status);
  expect(leaks(said, [PASSWORD, ...secretsOf(TOKEN), ...secretsOf(OTHER)])).toEqual([]);
}

describe('token writers facing hostile replies', () => {
  it('Axis writer: always an outcome, never a secret', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(reply, { maxLength: 14 }), fc.boolean(), (replies, force) =>
        check((http) => createAxisAgentWriter({ http, credentialsFor: () => ({ username: 'root', password: PASSWORD }) }), replies, force),
      ),
      { numRuns: 1000 },
    );
  });

  it('Axis writer clearing a token: always an outcome, never the token it read or the password', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(reply, { maxLength: 14 }), async (replies) => {
        const said: string[] = [];
        const writer = createAxisAgentWriter({ http: scripted(replies), credentialsFor: () => ({ username: 'root', password: PASSWORD }) });
        const outcome = await writer.clear!({ camera, onStep: (s) => said.push(s.message) });
        said.push(outcome.message);
        expect(['written', 'unchanged', 'rolled-back', 'rollback-failed']).toContain(outcome.status);
        expect(leaks(said, [PASSWORD, ...secretsOf(TOKEN), ...secretsOf(OTHER)])).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('gateway writer: always an outcome, never a secret', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(reply, { maxLength: 8 }), (replies) =>
        check(
          (http) => createGatewayWriter({ http, url: 'http://192.0.2.1', credentials: { username: 'admin', password: PASSWORD } }),
          replies,
          false,
        ),
      ),
      { numRuns: 1000 },
    );
  });
});

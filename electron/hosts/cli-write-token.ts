/**
 * `camera-finder write-token --ip <IP> [--channel <id> | --token <token|->] --credentials FILE [--json]`: the
 * forced token change from a script (issue #9). Through the contract's dispatch like every front door:
 * credential sets into the vault (memory only), `identify.run` on the camera at the IP (so the writer knows the
 * set that works and whether VXG Cloud Agent runs), then `token.write`. Exit 0 only when the token was written,
 * read back equal, the agent restarted and (where the cloud is configured) the channel reported online.
 *
 * Secrets: the pasted token is decoded here only to refuse a malformed one before any request; it then goes to
 * the core and nowhere else. Nothing printed quotes an argument, a token or a password.
 */
import { decodeAccessToken, unwritableReason } from '../../shared/access-token.js';
import type { IdentifyResult } from '../../shared/contract/identify.js';
import type { TokenWriteResult } from '../../shared/contract/tokens.js';
import type { Device } from '../../shared/device.js';
import { dispatch } from '../../shared/dispatch.js';
import type { Core } from '../core/core.js';
import { EXIT } from './cli-args.js';
import type { CredentialFs } from './cli-credentials.js';
import { identifyDevices, prepareCredentials } from './cli-identify.js';
import type { WriteTokenCommand } from './cli-write-token-args.js';

type Writer = { write(text: string): unknown };

export interface WriteTokenIo {
  stdout: Writer;
  stderr: Writer;
  readStdin: () => Promise<string | null>;
  credentialFs?: CredentialFs | undefined;
}

interface Report {
  device: Device | null;
  identify: IdentifyResult | null;
  result: TokenWriteResult | null;
  errors: string[];
}

const printable = (text: string) => text.replace(/[\p{Cc}\p{Cf}]/gu, '?');

export async function runWriteToken(cmd: WriteTokenCommand, core: Core, io: WriteTokenIo): Promise<number> {
  const report: Report = { device: null, identify: null, result: null, errors: [] };
  const done = (code: number, sentence?: string): number => {
    if (sentence) report.errors.push(sentence);
    if (cmd.json) io.stdout.write(JSON.stringify(report) + '\n');
    else if (report.result) {
      for (const s of report.result.steps) io.stderr.write(`  ${s.step.padEnd(9)} ${s.result.padEnd(6)} ${printable(s.message)}\n`);
      (report.result.ok ? io.stdout : io.stderr).write(`${cmd.ip}  ${report.result.status}: ${printable(report.result.message)}\n`);
    }
    if (sentence) io.stderr.write(sentence + '\n');
    return code;
  };

  // 1. The pasted token: a malformed one is a wrong command line, refused before any request.
  let token: string | undefined;
  if (cmd.token !== undefined) {
    const read = cmd.token ?? (await io.readStdin());
    if (!read) return done(EXIT.usage, 'No token on stdin: pipe the token in (at most 4 KiB), or give --token <token>.');
    const decoded = decodeAccessToken(read);
    if (!decoded.ok) return done(EXIT.usage, `--token is not a VXG access token: ${decoded.message} Nothing was sent to the camera.`);
    token = read;
    if (unwritableReason(decoded.token)) {
      // A watch or group token: the core refuses it (and audits the refusal) without a request to the camera.
      const ids = core.addCameraAddresses?.([cmd.ip]) ?? [];
      if (ids[0]) {
        const refused = await dispatch(core, 'token.write', { cameras: [{ deviceId: ids[0], token }] });
        if (refused.ok) report.result = refused.value.results[0] ?? null;
      }
      return done(EXIT.failed, report.result ? undefined : `${unwritableReason(decoded.token)} Nothing was sent to the camera.`);
    }
  }

  // 2. Credentials, then identify the camera with them: the writer logs in with the set that worked.
  const prepared = await prepareCredentials(core, cmd.credentials, io.credentialFs);
  if (!prepared.ok) return done(EXIT.usage, prepared.message);
  if (!core.addCameraAddresses) return done(EXIT.failed, 'write-token is not available in this build.');
  const [deviceId] = core.addCameraAddresses([cmd.ip]);
  if (!deviceId) return done(EXIT.failed, 'The camera could not be added: the device list is full.');
  const identified = await identifyDevices(core, [deviceId]);
  if (!identified.ok) return done(EXIT.failed, `${identified.message} Nothing was written.`);
  report.identify = identified.results.find((r) => r.deviceId === deviceId) ?? null;
  report.device = await device(core, deviceId);
  if (report.identify?.status !== 'authenticated')
    return done(
      EXIT.failed,
      `The camera at ${cmd.ip} could not be identified with the given credentials: ${printable(report.identify?.message ?? 'no answer.')} Nothing was written.`,
    );

  // 3. The write.
  const target = {
    deviceId,
    ...(cmd.channelId !== undefined ? { channelId: cmd.channelId } : {}),
    ...(token !== undefined ? { token } : {}),
  };
  const written = await dispatch(core, 'token.write', { cameras: [target] });
  if (!written.ok) return done(written.code === 'invalid-args' ? EXIT.usage : EXIT.failed, written.message);
  report.result = written.value.results[0] ?? null;
  report.device = await device(core, deviceId);
  return done(report.result?.ok ? EXIT.ok : EXIT.failed);
}

async function device(core: Core, id: string): Promise<Device | null> {
  const listed = await dispatch(core, 'devices.list', {});
  return listed.ok ? (listed.value.devices.find((d) => d.id === id) ?? null) : null;
}

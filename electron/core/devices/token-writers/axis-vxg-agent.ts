/**
 * Token writer for Axis cameras running VXG Cloud Agent (ACAP `VXGCloudAgent`, parameter
 * `root.VXGCloudAgent.CloudToken`; shared/reference/vxg-cloud.md §5.1). Sequence: agent installed and running
 * (list.cgi) → remember the current token (opaque object) → refuse another channel's camera unless forced →
 * write (param.cgi update) → read back, byte for byte → restart the agent (control.cgi) → confirm online.
 * Any failure after the first change puts the previous value back, reads it back and restarts the agent again.
 *
 * Lockout hazard: the first call is the login; a 401 there stops everything, so wrong credentials cost exactly
 * one failed attempt and change nothing. Secret hazard: tokens are held as objects that cannot print
 * themselves and are revealed only into a request or a comparison.
 */
import { decodeAccessToken, unwritableReason } from '../../../../shared/access-token.js';
import type { HttpClient } from '../../../platform/http.js';
import { createVapixClient } from '../axis/client.js';
import type { DeviceResult } from '../failure.js';
import { createAgentCalls } from './vapix-agent-calls.js';
import {
  cameraLabel,
  confirmSafely,
  stepReporter,
  type ConfirmOnline,
  type Fit,
  redactor,
  type TokenTarget,
  type TokenWriteOutcome,
  type TokenWriteRequest,
  type TokenWriteStepName,
  type TokenWriter,
} from './writer.js';

export interface AxisAgentWriterOptions {
  http: HttpClient;
  /** The credential set identification proved for this camera (admin), or null when none did. */
  credentialsFor(camera: TokenTarget): { username: string; password: string } | null;
  /** The lead backs this with the admin-API watcher; without it, "written" stops at the restart. */
  confirmOnline?: ConfirmOnline;
  /** Where VAPIX answers; default http://<ip>. Tests point it at a simulator port. */
  baseUrlFor?(camera: TokenTarget): string;
}

const STEP_WORDS: Record<TokenWriteStepName, string> = {
  check: 'agent check',
  read: 'reading of the current token',
  write: 'write',
  'read-back': 'read-back',
  restart: 'agent restart',
  confirm: 'online check',
  rollback: 'rollback',
};

const defaultBaseUrl = (camera: TokenTarget): string => `http://${(camera.ip ?? '').includes(':') ? `[${camera.ip}]` : camera.ip}`;

export function createAxisAgentWriter(options: AxisAgentWriterOptions): TokenWriter {
  return {
    name: 'axis-vxg-agent',

    fits(camera): Fit {
      const brand = `${camera.vendor ?? ''} ${camera.manufacturer ?? ''}`;
      if (!/\baxis\b/i.test(brand)) return { fits: false, reason: 'This writer is for Axis cameras.' };
      if (camera.ip === null) return { fits: false, reason: 'The camera has no known IP address.' };
      const installed = camera.cloudAgent?.installed ?? 'unknown';
      if (installed === 'absent')
        return { fits: false, reason: "VXG Cloud Agent is not installed on this camera; install it from the camera's Apps page first." };
      if (installed === 'unknown')
        return { fits: false, reason: 'Identify the camera with its credentials first, so we know whether VXG Cloud Agent is installed.' };
      return { fits: true };
    },

    async write(request): Promise<TokenWriteOutcome> {
      const secrets = redactor([request.token.reveal(), options.credentialsFor(request.camera)?.password ?? '']);
      const outcome = await writeSteps(request, { value: request.token.reveal(), channel: request.token.camid }, secrets);
      return { ...outcome, message: secrets.hide(outcome.message) };
    },

    async clear(request): Promise<TokenWriteOutcome> {
      const secrets = redactor([options.credentialsFor(request.camera)?.password ?? '']);
      const outcome = await writeSteps({ ...request, force: true }, { value: '', channel: null }, secrets);
      return { ...outcome, message: secrets.hide(outcome.message) };
    },
  };

  /** Write `value` ('' = clear) through every step; `token` is absent only when clearing. */
  async function writeSteps(
    { camera, force = false, onStep, ...rest }: Omit<TokenWriteRequest, 'token'> & { token?: TokenWriteRequest['token'] },
    target: { value: string; channel: number | null },
    secrets: ReturnType<typeof redactor>,
  ): Promise<TokenWriteOutcome> {
    const report = stepReporter(onStep, secrets.hide);
    const label = cameraLabel(camera);
    const clearing = target.value === '';
    const unchanged = (step: TokenWriteStepName, message: string): TokenWriteOutcome => {
      report({ step, result: 'failed', message });
      return { status: 'unchanged', failedStep: step, channelId: null, message };
    };

    const unwritable = rest.token ? unwritableReason(rest.token) : null;
    if (unwritable) return unchanged('check', `Nothing was written to the camera at ${label}. ${unwritable}`);
    const credentials = options.credentialsFor(camera);
    if (!credentials)
      return unchanged(
        'check',
        `No credential set is known to work on the camera at ${label}; identify it with an administrator account first.`,
      );
    const baseUrl = (options.baseUrlFor ?? defaultBaseUrl)(camera);
    const vapix = createVapixClient({ http: options.http, baseUrl, credentials });
    const agent = createAgentCalls({ http: options.http, baseUrl, credentials });
    const channel = target.channel;

    // 1. Installed and running? This is also the login: a refusal here ends the attempt.
    const status = await vapix.agentStatus();
    if (!status.ok) {
      const outcome = unchanged('check', `${status.failure.message} Nothing was changed.`);
      const kind = status.failure.kind;
      return kind === 'unauthorized' || kind === 'locked' ? { ...outcome, loginRefused: kind } : outcome;
    }
    if (status.value.state !== 'running') return unchanged('check', `${status.value.sentence} Nothing was changed.`);
    report({ step: 'check', result: 'ok', message: status.value.sentence });

    // 2. Remember what the camera holds now: the value rollback restores ('' = no token).
    const current = await vapix.readCloudToken();
    if (!current.ok) return unchanged('read', `${current.failure.message} Nothing was changed.`);
    const previous = current.value?.reveal() ?? '';
    secrets.add(previous);
    const previousChannel = previous ? channelOf(previous) : null;
    report({
      step: 'read',
      result: 'ok',
      message: previous
        ? `The camera at ${label} holds a token${previousChannel === null ? ' we could not decode' : ` for channel ${previousChannel}`}.`
        : `The camera at ${label} holds no token.`,
    });
    if (!clearing && previousChannel !== null && previousChannel !== channel && !force)
      return unchanged(
        'check',
        `This camera (${label}) belongs to channel ${previousChannel}; moving it to channel ${channel} needs force. Nothing was changed.`,
      );

    // 3–6. Write, read back, restart, confirm; the first failure rolls back.
    const steps: [TokenWriteStepName, () => Promise<DeviceResult<void> | { ok: false; message: string } | { ok: true }>][] = [
      ['write', () => agent.setCloudToken(target.value)],
      ['read-back', () => readBackEquals(vapix.readCloudToken(), target.value, label)],
      ['restart', () => agent.restartAgent()],
    ];
    // A cleared camera goes back to polling: there is no channel to watch here (the cloud watcher does that).
    if (options.confirmOnline && channel !== null && !clearing) {
      const confirm = options.confirmOnline;
      steps.push(['confirm', () => confirmSafely(confirm, channel)]);
    }
    const said: Partial<Record<TokenWriteStepName, string>> = {
      write: clearing
        ? `Emptied the token on the camera at ${label}.`
        : `Wrote the token for channel ${channel} to the camera at ${label}.`,
      'read-back': clearing
        ? `The camera at ${label} reads back an empty token.`
        : `The camera at ${label} reads the token back unchanged.`,
      restart: `VXG Cloud Agent on the camera at ${label} restarted.`,
      confirm: `Channel ${channel} reports the camera online.`,
    };
    for (const [step, run] of steps) {
      const result = await run();
      if (result.ok) {
        report({ step, result: 'ok', message: said[step] ?? STEP_WORDS[step] });
        continue;
      }
      const reason = 'failure' in result ? result.failure.message : result.message;
      report({ step, result: 'failed', message: reason });
      const restored = await rollBack(previous, previousChannel);
      const message = `${clearing ? 'Emptying the token on' : 'Writing the token to'} the camera at ${label} failed at the ${STEP_WORDS[step]}: ${reason} ${restored.message}`;
      return { status: restored.ok ? 'rolled-back' : 'rollback-failed', failedStep: step, channelId: null, message };
    }
    const message = clearing
      ? `The camera at ${label} holds no token now (read back empty) and VXG Cloud Agent restarted: it asks the provisioning service for its token again.`
      : `The camera at ${label} now holds the token for channel ${channel}: read back equal, VXG Cloud Agent restarted${
          options.confirmOnline ? ', and the channel is online' : ''
        }.`;
    return { status: 'written', failedStep: null, channelId: channel, message };

    /** Put `previous` back, prove it, restart the agent so it runs with it again. */
    async function rollBack(value: string, valueChannel: number | null): Promise<{ ok: boolean; message: string }> {
      const what = value ? `the previous token${valueChannel === null ? '' : ` (channel ${valueChannel})`}` : 'the empty token it had';
      const fail = (message: string): { ok: false; message: string } => {
        report({ step: 'rollback', result: 'failed', message });
        return { ok: false, message };
      };
      const wrote = await agent.setCloudToken(value);
      if (!wrote.ok)
        return fail(`Putting back ${what} failed too (${wrote.failure.message}); check VXG Cloud Agent's settings on the camera.`);
      const back = await readBackEquals(vapix.readCloudToken(), value, label);
      if (!back.ok)
        return fail(`Putting back ${what} could not be confirmed (${back.message}); check VXG Cloud Agent's settings on the camera.`);
      const restarted = await agent.restartAgent();
      if (!restarted.ok)
        return fail(
          `${capitalise(what)} is back on the camera, but VXG Cloud Agent did not restart (${restarted.failure.message}); restart it from the camera's Apps page.`,
        );
      const message = `${capitalise(what)} was written back, read back equal, and VXG Cloud Agent restarted with it.`;
      report({ step: 'rollback', result: 'ok', message });
      return { ok: true, message };
    }
  }
}

/** The channel a token on the camera belongs to, or null when it does not decode (then it is not a channel's). */
function channelOf(raw: string): number | null {
  const decoded = decodeAccessToken(raw);
  return decoded.ok ? decoded.token.camid : null;
}

async function readBackEquals(
  read: ReturnType<ReturnType<typeof createVapixClient>['readCloudToken']>,
  expected: string,
  label: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const result = await read;
  if (!result.ok) return { ok: false, message: result.failure.message };
  const actual = result.value?.reveal() ?? '';
  // Byte for byte: a camera that turned "+" into a space or cut the value off holds a token that cannot connect.
  if (actual === expected) return { ok: true };
  return {
    ok: false,
    message: `The camera at ${label} reads back a different value (${actual.length} characters where ${expected.length} were written).`,
  };
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

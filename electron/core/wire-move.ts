/**
 * `cloud.move` (issue #9 §5, reference §0.4, §3.3, §6.8): move a camera to the configured (new) account.
 *   1. delete-old-record — when the old account's provisioning credentials are given: the provisioning
 *      service refuses a camera ID another account still holds, so this must come before registering [INF §3.3];
 *   2. register         — in the new account, exactly as `cloud.register` (channel + provisioning record);
 *   3. write-token      — write the new channel's token now (forced change), or
 *      clear-token      — empty the camera's token and restart its agent, so it polls and fetches the new one;
 *   4. delete-old-channel — when the old account's API address and license key are given, and only after 3
 *      succeeded: until then the camera may still need it (a failed write is rolled back to the old token).
 * The old account's credentials are used for this call only and stored nowhere. Every step is in the result
 * and the audit log; a failed step stops the steps that depend on it and says what was left as it was.
 */
import type { MoveResult } from '../../shared/contract/tokens.js';
import { createAdminApi } from './cloud/admin-api.js';
import { appendAudit, auditedAdminApi, auditedProvisioning } from './cloud/audited.js';
import { createProvisioningClient, DEFAULT_PROVISIONING_URL } from './cloud/provisioning.js';
import type { CloudService } from './cloud/service.js';
import { badServiceUrl } from './cloud/settings.js';
import { cameraId as idFor } from '../../shared/camera-id.js';
import type { HttpClient } from '../platform/http.js';
import type { Clock } from '../platform/ports.js';
import type { TokenInventory, TokenWiring } from './wire-tokens.js';

export interface MoveArgs {
  deviceId: string;
  password: string;
  method: 'write-token' | 'clear-token';
  previous?:
    | {
        provisioningUrl?: string | undefined;
        provisioningUser?: string | undefined;
        provisioningPassword?: string | undefined;
        apiUrl?: string | undefined;
        licenseKey?: string | undefined;
      }
    | undefined;
}

type MoveStep = MoveResult['steps'][number];

export interface MoveDeps {
  http: HttpClient;
  clock: Clock;
  cloud: Pick<CloudService, 'register'>;
  tokens: TokenWiring;
  inventory: TokenInventory;
}

export async function moveCamera(deps: MoveDeps, args: MoveArgs): Promise<MoveResult> {
  const { tokens } = deps;
  const steps: MoveStep[] = [];
  const step = (s: MoveStep['step'], result: MoveStep['result'], message: string) => steps.push({ step: s, result, message });
  const previous = args.previous ?? {};
  const result = (partial: Pick<MoveResult, 'ok' | 'register' | 'write' | 'previousRecordDeleted' | 'message'>): MoveResult => ({
    deviceId: args.deviceId,
    steps,
    ...partial,
  });
  const device = deps.inventory.device(args.deviceId);
  const setup = await tokens.cloudSetup();
  const cameraId = device ? (device.cloud.cameraId ?? idFor(setup.config.idFormat, device)) : null;
  const finish = async (r: MoveResult): Promise<MoveResult> => {
    await appendAudit(tokens.audit, {
      action: 'cloud.move',
      camera: cameraId ?? args.deviceId.slice(0, 64),
      result: r.ok ? 'ok' : 'failed',
      message: r.message,
    });
    return r;
  };
  const none = { register: null, write: null, previousRecordDeleted: null } as const;
  if (!device)
    return finish(
      result({ ok: false, ...none, message: `No device ${args.deviceId.slice(0, 64)} in the list; scan again and pick the camera.` }),
    );
  if (!cameraId)
    return finish(
      result({
        ok: false,
        ...none,
        message: "The camera's ID is not known (no MAC or serial yet); identify it first. Nothing was changed.",
      }),
    );

  // 1. The old account's provisioning record.
  let previousRecordDeleted: boolean | null = null;
  if (previous.provisioningUser && previous.provisioningPassword) {
    const url = previous.provisioningUrl?.trim() || DEFAULT_PROVISIONING_URL;
    const bad = badServiceUrl(url);
    if (bad) {
      step('delete-old-record', 'failed', `The old account's provisioning address is unusable: ${bad}`);
      return finish(result({ ok: false, ...none, previousRecordDeleted: false, message: `${steps.at(-1)!.message} Nothing was changed.` }));
    }
    const old = auditedProvisioning(
      createProvisioningClient({
        http: deps.http,
        clock: deps.clock,
        tokenUrl: url,
        user: previous.provisioningUser,
        password: previous.provisioningPassword,
      }),
      tokens.audit,
    );
    const removed = await old.unregister(cameraId);
    if (!removed.ok) {
      step(
        'delete-old-record',
        'failed',
        `The old account's provisioning record for ${cameraId} could not be deleted: ${removed.failure.message}`,
      );
      return finish(
        result({ ok: false, ...none, previousRecordDeleted: false, message: `${steps.at(-1)!.message} Nothing else was changed.` }),
      );
    }
    previousRecordDeleted = true;
    step(
      'delete-old-record',
      'ok',
      removed.value
        ? `Deleted the old account's provisioning record for ${cameraId}.`
        : `The old account had no provisioning record for ${cameraId}.`,
    );
  } else {
    step(
      'delete-old-record',
      'skipped',
      'No old-account provisioning user and password were given; the old record (if any) was left alone.',
    );
  }

  // 2. Register in the new account.
  const [registered] = await deps.cloud.register([{ deviceId: device.id, password: args.password }]);
  if (!registered?.ok) {
    const why = registered?.message ?? 'Registration gave no answer.';
    step('register', 'failed', why);
    step(args.method, 'skipped', 'Not attempted: the camera is not registered in the new account.');
    step('delete-old-channel', 'skipped', 'Kept: the camera still uses its old account.');
    return finish(
      result({
        ok: false,
        register: registered ?? null,
        write: null,
        previousRecordDeleted,
        message: `Registering in the new account failed: ${why} The camera was not changed.`,
      }),
    );
  }
  step('register', 'ok', registered.message);

  // 3. Token: written now, or cleared so the camera fetches the new one from the provisioning service.
  const write =
    args.method === 'write-token' && registered.channelId !== null
      ? await tokens.writeOne({ deviceId: device.id, channelId: registered.channelId }, false, setup)
      : await tokens.clearOne(device.id);
  step(args.method, write.ok ? 'ok' : 'failed', write.message);
  if (write.ok && args.method === 'clear-token' && registered.channelId !== null) {
    deps.inventory.setCloud(device.id, {
      state: 'polling',
      channelId: registered.channelId,
      cameraId: registered.cameraId,
      since: new Date(deps.clock.now()).toISOString(),
      message: `Token emptied: the camera asks the provisioning service for channel ${registered.channelId}'s token at its next poll.`,
    });
  }

  // 4. The old account's channel, once the camera no longer needs it.
  if (previous.apiUrl && previous.licenseKey) {
    const same =
      previous.apiUrl.replace(/\/+$/, '') === setup.config.apiUrl.replace(/\/+$/, '') && previous.licenseKey === setup.config.licenseKey;
    const bad = badServiceUrl(previous.apiUrl);
    if (!write.ok) step('delete-old-channel', 'skipped', 'Kept: the camera was not moved, so it may still use its old channel.');
    else if (same)
      step('delete-old-channel', 'skipped', 'The old account is the configured account; its channel is the new one and was kept.');
    else if (bad) step('delete-old-channel', 'failed', `The old account's API address is unusable: ${bad}`);
    else {
      const oldAdmin = auditedAdminApi(
        createAdminApi({ http: deps.http, clock: deps.clock, baseUrl: previous.apiUrl, licenseKey: previous.licenseKey }),
        tokens.audit,
      );
      const found = await oldAdmin.findChannelsByCameraId(cameraId);
      if (!found.ok) step('delete-old-channel', 'failed', `The old account's channel could not be found: ${found.failure.message}`);
      else if (found.value.length === 0) step('delete-old-channel', 'ok', `The old account has no channel for ${cameraId}.`);
      else {
        const failures: string[] = [];
        for (const channel of found.value.slice(0, 16)) {
          const deleted = await oldAdmin.deleteChannel(channel.id);
          if (!deleted.ok) failures.push(`channel ${channel.id}: ${deleted.failure.message}`);
        }
        const ids = found.value.map((c) => c.id).join(', ');
        if (failures.length)
          step(
            'delete-old-channel',
            'failed',
            `Deleting the old account's channel failed (${failures.join('; ')}); delete it in that account's dashboard.`,
          );
        else step('delete-old-channel', 'ok', `Deleted the old account's channel ${ids} for ${cameraId}.`);
      }
    }
  } else {
    step(
      'delete-old-channel',
      'skipped',
      'No old-account API address and license key were given; the old channel (if any) was left alone.',
    );
  }

  const ok = steps.every((s) => s.result !== 'failed');
  const message = ok
    ? args.method === 'write-token'
      ? `Camera ${cameraId} moved to channel ${registered.channelId} of the new account and is online there.`
      : `Camera ${cameraId} is registered in the new account (channel ${registered.channelId}) and its token was emptied: it fetches the new token at its next poll.`
    : `Moving camera ${cameraId} did not complete: ${steps
        .filter((s) => s.result === 'failed')
        .map((s) => s.message)
        .join(' ')}`;
  return finish(result({ ok, register: registered, write, previousRecordDeleted, message: message.slice(0, 2048) }));
}

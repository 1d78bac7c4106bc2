/**
 * The cameras a job runs over: a new job's from the resolved scope, a resumed job's from the ledger's job-start
 * (the same cameras in the same order, matched again to the devices and sheet rows seen now).
 *
 * Secrets: a sticker password stays in memory, in the camera's `data` and `secrets` (which the engine scrubs from
 * every detail); the ledger names it only by its CSV line.
 */
import type { Device } from '../../shared/device.js';
import type { JobCamera } from './onboarding/job-types.js';
import type { LedgerReplay } from './onboarding/ledger.js';
import type { ResolvedScope } from './onboard-scope.js';
import type { Data } from './onboard-types.js';
import { idOfDevice } from './onboard-views.js';

function describeCamera(cameraId: string, device: Device | null, password: string | null, name: string | null): Data {
  return {
    cameraId,
    deviceId: device?.id ?? null,
    mac: device?.mac ? device.mac.toUpperCase() : null,
    name,
    password,
  };
}

export function newJobCameras(scope: ResolvedScope): JobCamera<Data>[] {
  return scope.cameras.map(({ cameraId, device, row }) => {
    const password = row?.password ?? null;
    return {
      cameraId,
      csvLine: row?.line ?? null,
      data: describeCamera(cameraId, device, password, row?.name ?? null),
      ...(password ? { secrets: [password] } : {}),
    };
  });
}

export function resumedJobCameras(start: NonNullable<LedgerReplay['start']>, scope: ResolvedScope, devices: Device[]): JobCamera<Data>[] {
  const byId = new Map(scope.cameras.map((c) => [c.cameraId, c]));
  const devicesById = new Map<string, Device>();
  for (const device of devices) {
    const id = idOfDevice(device, start.settings['idFormat']);
    if (id) devicesById.set(id, device);
  }
  return start.cameras.map(({ cameraId, csvLine }) => {
    const scoped = byId.get(cameraId);
    // The row at the recorded line, if the sheet given now still names this camera there.
    const row = scoped?.row ?? scope.rows.find((r) => r.line === csvLine && (r.id === null || r.id === cameraId)) ?? null;
    const device = scoped?.device ?? devicesById.get(cameraId) ?? null;
    const password = row?.password ?? null;
    return {
      cameraId,
      csvLine,
      data: describeCamera(cameraId, device, password, row?.name ?? null),
      ...(password ? { secrets: [password] } : {}),
    };
  });
}

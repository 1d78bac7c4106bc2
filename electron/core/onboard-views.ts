/**
 * What the front doors see of an onboarding job: the live snapshot of a running job, the one rebuilt from the
 * ledger after a restart, and the preview (rows ↔ cameras) before a start. None carries a secret.
 */
import type { OnboardCamera, OnboardJob } from '../../shared/contract/onboard.js';
import { cameraId as idFor, cameraIdFormats, type CameraIdFormat } from '../../shared/camera-id.js';
import type { Device } from '../../shared/device.js';
import type { JobProgress } from '../../shared/onboarding.js';
import type { JobCamera } from './onboarding/job-types.js';
import type { LedgerReplay } from './onboarding/ledger.js';
import { rowView, type ResolvedScope } from './onboard-scope.js';
import { STEPS_BY_MODE, type Data, type Running } from './onboard-types.js';

/** The camera ID a discovered device goes by: the one the cloud state holds, else the job's format. */
export function idOfDevice(device: Device, format: unknown): string | null {
  const known = cameraIdFormats.includes(format as CameraIdFormat) ? (format as CameraIdFormat) : 'mac-plain';
  return device.cloud.cameraId ?? idFor(known, { mac: device.mac, serial: device.serial });
}

export function previewValue(scope: ResolvedScope) {
  return {
    problems: scope.problems,
    matched: scope.cameras.map((c) => ({ row: c.row ? rowView(c.row) : null, deviceId: c.device.id, cameraId: c.cameraId })),
    rowsWithoutCamera: scope.rowsWithoutCamera.map(({ row }) => rowView(row)),
    camerasWithoutRow: scope.camerasWithoutRow.map((d) => d.id),
  };
}

type DeviceLookup = (id: string) => Device | null;

function cameraView(
  r: Running,
  device: DeviceLookup,
  state: OnboardCamera['state'],
  detail: string,
  camera: JobCamera<Data>,
): OnboardCamera {
  const found = camera.data.deviceId ? device(camera.data.deviceId) : null;
  const current = r.current.get(camera.cameraId);
  return {
    cameraId: camera.cameraId,
    deviceId: found?.id ?? null,
    csvLine: camera.csvLine,
    mac: found?.mac ?? camera.data.mac,
    serial: found?.serial ?? null,
    model: found?.model ?? null,
    firmware: found?.firmware ?? null,
    ip: found?.ip ?? null,
    channelId: r.channels.get(camera.cameraId) ?? found?.cloud.channelId ?? null,
    state,
    step: current?.step ?? null,
    message: detail.slice(0, 2048),
    updatedAt: current?.at ?? null,
  };
}

/** The running job's snapshot: every camera of the job, pending until the engine has reached it. */
export function jobView(r: Running, device: DeviceLookup, ledgerPath: string | null): OnboardJob {
  const states = new Map(r.job.cameras().map((c) => [c.cameraId, c]));
  return {
    jobId: r.jobId,
    mode: r.mode,
    ledgerPath,
    progress: r.job.progress(),
    cameras: r.cameras.map((camera) => {
      const result = states.get(camera.cameraId);
      return cameraView(r, device, result?.state ?? 'pending', result?.detail ?? '', camera);
    }),
  };
}

/** A job known only from the ledger (after a restart): each camera's state from its recorded steps. */
export function ledgerView(replay: LedgerReplay, devices: Device[], ledgerPath: string | null): OnboardJob | null {
  const start = replay.start;
  if (!start) return null;
  const steps = STEPS_BY_MODE[start.mode];
  const cameras: OnboardCamera[] = start.cameras.map(({ cameraId, csvLine }) => {
    const recorded = replay.steps.get(cameraId);
    const all = steps.map((step) => recorded?.get(step));
    const lastRecorded = [...steps].reverse().find((step) => recorded?.has(step));
    const last = lastRecorded ? recorded!.get(lastRecorded)! : null;
    const state = all.every((s) => s?.status === 'done') ? 'onboarded' : last?.status === 'failed' ? 'failed' : 'pending';
    const device = devices.find((d) => idOfDevice(d, start.settings['idFormat']) === cameraId) ?? null;
    return {
      cameraId,
      deviceId: device?.id ?? null,
      csvLine,
      mac: device?.mac ?? null,
      serial: device?.serial ?? null,
      model: device?.model ?? null,
      firmware: device?.firmware ?? null,
      ip: device?.ip ?? null,
      channelId: device?.cloud.channelId ?? null,
      state,
      step: lastRecorded ?? null,
      message: last?.detail ?? '',
      updatedAt: last?.at ?? null,
    };
  });
  const count = (state: OnboardCamera['state']) => cameras.filter((c) => c.state === state).length;
  const progress: JobProgress = {
    total: cameras.length,
    done: count('onboarded'),
    failed: count('failed'),
    running: 0,
    waiting: 0,
    pending: count('pending'),
    ratePerMinute: 0,
    etaMs: null,
    state: replay.end ? (replay.end.outcome === 'finished' ? 'finished' : replay.end.outcome) : 'stopped',
  };
  return { jobId: start.jobId, mode: start.mode, ledgerPath, progress, cameras };
}

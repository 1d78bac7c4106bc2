/**
 * The report's camera rows from what the job knows: the device as discovered (what it is, its cloud state),
 * the job's result for it, and the ledger's per-step record. Nothing secret is an input.
 */
import type { Device } from '../../../shared/device.js';
import type { CameraResult } from './job-types.js';
import type { LedgerReplay } from './ledger.js';
import type { ReportCamera } from './report-csv.js';

export interface ReportSource {
  cameraId: string;
  csvLine: number | null;
  device: Device | null;
}

export function reportCameras(sources: readonly ReportSource[], results: readonly CameraResult[], replay: LedgerReplay): ReportCamera[] {
  const byId = new Map(results.map((result) => [result.cameraId, result]));
  return sources.map(({ cameraId, csvLine, device }) => {
    const result = byId.get(cameraId);
    return {
      cameraId,
      csvLine,
      mac: device?.mac ?? null,
      serial: device?.serial ?? null,
      model: device?.model ?? null,
      firmware: device?.firmware ?? null,
      ip: device?.ip ?? null,
      channelId: device?.cloud.channelId ?? null,
      cloudState: device?.cloud.state ?? null,
      result: result?.state ?? 'pending',
      detail: result?.detail ?? '',
      steps: replay.steps.get(cameraId),
    };
  });
}

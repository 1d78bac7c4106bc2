/**
 * `onboard.report`: the handover CSV of the running job, or of the job in the ledger after a restart. Per camera
 * the device facts, channel, state and each step's result and time; the sheet's refused rows and the cameras with
 * no row. No secrets (the ledger and views hold none).
 */
import type { OnboardJob } from '../../shared/contract/onboard.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { replayLedger } from './onboarding/ledger.js';
import { reportCsv } from './onboarding/report-csv.js';
import { reportCameras } from './onboarding/report-rows.js';
import type { LedgerAccess } from './onboard-ledger-store.js';
import { STEPS_BY_MODE, type OnboardingWiring, type Running } from './onboard-types.js';
import { ledgerView } from './onboard-views.js';

export interface ReportContext {
  w: Pick<OnboardingWiring, 'cameras' | 'clock'>;
  ledger: LedgerAccess;
  run: Running | null;
  view(r: Running): OnboardJob;
}

export async function onboardReport({ w, ledger, run, view }: ReportContext): Promise<Result<{ csv: string; fileName: string }>> {
  const replay = run && !ledger.memory ? replayLedger(await run.store.readAll().catch(() => '')) : await ledger.read();
  const start = replay.start;
  if (!start && !run) return fail('not-found', 'No onboarding job to report on yet.');
  const steps = STEPS_BY_MODE[run?.mode ?? start!.mode];
  const job = run ? view(run) : ledgerView(replay, w.cameras(), ledger.path)!;
  const devices = new Map(w.cameras().map((d) => [d.id, d]));
  const sources = job.cameras.map((c) => ({
    cameraId: c.cameraId,
    csvLine: c.csvLine,
    device: c.deviceId ? (devices.get(c.deviceId) ?? null) : null,
  }));
  const results = job.cameras.map((c) => ({ cameraId: c.cameraId, state: c.state, detail: c.message }));
  const cameras = reportCameras(sources, results, replay).map((camera) => ({
    ...camera,
    channelId: camera.channelId ?? job.cameras.find((c) => c.cameraId === camera.cameraId)?.channelId ?? null,
  }));
  const scope = run?.scope ?? null;
  const rowsNotOnboarded = [
    ...(scope?.problems ?? []).map((p) => ({ line: p.line, reason: p.message })),
    ...(scope?.rowsWithoutCamera ?? []).map((r) => ({ line: r.row.line, reason: r.reason })),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const csv = reportCsv({
    steps,
    cameras,
    rowsNotOnboarded,
    camerasWithoutRow: (scope?.camerasWithoutRow ?? []).map((d) => ({ mac: d.mac, serial: d.serial, ip: d.ip })),
    startedAt: start?.at ?? null,
    finishedAt: replay.end?.at ?? null,
  });
  const day = new Date(w.clock.now()).toISOString().slice(0, 10);
  return ok({ csv, fileName: `onboarding-${day}-${job.jobId.slice(0, 8)}.csv` });
}

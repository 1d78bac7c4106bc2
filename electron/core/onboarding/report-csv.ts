/**
 * The handover report as CSV: one row per camera with what it is and what was done to it, then the rows of the
 * sheet that were refused or matched no camera, the cameras that had no row, and a summary. Hazard: cells hold
 * names and sentences from the LAN and the sheet, and the customer opens the file in a spreadsheet, so every
 * cell that a spreadsheet would run as a formula is neutralised. No secret is ever an input here.
 */
import type { CameraJobState, StepName } from '../../../shared/onboarding.js';
import type { StepRecord } from './ledger.js';

export interface ReportCamera {
  cameraId: string;
  csvLine: number | null;
  mac: string | null;
  serial: string | null;
  model: string | null;
  firmware: string | null;
  ip: string | null;
  channelId: number | null;
  cloudState: string | null;
  result: CameraJobState;
  detail: string;
  steps: ReadonlyMap<StepName, StepRecord> | undefined;
}

export interface ReportInput {
  steps: readonly StepName[];
  cameras: readonly ReportCamera[];
  /** Sheet lines refused or unmatched, each with its sentence. */
  rowsNotOnboarded: readonly { line: number | null; reason: string }[];
  camerasWithoutRow: readonly { mac: string | null; serial: string | null; ip: string | null }[];
  startedAt: string | null;
  finishedAt: string | null;
}

/** `=1+1`, `+…`, `-…`, `@…`, and a leading tab or CR would be formulas (or hide one); a `'` makes them text. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cell(value: string | number | null | undefined): string {
  const text = neutraliseCell(value === null || value === undefined ? '' : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const line = (cells: readonly (string | number | null | undefined)[]) => cells.map(cell).join(',');

export function reportCsv(input: ReportInput): string {
  const lines: string[] = [];
  const header = ['Camera ID', 'CSV line', 'MAC', 'Serial', 'Model', 'Firmware', 'IP', 'Channel ID', 'Cloud state', 'Result', 'Detail'];
  for (const step of input.steps) header.push(step, `${step} at`);
  lines.push(line(header));
  for (const camera of input.cameras) {
    const row: (string | number | null)[] = [
      camera.cameraId,
      camera.csvLine,
      camera.mac,
      camera.serial,
      camera.model,
      camera.firmware,
      camera.ip,
      camera.channelId,
      camera.cloudState,
      camera.result,
      camera.detail,
    ];
    for (const step of input.steps) {
      const record = camera.steps?.get(step);
      row.push(record?.status ?? 'not started', record?.at ?? null);
    }
    lines.push(line(row));
  }

  const count = (state: CameraJobState) => input.cameras.filter((camera) => camera.result === state).length;
  lines.push('', line(['Rows of the sheet not onboarded', 'CSV line', 'Reason']));
  for (const row of input.rowsNotOnboarded) lines.push(line(['', row.line, row.reason]));
  lines.push('', line(['Cameras on site with no row', 'MAC', 'Serial', 'IP']));
  for (const camera of input.camerasWithoutRow) lines.push(line(['', camera.mac, camera.serial, camera.ip]));
  lines.push(
    '',
    line(['Summary']),
    line(['Cameras in the job', input.cameras.length]),
    line(['Onboarded', count('onboarded')]),
    line(['Failed', count('failed')]),
    line(['Not finished', input.cameras.length - count('onboarded') - count('failed')]),
    line(['Sheet rows not onboarded', input.rowsNotOnboarded.length]),
    line(['Cameras with no row', input.camerasWithoutRow.length]),
    line(['Started', input.startedAt]),
    line(['Finished', input.finishedAt]),
  );
  // BOM: Excel reads a BOM-less CSV as the local code page and mangles non-ASCII names. CRLF per RFC 4180.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

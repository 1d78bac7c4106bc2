/**
 * `camera-finder onboard`: a whole site from the command line (issue #11 §6). Scan, match the sheet, run the
 * crash-safe job, write the handover report next to the ledger. Every step goes through the contract's
 * `dispatch`, like the other front doors. Running the same command again with the same ledger resumes.
 * stdout: with --json, one JSON object a line ({type: preview|progress|camera|result}); otherwise the result
 * table. stderr: sentences and, on a TTY, a progress line.
 *
 * Secrets: the sheet's passwords go from the file to the core and nowhere else; nothing printed holds one.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { EventPayload } from '../../shared/contract.js';
import type { OnboardCamera, OnboardJob } from '../../shared/contract/onboard.js';
import { dispatch } from '../../shared/dispatch.js';
import { MAX_CSV_BYTES } from '../../shared/onboarding.js';
import type { Core } from '../core/core.js';
import { decodeCsv } from '../core/onboarding/csv-text.js';
import { EXIT } from './cli-args.js';
import type { CredentialFs } from './cli-credentials.js';
import { prepareCredentials } from './cli-identify.js';
import type { OnboardCommand } from './cli-onboard-args.js';

type Writer = { write(text: string): unknown };
export interface OnboardIo {
  stdout: Writer;
  stderr: Writer & { isTTY?: boolean };
  credentialFs?: CredentialFs;
}

const FINAL = new Set(['finished', 'cancelled', 'stopped']);
const printable = (text: string) => text.replace(/[\p{Cc}\p{Cf}]/gu, '?');

/** The sheet's bytes as text, or why it cannot be used at all (missing, too big, not UTF-8). */
async function readSheet(path: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return { ok: false, message: `--csv ${path}: no such file.` };
  if (info.size > MAX_CSV_BYTES) {
    return { ok: false, message: `--csv ${path}: the file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB; split it into smaller files.` };
  }
  const bytes = await readFile(path);
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) return { ok: false, message: `--csv ${path}: ${decoded.message}` };
  return { ok: true, text: bytes.toString('utf8') };
}

function duration(ms: number | null): string {
  if (ms === null) return '…';
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

function progressLine(job: OnboardJob): string {
  const p = job.progress;
  return `Onboarding: ${p.done}/${p.total} done, ${p.failed} failed, ${p.running} running, ${p.waiting} waiting, ${p.ratePerMinute}/min, ETA ${duration(p.etaMs)} ${p.state === 'running' ? '' : `(${p.state})`}`;
}

export async function runOnboard(cmd: OnboardCommand, core: Core, io: OnboardIo): Promise<number> {
  const { stdout, stderr } = io;
  const json = (value: Record<string, unknown>) => stdout.write(`${JSON.stringify(value)}\n`);
  const say = (text: string) => stderr.write(`${printable(text)}\n`);

  const sheet = cmd.csv === undefined ? null : await readSheet(cmd.csv);
  if (sheet && !sheet.ok) {
    say(sheet.message);
    return EXIT.usage;
  }
  if (cmd.credentials !== undefined || cmd.mode === 'write-token') {
    const prepared = await prepareCredentials(core, cmd.credentials, io.credentialFs);
    if (!prepared.ok) {
      say(prepared.message);
      return EXIT.usage;
    }
  }

  // 1. Find the cameras (multicast on the allowed interfaces; --subnet asks the sweep for routed subnets).
  await core.start();
  const scanned = new Promise<EventPayload<'scan-finished'>>((resolve) => core.on('scan-finished', resolve));
  const scan = await dispatch(core, 'scan.start', {
    timeoutMs: cmd.timeoutMs,
    ...(cmd.interfaces ? { interfaces: cmd.interfaces } : {}),
    ...(cmd.subnets.length ? { sweep: { cidrs: cmd.subnets } } : {}),
  });
  if (!scan.ok) {
    say(`Could not scan: ${scan.message}`);
    return EXIT.failed;
  }
  if (!cmd.json && stderr.isTTY) stderr.write('Looking for cameras…');
  const finished = await scanned;
  if (!cmd.json && stderr.isTTY) stderr.write('\r');
  if (finished.reason === 'failed')
    say(`The scan failed: ${finished.diagnostics.errors[0] ?? 'unknown error'}; onboarding only what is known.`);

  // 2. The match, before anything changes: every refused row and every row with no camera, line by line.
  const scope = {
    ...(sheet?.ok ? { csv: { name: cmd.csv!.slice(-256), text: sheet.text } } : {}),
    ...(cmd.interfaces ? { interfaces: cmd.interfaces } : {}),
    ...(cmd.subnets.length ? { subnets: cmd.subnets } : {}),
  };
  const preview = await dispatch(core, 'onboard.preview', scope);
  if (!preview.ok) {
    say(preview.message);
    return EXIT.failed;
  }
  const match = preview.value;
  const unusedRows = match.problems.length + match.rowsWithoutCamera.length;
  if (cmd.json) json({ type: 'preview', ...match });
  else {
    for (const problem of match.problems) say(problem.message);
    for (const row of match.rowsWithoutCamera) {
      const what = [row.mac && `MAC ${row.mac}`, row.serial && `serial ${row.serial}`].filter(Boolean).join(' or ');
      say(`Line ${row.line}: no camera with ${what} was found on site.`);
    }
    if (sheet && match.camerasWithoutRow.length) say(`${match.camerasWithoutRow.length} cameras found on site have no row in the sheet.`);
    say(`${match.matched.length} cameras matched.`);
  }

  // 3. The job: resumed when the ledger holds one (same command, same ledger), else a new one.
  const status = await dispatch(core, 'onboard.status', {});
  const resume = status.ok && status.value.job !== null && (status.value.resumable || cmd.ledger !== undefined);
  const states = new Map<string, OnboardCamera['state']>();
  let last: OnboardJob | null = null;
  let done: (job: OnboardJob) => void = () => undefined;
  const ended = new Promise<OnboardJob>((resolve) => (done = resolve));
  core.on('onboard-progress', ({ job }) => {
    last = job;
    if (cmd.json) {
      for (const camera of job.cameras) {
        if (states.get(camera.cameraId) === camera.state) continue;
        states.set(camera.cameraId, camera.state);
        json({ type: 'camera', camera });
      }
      json({ type: 'progress', progress: job.progress });
    } else if (stderr.isTTY) stderr.write(`\r\u001b[K${progressLine(job)}`);
    if (FINAL.has(job.progress.state)) done(job);
  });
  const started = await dispatch(core, 'onboard.start', {
    mode: cmd.mode,
    scope,
    ...(cmd.concurrency ? { concurrency: cmd.concurrency } : {}),
    ...(resume ? { resume: true } : {}),
  });
  if (!started.ok) {
    say(started.message);
    return started.code === 'invalid-args' ? EXIT.usage : EXIT.failed;
  }
  if (resume && !cmd.json) say(`Resuming job ${started.value.jobId} from ${started.value.ledgerPath ?? 'memory'}.`);
  const job: OnboardJob = FINAL.has(started.value.progress.state) ? started.value : await ended;
  if (!cmd.json && stderr.isTTY) stderr.write('\n');
  last ??= job;

  // 4. The handover report, next to the ledger.
  const report = await dispatch(core, 'onboard.report', {});
  let reportPath: string | null = null;
  if (report.ok && job.ledgerPath) {
    reportPath = join(dirname(job.ledgerPath), report.value.fileName);
    await writeFile(reportPath, report.value.csv, { mode: 0o600 }).catch((error: unknown) => {
      say(`The report could not be written to ${reportPath}: ${String(error)}`);
      reportPath = null;
    });
  }
  const notOnboarded = job.cameras.filter((c) => c.state !== 'onboarded');
  if (cmd.json) json({ type: 'result', job, report: reportPath, rowsRefused: match.problems, rowsWithoutCamera: match.rowsWithoutCamera });
  else {
    for (const c of job.cameras) stdout.write(`${c.cameraId}\t${c.ip ?? ''}\t${c.state}\t${c.channelId ?? ''}\t${printable(c.message)}\n`);
    say(
      `${job.progress.done} of ${job.cameras.length} cameras onboarded, ${job.progress.failed} failed${unusedRows ? `, ${unusedRows} rows of the sheet not used` : ''}.`,
    );
    if (reportPath) say(`Handover report: ${reportPath}`);
  }
  return notOnboarded.length === 0 && unusedRows === 0 && job.progress.state === 'finished' ? EXIT.ok : EXIT.failed;
}

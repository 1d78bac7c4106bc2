import type { OnboardJob } from '../../../../shared/contract.js';
import { cameraOrder, JOB_STATE_LABELS, MODE_LABELS, progressLine, STATE_LABELS, stateCounts } from '../../logic/onboarding-view.js';

/**
 * The handover report as a printable page (Print → Save as PDF in the browser or Electron's print dialog): the
 * summary, then one block per camera with its identity, channel, cloud state and each step's result and time.
 * No secrets: the job snapshot carries none.
 */
export function PrintReport({ job, printedAt, onClose }: { job: OnboardJob; printedAt: Date; onClose: () => void }) {
  const counts = stateCounts(job.cameras);
  return (
    <section className="print-report" aria-label="Handover report" data-testid="print-report">
      <div className="no-print table-controls">
        <button type="button" onClick={() => window.print()} data-testid="print-button">
          Print / Save as PDF
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <h2>Camera onboarding — handover report</h2>
      <p>
        Job <span className="mono">{job.jobId}</span> · {MODE_LABELS[job.mode]} · {JOB_STATE_LABELS[job.progress.state]} · printed{' '}
        {printedAt.toISOString().replace('T', ' ').slice(0, 19)} UTC
      </p>
      <p data-testid="print-summary">
        {progressLine(job.progress)} — onboarded {counts.onboarded}, failed {counts.failed}, cancelled {counts.cancelled}, not finished{' '}
        {counts.pending + counts.running + counts.waiting}
      </p>
      <table className="report-table">
        <thead>
          <tr>
            <th>MAC</th>
            <th>Serial</th>
            <th>Model</th>
            <th>Firmware</th>
            <th>IP</th>
            <th>Channel</th>
            <th>Cloud state</th>
            <th>Result</th>
            <th>Steps</th>
          </tr>
        </thead>
        <tbody>
          {cameraOrder(job.cameras).map((c) => (
            <tr key={c.cameraId} data-testid="print-row">
              <td className="mono">{c.mac ?? '—'}</td>
              <td className="mono">{c.serial ?? '—'}</td>
              <td>{c.model ?? '—'}</td>
              <td>{c.firmware ?? '—'}</td>
              <td className="mono">{c.ip ?? '—'}</td>
              <td>{c.channelId ?? '—'}</td>
              <td>{c.cloudState ?? '—'}</td>
              <td>
                {STATE_LABELS[c.state]}
                {c.message ? ` — ${c.message}` : ''}
              </td>
              <td>
                {(c.steps ?? []).map((s) => (
                  <div key={s.step} className="small">
                    {s.step}: {s.status} at {s.at.replace('T', ' ').slice(0, 19)}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import type { OnboardJob } from '../../../../shared/contract.js';
import { cameraOrder, STATE_LABELS } from '../../logic/onboarding-view.js';

/** The live per-camera table: state, current step and the core's sentence for each camera. */
export function JobTable({ job }: { job: OnboardJob }) {
  return (
    <table className="device-table compact" data-testid="job-table">
      <thead>
        <tr>
          <th>Camera ID</th>
          <th>IP</th>
          <th>MAC</th>
          <th>State</th>
          <th>Step</th>
          <th>Channel</th>
          <th>What happened</th>
        </tr>
      </thead>
      <tbody>
        {cameraOrder(job.cameras).map((camera) => (
          <tr key={camera.cameraId} data-testid="job-row" data-state={camera.state}>
            <td className="mono">{camera.cameraId}</td>
            <td className="mono">{camera.ip ?? '—'}</td>
            <td className="mono">{camera.mac ?? '—'}</td>
            <td>
              <span className={`badge job-${camera.state}`}>{STATE_LABELS[camera.state]}</span>
            </td>
            <td>{camera.step ?? ''}</td>
            <td>{camera.channelId ?? ''}</td>
            <td>{camera.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { CloudInfo } from '../../../shared/device.js';
import type { ExpectedWait } from '../logic/cloud-badge.js';
import { formatDateTime } from '../logic/format.js';
import { CloudBadge } from './cloud-badge.js';

/** The detail panel's cloud part: state, channel, the ID the cloud knows the camera by, since when, and why. */
export function CloudSection({ cloud, wait }: { cloud: CloudInfo; wait?: ExpectedWait | null }) {
  return (
    <section aria-label="VXG Cloud" data-testid="cloud-section">
      <h3>VXG Cloud</h3>
      <dl className="kv">
        <dt>State</dt>
        <dd>
          <CloudBadge cloud={cloud} wait={wait} />
        </dd>
        <dt>Channel</dt>
        <dd className="mono" data-testid="cloud-channel">
          {cloud.channelId ?? <span className="muted">none</span>}
        </dd>
        <dt>Camera ID</dt>
        <dd className="mono" data-testid="cloud-camera-id">
          {cloud.cameraId ?? <span className="muted">none</span>}
        </dd>
        <dt>Since</dt>
        <dd className="mono" data-testid="cloud-since">
          {cloud.since ? formatDateTime(cloud.since) : <span className="muted">—</span>}
        </dd>
        {cloud.message && (
          <>
            <dt>Note</dt>
            <dd data-testid="cloud-message">{cloud.message}</dd>
          </>
        )}
        {cloud.state === 'polling' && wait && (
          <>
            <dt>Expected</dt>
            <dd data-testid="cloud-expected">{wait.sentence}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

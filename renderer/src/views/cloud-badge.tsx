import type { CloudInfo } from '../../../shared/device.js';
import { cloudBadge, type ExpectedWait } from '../logic/cloud-badge.js';

/** The device's cloud state as a coloured label, with the expected wait while the camera has not asked yet. */
export function CloudBadge({ cloud, wait }: { cloud: CloudInfo; wait?: ExpectedWait | null }) {
  const badge = cloudBadge(cloud, wait);
  return (
    <span
      className="cloud-badge"
      data-testid="cloud-badge"
      data-state={cloud.state}
      data-channel={cloud.channelId ?? ''}
      title={cloud.message ?? undefined}
    >
      <span className={`badge badge-cloud tone-${badge.tone}`}>{badge.label}</span>
      {badge.detail && <span className="muted small cloud-wait"> {badge.detail}</span>}
    </span>
  );
}

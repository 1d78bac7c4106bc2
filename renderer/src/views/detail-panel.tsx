import type { Device } from '../../../shared/device.js';
import type { ExpectedWait } from '../logic/cloud-badge.js';
import { discoveryLabel, formatClock } from '../logic/format.js';
import { CloudSection } from './cloud-section.js';
import { FactList } from './fact-list.js';
import { IdentitySection } from './identity-section.js';
import { OnvifSection } from './onvif-section.js';

type Props = {
  device: Device;
  onClose: () => void;
  wait?: ExpectedWait | null;
  /** This camera's own token actions (the row's "write token" and "move"). */
  onWriteToken?: () => void;
  onMove?: () => void;
};

/** Everything known about one device: what a login found, each fact with where and when it was learnt, and its cloud state. */
export function DetailPanel({ device, onClose, wait, onWriteToken, onMove }: Props) {
  const title = device.name ?? device.model ?? device.mac ?? device.ip ?? 'Device';
  return (
    <aside
      className="detail-panel"
      aria-label="Device details"
      data-testid="detail-panel"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <header className="detail-header">
        <h2 data-testid="detail-title">{title}</h2>
        {!device.online && (
          <span className="badge badge-offline" data-testid="offline-badge">
            offline
          </span>
        )}
        <button type="button" className="link-button" onClick={onClose} aria-label="Close details">
          ✕
        </button>
      </header>
      <dl className="kv">
        <dt>Status</dt>
        <dd>{device.online ? 'online' : 'offline'}</dd>
        <dt>Kind</dt>
        <dd>{device.isCamera ? 'camera' : 'not a camera'}</dd>
        <dt>Found by</dt>
        <dd>{device.sources.map(discoveryLabel).join(', ') || '—'}</dd>
        <dt>Interface</dt>
        <dd className="mono">{device.interface ?? '—'}</dd>
        <dt>First seen</dt>
        <dd className="mono">{formatClock(device.firstSeen)}</dd>
        <dt>Last seen</dt>
        <dd className="mono">{formatClock(device.lastSeen)}</dd>
        <dt>Record id</dt>
        <dd className="mono small">{device.id}</dd>
      </dl>
      <IdentitySection device={device} />
      <section aria-label="Facts">
        <h3>Facts</h3>
        <FactList device={device} />
      </section>
      <CloudSection cloud={device.cloud} wait={wait} />
      {(onWriteToken || onMove) && (
        <div className="detail-actions" data-testid="detail-token-actions">
          {onWriteToken && (
            <button type="button" onClick={onWriteToken} data-testid="detail-write-token">
              Write token…
            </button>
          )}
          {onMove && (
            <button type="button" onClick={onMove} data-testid="detail-move">
              Move to new account…
            </button>
          )}
        </div>
      )}
      <OnvifSection onvif={device.onvif} />
    </aside>
  );
}

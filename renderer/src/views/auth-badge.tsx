import type { Device } from '../../../shared/device.js';
import { authBadge } from '../logic/auth-badge.js';

/** The device's last login result as a coloured label; the core's sentence as the tooltip. */
export function AuthBadge({ auth }: { auth: Device['auth'] }) {
  const badge = authBadge(auth);
  if (!auth)
    return (
      <span className="muted" data-testid="auth-badge" data-status="none">
        —
      </span>
    );
  return (
    <span className={`badge badge-cloud tone-${badge.tone}`} data-testid="auth-badge" data-status={auth.status} title={auth.message}>
      {badge.label}
    </span>
  );
}

import type { Device } from '../../../shared/device.js';
import { agentLabel, macConflict, macSourcePhrase } from '../logic/auth-badge.js';
import { formatDateTime, sourceLabel } from '../logic/format.js';
import { AuthBadge } from './auth-badge.js';

/**
 * What a login to the camera found: the auth status with the core's sentence and time, where the MAC was read,
 * serial and firmware, the cloud agent, and a visible note when the camera's MAC and the neighbour table disagree.
 * Every value here came from the LAN: text only.
 */
export function IdentitySection({ device }: { device: Device }) {
  const source = macSourcePhrase(device.macSource, sourceLabel);
  const neighbour = (device.facts.mac ?? []).find((fact) => fact.source === 'arp')?.value ?? null;
  return (
    <section aria-label="Identity" data-testid="identity-section">
      <h3>Identity</h3>
      {macConflict(device) && (
        <p className="conflict-note" role="note" data-testid="mac-conflict-note">
          The MAC the camera reports ({device.mac ?? 'unknown'}) differs from the neighbour table ({neighbour ?? 'unknown'}). A router or a
          proxy may sit between this computer and the camera, or two devices share an address; check the camera's sticker.
        </p>
      )}
      <dl className="kv">
        <dt>Login</dt>
        <dd data-testid="identity-auth">
          <AuthBadge auth={device.auth} />
          {device.auth ? (
            <>
              <p className="result-sentence" data-testid="identity-auth-message">
                {device.auth.message}
              </p>
              <p className="muted small mono" data-testid="identity-auth-at">
                {formatDateTime(device.auth.at)}
              </p>
            </>
          ) : (
            <p className="muted small">Not identified yet: tick the camera and press Identify.</p>
          )}
        </dd>
        <dt>MAC</dt>
        <dd className="mono" data-testid="identity-mac">
          {device.mac ?? 'unknown'}{' '}
          {source && (
            <span className="muted small" data-testid="identity-mac-source">
              {source}
            </span>
          )}
        </dd>
        <dt>Serial</dt>
        <dd className="mono" data-testid="identity-serial">
          {device.serial ?? '—'}
        </dd>
        <dt>Firmware</dt>
        <dd className="mono" data-testid="identity-firmware">
          {device.firmware ?? '—'}
        </dd>
        <dt>Cloud agent</dt>
        <dd data-testid="identity-agent">{agentLabel(device.cloudAgent)}</dd>
      </dl>
    </section>
  );
}

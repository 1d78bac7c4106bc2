import type { ScanDiagnostics } from '../../../shared/contract.js';
import { plural } from '../logic/format.js';

const CHECKS = [
  'The laptop is on the same subnet and VLAN as the cameras (WS-Discovery does not cross routers).',
  'The switch does not filter multicast to 239.255.255.250 (IGMP snooping without a querier drops it).',
  'ONVIF is enabled on the cameras and their discovery mode is "discoverable".',
  'The laptop firewall lets UDP port 3702 in (replies and Hello messages arrive there).',
  'Then press Scan again; cameras that are still booting answer a few seconds later.',
];

type Props = { diagnostics: ScanDiagnostics; hiddenNonCameras: number; onShowNonCameras: () => void };

/** After a scan that found no camera: what was probed, and what to check on site. */
export function EmptyState({ diagnostics, hiddenNonCameras, onShowNonCameras }: Props) {
  const { interfaces, skipped, errors } = diagnostics;
  return (
    <section className="empty-state" aria-label="No cameras found" data-testid="empty-state">
      <h2>No cameras found</h2>
      <p data-testid="empty-probed">
        {interfaces.length === 0
          ? 'No interface was probed.'
          : `Probed ${plural(interfaces.length, 'interface')}: ${interfaces.map((nic) => `${nic.name} (${nic.address})`).join(', ')}.`}{' '}
        {`${plural(diagnostics.probesSent, 'probe')} sent, ${plural(diagnostics.repliesReceived, 'reply', 'replies')} received.`}
      </p>
      {skipped.length > 0 && (
        <ul className="plain-list" data-testid="empty-skipped">
          {skipped.map((nic) => (
            <li key={nic.name}>
              Skipped <span className="mono">{nic.name}</span>: {nic.reason}
            </li>
          ))}
        </ul>
      )}
      {errors.length > 0 && (
        <ul className="plain-list error-text" data-testid="empty-errors">
          {errors.map((error, index) => (
            <li key={index}>{error}</li>
          ))}
        </ul>
      )}
      {hiddenNonCameras > 0 && (
        <p>
          {plural(hiddenNonCameras, 'device')} that {hiddenNonCameras === 1 ? 'is' : 'are'} not a camera answered.{' '}
          <button type="button" className="link-button" onClick={onShowNonCameras} data-testid="empty-show-non-cameras">
            Show them
          </button>
        </p>
      )}
      <h3>What to check</h3>
      <ul className="checklist" data-testid="empty-checklist">
        {CHECKS.map((check) => (
          <li key={check}>{check}</li>
        ))}
      </ul>
    </section>
  );
}

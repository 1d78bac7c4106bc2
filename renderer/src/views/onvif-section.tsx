import type { OnvifInfo } from '../../../shared/device.js';

function TextList({ label, items, testId }: { label: string; items: string[]; testId: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>
        {items.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          <ul className="plain-list mono">
            {items.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ul>
        )}
      </dd>
    </>
  );
}

/** What WS-Discovery said about the device. XAddrs are shown as text, never as links: they come from the LAN. */
export function OnvifSection({ onvif }: { onvif: OnvifInfo | null }) {
  if (!onvif) return null;
  return (
    <section aria-label="ONVIF" data-testid="onvif-section">
      <h3>ONVIF</h3>
      <dl className="kv">
        <dt>Endpoint</dt>
        <dd className="mono" data-testid="onvif-endpoint">
          {onvif.endpoint ?? <span className="muted">none</span>}
        </dd>
        <TextList label="XAddrs" items={onvif.xaddrs} testId="onvif-xaddrs" />
        <TextList label="Scopes" items={onvif.scopes} testId="onvif-scopes" />
        <TextList label="Types" items={onvif.types} testId="onvif-types" />
        {onvif.metadataVersion !== null && (
          <>
            <dt title="WS-Discovery metadata version">Metadata</dt>
            <dd className="mono">{onvif.metadataVersion}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

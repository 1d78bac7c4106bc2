import { discoverySources, type DiscoverySourceName } from '../../../shared/device.js';
import { discoveryLabel } from '../logic/format.js';

const SHORT: Record<DiscoverySourceName, string> = { wsd: 'WSD', ssdp: 'SSDP', mdns: 'mDNS', sweep: 'Sweep' };

/** One small badge per protocol that saw the device, always in the same order (WSD, SSDP, mDNS, Sweep). */
export function SourceBadges({ sources }: { sources: readonly DiscoverySourceName[] }) {
  return (
    <span className="source-badges" data-testid="source-badges">
      {discoverySources
        .filter((source) => sources.includes(source))
        .map((source) => (
          <span
            key={source}
            className={`badge badge-source source-${source}`}
            title={`Seen by ${discoveryLabel(source)}`}
            data-source={source}
          >
            {SHORT[source] ?? source}
          </span>
        ))}
    </span>
  );
}

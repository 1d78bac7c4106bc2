import type { Device, FactName } from '../../../shared/device.js';
import { conflictText } from '../logic/conflicts.js';

/**
 * "conflict" beside a fact two sources disagree on; hovering (or a screen reader) gives both values and who said
 * each. The values come from the LAN: React text only.
 */
export function ConflictBadge({ device, name }: { device: Device; name: FactName }) {
  const text = conflictText(device, name);
  if (text === null) return null;
  return (
    <span className="badge badge-conflict" title={text} aria-label={`Conflict — ${text}`} data-testid="conflict-badge" data-fact={name}>
      conflict
    </span>
  );
}

import type { Device } from '../../../shared/device.js';
import { factLabel, formatClock, sourceLabel } from '../logic/format.js';
import { factGroups } from '../logic/facts.js';

/**
 * Every fact with its provenance: "MAC 00:40:8c:12:34:56 — from ARP (neighbour table) at 10:02:03".
 * Values come from the LAN: rendered as text only.
 */
export function FactList({ device }: { device: Device }) {
  const groups = factGroups(device);
  if (groups.length === 0) return <p className="muted">No facts recorded yet.</p>;
  return (
    <ul className="fact-list" aria-label="Facts">
      {groups.map((group) => (
        <li key={group.name} className="fact-group" data-testid={`fact-group-${group.name}`}>
          {group.conflict && (
            <p className="conflict-note" data-testid="fact-conflict">
              Conflicting values for {factLabel(group.name)}: sources disagree.
            </p>
          )}
          <ul>
            {group.facts.map((fact, index) => (
              <li key={index} className={fact.hint ? 'fact is-hint' : 'fact'} data-testid="fact" data-fact={group.name}>
                <span className="fact-name">{factLabel(group.name)}</span> <span className="fact-value mono">{fact.value}</span>{' '}
                <span className="fact-origin">
                  — from {sourceLabel(fact.source)} at {formatClock(fact.at)}
                </span>
                {fact.hint && (
                  <span className="badge badge-hint" title="Inferred from indirect evidence, not read directly">
                    hint
                  </span>
                )}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

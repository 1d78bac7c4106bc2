import type { NetInterface } from '../../../shared/net.js';
import { pickerSummary } from '../logic/interfaces.js';

type Props = {
  interfaces: NetInterface[];
  selected: ReadonlySet<string>;
  disabled: boolean;
  onToggle: (name: string, on: boolean) => void;
};

/** Which interfaces the next scan probes; a dropdown of checkboxes, all ticked by default. */
export function InterfacePicker({ interfaces, selected, disabled, onToggle }: Props) {
  const names = interfaces.map((nic) => nic.name);
  return (
    <details className="interface-picker" data-testid="interface-picker">
      <summary aria-label="Interfaces to scan">
        <span className="muted">Interfaces:</span> {pickerSummary(names, selected)}
      </summary>
      <fieldset disabled={disabled}>
        <legend>Interfaces to scan</legend>
        {interfaces.length === 0 && <p className="muted">No IPv4 interface reported yet.</p>}
        {interfaces.map((nic) => (
          <label key={nic.name} className="interface-option">
            <input
              type="checkbox"
              checked={selected.has(nic.name)}
              onChange={(event) => onToggle(nic.name, event.target.checked)}
              data-testid={`interface-${nic.name}`}
            />
            <span className="mono">{nic.name}</span> <span className="mono muted">{nic.cidr}</span>
            {nic.virtual && (
              <span
                className="badge badge-hint"
                title="A VPN, tunnel or container adapter: probed, but cameras are rarely here"
                data-testid="interface-virtual"
              >
                virtual
              </span>
            )}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

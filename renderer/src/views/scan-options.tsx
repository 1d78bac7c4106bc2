import { multicastProtocols } from '../../../shared/contract/scan.js';
import { discoveryLabel } from '../logic/format.js';
import type { ScanOptionsCheck, ScanOptionsForm } from '../logic/scan-options.js';
import { toggleProtocol } from '../logic/scan-options.js';

type Props = { form: ScanOptionsForm; check: ScanOptionsCheck; disabled: boolean; onChange: (form: ScanOptionsForm) => void };

/**
 * Which protocols the next scan listens with, and routed subnets to sweep address by address (multicast does not
 * cross a router). A range wider than /16 needs the confirm box, which appears only when one is entered.
 */
export function ScanOptions({ form, check, disabled, onChange }: Props) {
  const summary = [
    form.protocols.size === multicastProtocols.length
      ? 'all protocols'
      : `${form.protocols.size} of ${multicastProtocols.length} protocols`,
    check.ok && check.args.sweep ? `sweep ${check.addresses.toLocaleString('en-US')} addresses` : null,
  ].filter(Boolean);
  return (
    <details className="scan-options" data-testid="scan-options">
      <summary aria-label="Scan options">
        <span className="muted">Options:</span> {summary.join(', ')}
        {!check.ok && <span className="badge badge-conflict">fix</span>}
      </summary>
      <div className="scan-options-panel">
        <fieldset disabled={disabled}>
          <legend>Protocols</legend>
          {multicastProtocols.map((protocol) => (
            <label key={protocol} className="interface-option">
              <input
                type="checkbox"
                checked={form.protocols.has(protocol)}
                onChange={(event) => onChange(toggleProtocol(form, protocol, event.target.checked))}
                data-testid={`protocol-${protocol}`}
              />
              {discoveryLabel(protocol)}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={disabled}>
          <legend>Sweep routed subnets</legend>
          <label className="field">
            <span className="muted">Ranges (CIDR, comma or one per line)</span>
            <textarea
              rows={2}
              value={form.cidrs}
              maxLength={2000}
              placeholder="192.168.20.0/24"
              onChange={(event) => onChange({ ...form, cidrs: event.target.value, confirmLarge: false })}
              spellCheck={false}
              data-testid="sweep-cidrs"
            />
          </label>
          <label className="field">
            <span className="muted">HTTP ports (blank: 80, 8000, 8080, 8899, 2020)</span>
            <input
              type="text"
              value={form.ports}
              maxLength={200}
              onChange={(event) => onChange({ ...form, ports: event.target.value })}
              spellCheck={false}
              data-testid="sweep-ports"
            />
          </label>
          {(form.confirmLarge || (!check.ok && check.needsConfirm)) && (
            <label className="interface-option">
              <input
                type="checkbox"
                checked={form.confirmLarge}
                onChange={(event) => onChange({ ...form, confirmLarge: event.target.checked })}
                data-testid="sweep-confirm-large"
              />
              Sweep ranges larger than /16 (takes minutes)
            </label>
          )}
        </fieldset>
        {!check.ok && (
          <ul className="form-errors" role="alert" data-testid="scan-options-errors">
            {check.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}

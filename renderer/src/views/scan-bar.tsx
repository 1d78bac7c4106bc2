import type { NetInterface } from '../../../shared/net.js';
import type { ScanOptionsCheck, ScanOptionsForm } from '../logic/scan-options.js';
import type { ScanState } from '../logic/scan-state.js';
import { InterfacePicker } from './interface-picker.js';
import { ScanOptions } from './scan-options.js';
import { ScanProgress } from './scan-progress.js';
import { ScanSummary } from './scan-summary.js';

type Props = {
  scan: ScanState;
  interfaces: NetInterface[];
  selected: ReadonlySet<string>;
  onToggleInterface: (name: string, on: boolean) => void;
  onScan: () => void;
  onStop: () => void;
  /** Protocols and sweep ranges for the next scan; absent = the core's defaults, no options shown. */
  options?: { form: ScanOptionsForm; check: ScanOptionsCheck; onChange: (form: ScanOptionsForm) => void };
};

/** Scan / Stop, the interface picker, and progress while scanning (a summary of the last scan otherwise). */
export function ScanBar({ scan, interfaces, selected, onToggleInterface, onScan, onStop, options }: Props) {
  const busy = scan.starting || scan.running;
  const noneSelected = interfaces.length > 0 && interfaces.every((nic) => !selected.has(nic.name));
  const optionsError = options && !options.check.ok ? options.check.errors[0] : undefined;
  return (
    <div className="scan-bar" role="toolbar" aria-label="Scan">
      <button
        type="button"
        className="primary"
        onClick={onScan}
        disabled={busy || noneSelected || optionsError !== undefined}
        title={noneSelected ? 'Pick at least one interface to scan.' : optionsError}
        data-testid="scan-button"
      >
        Scan
      </button>
      <button type="button" onClick={onStop} disabled={!scan.running} data-testid="stop-button">
        Stop
      </button>
      <InterfacePicker interfaces={interfaces} selected={selected} disabled={busy} onToggle={onToggleInterface} />
      {options && <ScanOptions form={options.form} check={options.check} disabled={busy} onChange={options.onChange} />}
      {busy ? <ScanProgress progress={scan.progress} /> : <ScanSummary last={scan.last} reason={scan.lastReason} />}
    </div>
  );
}

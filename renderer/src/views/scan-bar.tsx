import type { NetInterface } from '../../../shared/net.js';
import type { ScanState } from '../logic/scan-state.js';
import { InterfacePicker } from './interface-picker.js';
import { ScanProgress } from './scan-progress.js';
import { ScanSummary } from './scan-summary.js';

type Props = {
  scan: ScanState;
  interfaces: NetInterface[];
  selected: ReadonlySet<string>;
  onToggleInterface: (name: string, on: boolean) => void;
  onScan: () => void;
  onStop: () => void;
};

/** Scan / Stop, the interface picker, and progress while scanning (a summary of the last scan otherwise). */
export function ScanBar({ scan, interfaces, selected, onToggleInterface, onScan, onStop }: Props) {
  const busy = scan.starting || scan.running;
  const noneSelected = interfaces.length > 0 && interfaces.every((nic) => !selected.has(nic.name));
  return (
    <div className="scan-bar" role="toolbar" aria-label="Scan">
      <button
        type="button"
        className="primary"
        onClick={onScan}
        disabled={busy || noneSelected}
        title={noneSelected ? 'Pick at least one interface to scan.' : undefined}
        data-testid="scan-button"
      >
        Scan
      </button>
      <button type="button" onClick={onStop} disabled={!scan.running} data-testid="stop-button">
        Stop
      </button>
      <InterfacePicker interfaces={interfaces} selected={selected} disabled={busy} onToggle={onToggleInterface} />
      {busy ? <ScanProgress progress={scan.progress} /> : <ScanSummary last={scan.last} reason={scan.lastReason} />}
    </div>
  );
}

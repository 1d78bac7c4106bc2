import type { ScanDiagnostics } from '../../../shared/contract.js';
import type { Device } from '../../../shared/device.js';
import type { OptionalColumn } from '../logic/columns.js';
import type { SortKey, SortOrder } from '../logic/device-view.js';
import { DeviceTable, type TableSelection } from './device-table.js';
import { EmptyState } from './empty-state.js';

type Props = {
  rows: Device[];
  /** Devices the toggle lets through, before the filter. */
  candidates: number;
  hiddenNonCameras: number;
  busy: boolean;
  last: ScanDiagnostics | null;
  sort: SortOrder;
  onSort: (key: SortKey) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onClearFilter: () => void;
  onShowNonCameras: () => void;
  selection: TableSelection;
  columns: readonly OptionalColumn[];
};

/** The table when there is something to show; otherwise the message that fits why there is not. */
export function DeviceArea(props: Props) {
  const { rows, candidates, busy, last } = props;
  if (rows.length > 0) {
    return (
      <DeviceTable
        rows={rows}
        sort={props.sort}
        onSort={props.onSort}
        selectedId={props.selectedId}
        onSelect={props.onSelect}
        selection={props.selection}
        columns={props.columns}
      />
    );
  }
  if (candidates > 0) {
    return (
      <p className="placeholder" data-testid="no-match">
        No device matches the filter.{' '}
        <button type="button" className="link-button" onClick={props.onClearFilter}>
          Clear filter
        </button>
      </p>
    );
  }
  if (busy) {
    return (
      <p className="placeholder" data-testid="scan-waiting">
        Listening for cameras… they appear here as they answer.
      </p>
    );
  }
  if (last) {
    return <EmptyState diagnostics={last} hiddenNonCameras={props.hiddenNonCameras} onShowNonCameras={props.onShowNonCameras} />;
  }
  return (
    <p className="placeholder" data-testid="no-scan-yet">
      Press <strong>Scan</strong> to look for ONVIF cameras on this network.
    </p>
  );
}

import type { Device } from '../../../shared/device.js';
import type { ExpectedWait } from '../logic/cloud-badge.js';
import { COLUMN_LABELS, slotColumns, type ColumnSlot, type OptionalColumn } from '../logic/columns.js';
import type { SortKey, SortOrder } from '../logic/device-view.js';
import { visibleSelectionState } from '../logic/selection.js';
import { DeviceRow } from './device-row.js';
import { SelectAllBox } from './select-all-box.js';
import { SortHeader } from './sort-header.js';

export type TableSelection = {
  checked: ReadonlySet<string>;
  onCheck: (id: string, on: boolean) => void;
  onCheckVisible: (ids: string[], on: boolean) => void;
  waits: ReadonlyMap<string, ExpectedWait>;
};

type Props = {
  rows: Device[];
  sort: SortOrder;
  onSort: (key: SortKey) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  selection: TableSelection;
  columns: readonly OptionalColumn[];
};

/** The device list; rows arrive live while a scan runs. Click or Enter on a row opens its details. */
export function DeviceTable({ rows, sort, onSort, selectedId, onSelect, selection, columns }: Props) {
  const ids = rows.map((device) => device.id);
  return (
    <div className="table-wrap">
      <table className="device-table" aria-label="Devices" data-testid="device-table">
        <thead>
          <tr>
            <th scope="col" className="cell-check">
              <SelectAllBox state={visibleSelectionState(selection.checked, ids)} onChange={(on) => selection.onCheckVisible(ids, on)} />
            </th>
            <SortHeader label="MAC" sortKey="mac" sort={sort} onSort={onSort} />
            <SortHeader label="IP" sortKey="ip" sort={sort} onSort={onSort} />
            <SlotHeaders slot="afterIp" columns={columns} />
            <th scope="col">Cloud</th>
            <th scope="col">Vendor</th>
            <th scope="col">Model</th>
            <SlotHeaders slot="afterModel" columns={columns} />
            <th scope="col">Name</th>
            <SlotHeaders slot="last" columns={columns} />
          </tr>
        </thead>
        <tbody>
          {rows.map((device) => (
            <DeviceRow
              key={device.id}
              device={device}
              selected={device.id === selectedId}
              onSelect={onSelect}
              checked={selection.checked.has(device.id)}
              onCheck={selection.onCheck}
              wait={selection.waits.get(device.id) ?? null}
              columns={columns}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SlotHeaders({ slot, columns }: { slot: ColumnSlot; columns: readonly OptionalColumn[] }) {
  return slotColumns(columns, slot).map((column) => (
    <th key={column} scope="col">
      {COLUMN_LABELS[column]}
    </th>
  ));
}

import { useRef } from 'react';
import type { Device } from '../../../shared/device.js';
import { useRowWindow } from '../hooks/use-row-window.js';
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

/** Optional columns a click on the header sorts by. */
const SORTABLE: Partial<Record<OptionalColumn, SortKey>> = {
  serial: 'serial',
  firmware: 'firmware',
  sources: 'sources',
  lastSeen: 'lastSeen',
};

/**
 * The device list; rows arrive live while a scan runs. Click or Enter on a row opens its details.
 * A long list (a whole site: 1,000 devices) renders only the rows in view, with spacer rows for the rest.
 */
export function DeviceTable({ rows, sort, onSort, selectedId, onSelect, selection, columns }: Props) {
  const ids = rows.map((device) => device.id);
  const wrap = useRef<HTMLDivElement>(null);
  const window = useRowWindow(wrap, rows.length);
  const windowed = window.start > 0 || window.end < rows.length;
  const span = 7 + columns.length;
  return (
    <div className="table-wrap" ref={wrap} data-testid="table-wrap">
      <table
        className={windowed ? 'device-table is-windowed' : 'device-table'}
        aria-label="Devices"
        aria-rowcount={rows.length + 1}
        data-testid="device-table"
        data-rows={rows.length}
      >
        <thead>
          <tr>
            <th scope="col" className="cell-check">
              <SelectAllBox state={visibleSelectionState(selection.checked, ids)} onChange={(on) => selection.onCheckVisible(ids, on)} />
            </th>
            <SortHeader label="MAC" sortKey="mac" sort={sort} onSort={onSort} />
            <SortHeader label="IP" sortKey="ip" sort={sort} onSort={onSort} />
            <SlotHeaders slot="afterIp" columns={columns} sort={sort} onSort={onSort} />
            <th scope="col">Cloud</th>
            <SortHeader label="Vendor" sortKey="vendor" sort={sort} onSort={onSort} />
            <SortHeader label="Model" sortKey="model" sort={sort} onSort={onSort} />
            <SlotHeaders slot="afterModel" columns={columns} sort={sort} onSort={onSort} />
            <SortHeader label="Name" sortKey="name" sort={sort} onSort={onSort} />
            <SlotHeaders slot="last" columns={columns} sort={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {window.before > 0 && <Spacer height={window.before} span={span} />}
          {rows.slice(window.start, window.end).map((device) => (
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
          {window.after > 0 && <Spacer height={window.after} span={span} />}
        </tbody>
      </table>
    </div>
  );
}

/** Stands in for the rows scrolled out of view, so the scroll bar keeps the whole list's length. */
function Spacer({ height, span }: { height: number; span: number }) {
  return (
    <tr className="row-spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={span} />
    </tr>
  );
}

type SlotProps = { slot: ColumnSlot; columns: readonly OptionalColumn[]; sort: SortOrder; onSort: (key: SortKey) => void };

function SlotHeaders({ slot, columns, sort, onSort }: SlotProps) {
  return slotColumns(columns, slot).map((column) => {
    const key = SORTABLE[column];
    if (key) return <SortHeader key={column} label={COLUMN_LABELS[column]} sortKey={key} sort={sort} onSort={onSort} />;
    return (
      <th key={column} scope="col">
        {COLUMN_LABELS[column]}
      </th>
    );
  });
}

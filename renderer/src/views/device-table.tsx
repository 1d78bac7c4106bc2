import type { Device } from '../../../shared/device.js';
import type { SortKey, SortOrder } from '../logic/device-view.js';
import { DeviceRow } from './device-row.js';
import { SortHeader } from './sort-header.js';

type Props = {
  rows: Device[];
  sort: SortOrder;
  onSort: (key: SortKey) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
};

/** The device list; rows arrive live while a scan runs. Click or Enter on a row opens its details. */
export function DeviceTable({ rows, sort, onSort, selectedId, onSelect }: Props) {
  return (
    <div className="table-wrap">
      <table className="device-table" aria-label="Devices" data-testid="device-table">
        <thead>
          <tr>
            <SortHeader label="MAC" sortKey="mac" sort={sort} onSort={onSort} />
            <SortHeader label="IP" sortKey="ip" sort={sort} onSort={onSort} />
            <th scope="col">Vendor</th>
            <th scope="col">Model</th>
            <th scope="col">Name</th>
            <th scope="col">Sources</th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((device) => (
            <DeviceRow key={device.id} device={device} selected={device.id === selectedId} onSelect={onSelect} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

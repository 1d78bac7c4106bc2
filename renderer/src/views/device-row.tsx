import { memo } from 'react';
import type { Device } from '../../../shared/device.js';
import { displayVendor } from '../logic/device-view.js';
import { discoveryLabel, formatClock, sourceLabel } from '../logic/format.js';
import type { ExpectedWait } from '../logic/cloud-badge.js';
import { macIsHint } from '../logic/facts.js';
import { agentLabel } from '../logic/auth-badge.js';
import { slotColumns, type ColumnSlot, type OptionalColumn } from '../logic/columns.js';
import { AuthBadge } from './auth-badge.js';
import { CloudBadge } from './cloud-badge.js';
import { ConflictBadge } from './conflict-badge.js';
import { SourceBadges } from './source-badges.js';

type Props = {
  device: Device;
  selected: boolean;
  onSelect: (id: string) => void;
  /** Ticked for a batch action (register); separate from `selected`, the row whose details are open. */
  checked: boolean;
  onCheck: (id: string, on: boolean) => void;
  wait: ExpectedWait | null;
  /** The identity columns switched on, in table order. */
  columns: readonly OptionalColumn[];
};

// Every string here comes from the LAN (untrusted): it is rendered as React text, never as HTML.
function DeviceRowView({ device, selected, onSelect, checked, onCheck, wait, columns }: Props) {
  const hint = macIsHint(device);
  const vendor = displayVendor(device);
  const classes = ['device-row', device.online ? '' : 'is-offline', selected ? 'is-selected' : ''].join(' ').trim();
  return (
    <tr
      className={classes}
      aria-selected={selected}
      tabIndex={0}
      onClick={() => onSelect(device.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelect(device.id);
        }
      }}
      data-testid="device-row"
      data-device-id={device.id}
      data-online={device.online}
      data-camera={device.isCamera}
      data-mac={device.mac ?? ''}
      data-ip={device.ip ?? ''}
    >
      {/* The checkbox keeps its clicks and keys: Space must tick it, not open the details. */}
      <td className="cell-check" onClick={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()}>
        <input
          type="checkbox"
          checked={checked}
          onChange={(event) => onCheck(device.id, event.target.checked)}
          aria-label={`Select ${device.mac ?? device.ip ?? device.id}`}
          data-testid="row-check"
        />
      </td>
      <td className="mono" data-testid="cell-mac" title={device.macSource ? `from ${sourceLabel(device.macSource)}` : undefined}>
        {device.mac ? <span data-testid="mac-text">{device.mac}</span> : <span className="muted">unknown</span>}
        {hint && (
          <span className="badge badge-hint" data-testid="hint-badge">
            hint
          </span>
        )}
        <ConflictBadge device={device} name="mac" />
      </td>
      <td className="mono" data-testid="cell-ip">
        <span data-testid="ip-text">{device.ip ?? ''}</span>
        <ConflictBadge device={device} name="ip" />
        {device.offSubnet && (
          <span
            className="badge badge-routed"
            title="Answered from outside every local subnet (across a router): its MAC is never taken from the neighbour table, which holds the router's."
            data-testid="off-subnet-badge"
          >
            routed
          </span>
        )}
        {!device.online && (
          <span className="badge badge-offline" data-testid="offline-badge">
            offline
          </span>
        )}
      </td>
      <Slot slot="afterIp" columns={columns} device={device} />
      <td data-testid="cell-cloud">
        <CloudBadge cloud={device.cloud} wait={wait} />
      </td>
      <td data-testid="cell-vendor" title={vendor ?? undefined}>
        {vendor ?? ''}
        <ConflictBadge device={device} name="vendor" />
      </td>
      <td data-testid="cell-model" title={device.model ?? undefined}>
        {device.model ?? ''}
        <ConflictBadge device={device} name="model" />
      </td>
      <Slot slot="afterModel" columns={columns} device={device} />
      <td data-testid="cell-name" title={device.name ?? undefined}>
        {device.name ?? ''}
        <ConflictBadge device={device} name="name" />
      </td>
      <Slot slot="last" columns={columns} device={device} />
    </tr>
  );
}

function Slot({ slot, columns, device }: { slot: ColumnSlot; columns: readonly OptionalColumn[]; device: Device }) {
  return slotColumns(columns, slot).map((column) => <OptionalCell key={column} column={column} device={device} />);
}

/** One optional cell: serial and firmware exactly as the camera sent them (text), the auth badge, the agent, … */
function OptionalCell({ column, device }: { column: OptionalColumn; device: Device }) {
  if (column === 'auth') {
    return (
      <td data-testid="cell-auth">
        <AuthBadge auth={device.auth} />
      </td>
    );
  }
  if (column === 'agent') return <td data-testid="cell-agent">{agentLabel(device.cloudAgent)}</td>;
  if (column === 'sources') {
    return (
      <td data-testid="cell-sources" data-sources={device.sources.join(' ')} title={device.sources.map(discoveryLabel).join(', ')}>
        <SourceBadges sources={device.sources} />
      </td>
    );
  }
  if (column === 'lastSeen') {
    return (
      <td className="mono" data-testid="cell-last-seen">
        {formatClock(device.lastSeen)}
      </td>
    );
  }
  const value = column === 'serial' ? device.serial : device.firmware;
  return (
    <td className="mono" data-testid={`cell-${column}`} title={value ?? undefined}>
      {value ?? ''}
      <ConflictBadge device={device} name={column} />
    </td>
  );
}

/** One device; memoised so a burst of events only re-renders the rows that changed. */
export const DeviceRow = memo(DeviceRowView);

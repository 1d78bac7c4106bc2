import { useCallback, useMemo, useState } from 'react';
import type { Api, RegisterResult, ScanDiagnostics } from '../../../shared/contract.js';
import type { ExpectedWait } from '../logic/cloud-badge.js';
import { registerBlocker, type CloudSettingsLoad } from '../logic/cloud-ready.js';
import { useIdentify } from '../hooks/use-identify.js';
import { defaultColumns, shownColumns, toggleColumn } from '../logic/columns.js';
import { resolveDeviceId, type DeviceState } from '../logic/device-store.js';
import { defaultSort, nextSort, visibleDevices, type SortKey } from '../logic/device-view.js';
import { planRows, type PlanRow } from '../logic/register-plan.js';
import { pruneSelection, toggleOne, toggleVisible, type Selection } from '../logic/selection.js';
import { DetailPanel } from './detail-panel.js';
import { ColumnPicker } from './column-picker.js';
import { DeviceArea } from './device-area.js';
import { IdentifyAction } from './identify-action.js';
import { IdentifyResults } from './identify-results.js';
import { RegisterAction } from './register-action.js';
import { RegisterDialog } from './register-dialog.js';
import { TableControls } from './table-controls.js';
import { MoveDialog } from './move-dialog.js';
import { TokenAction } from './token-action.js';
import { TokenDialog } from './token-dialog.js';
import { cameraLabel } from '../logic/token-plan.js';
import type { Device } from '../../../shared/device.js';

type Props = { api: Api; devices: DeviceState; busy: boolean; last: ScanDiagnostics | null; cloud: CloudSettingsLoad; hidden: boolean };

/**
 * The device table with its filter, selection, identity columns and detail panel; Identify and the register
 * dialog, token write/rotate and the move dialog act on the ticked cameras (write and move also from the details).
 * It stays mounted while another screen is shown, so the filter, sort and ticks survive a visit to Cloud.
 */
export function DevicesScreen({ api, devices, busy, last, cloud, hidden }: Props) {
  const [query, setQuery] = useState('');
  const [showNonCameras, setShowNonCameras] = useState(false);
  const [sort, setSort] = useState(defaultSort);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [ticked, setTicked] = useState<Selection>(new Set());
  const [registering, setRegistering] = useState<PlanRow[] | null>(null);
  const [tokens, setTokens] = useState<{ mode: 'write' | 'rotate'; devices: Device[] } | null>(null);
  const [moving, setMoving] = useState<Device | null>(null);
  const [waits, setWaits] = useState<ReadonlyMap<string, ExpectedWait>>(new Map());
  const [columnSet, setColumnSet] = useState(defaultColumns);
  const columns = useMemo(() => shownColumns(columnSet), [columnSet]);
  const identify = useIdentify(api);

  const all = [...devices.devices.values()];
  const candidates = showNonCameras ? all.length : all.filter((device) => device.isCamera).length;
  const rows = useMemo(
    () => visibleDevices(devices.devices.values(), { showNonCameras, query, sort }),
    [devices.devices, showNonCameras, query, sort],
  );
  const shownId = selectedId === null ? null : resolveDeviceId(devices, selectedId);
  const shown = shownId === null ? undefined : devices.devices.get(shownId);
  const checked = pruneSelection(ticked, (id) => devices.devices.has(id));
  const chosen = all.filter((device) => checked.has(device.id));

  const onCheck = useCallback((id: string, on: boolean) => setTicked((prev) => toggleOne(prev, id, on)), []);
  const onCheckVisible = useCallback((ids: string[], on: boolean) => setTicked((prev) => toggleVisible(prev, ids, on)), []);
  const rememberWaits = (results: RegisterResult[]) =>
    setWaits((prev) => {
      const next = new Map(prev);
      for (const result of results) if (result.deviceId && result.expectedWait) next.set(result.deviceId, result.expectedWait);
      return next;
    });

  return (
    <main className={shown ? 'content with-detail' : 'content'} hidden={hidden}>
      <section className="devices" aria-label="Device list">
        <TableControls
          query={query}
          onQuery={setQuery}
          showNonCameras={showNonCameras}
          onShowNonCameras={setShowNonCameras}
          shown={rows.length}
          total={candidates}
        >
          <RegisterAction
            count={chosen.length}
            blocker={registerBlocker(cloud)}
            onOpen={() => cloud.settings && setRegistering(planRows(chosen, cloud.settings.idFormat))}
            onClear={() => setTicked(new Set())}
          />
          <IdentifyAction
            count={chosen.length}
            running={identify.running}
            onIdentify={(scope) => identify.identify(scope === 'all' ? null : chosen.map((device) => device.id))}
          />
          <TokenAction
            count={chosen.length}
            onWrite={() => setTokens({ mode: 'write', devices: chosen })}
            onRotate={() => setTokens({ mode: 'rotate', devices: chosen })}
            onMove={() => chosen.length === 1 && setMoving(chosen[0]!)}
          />
          <ColumnPicker columns={columnSet} onToggle={(column, on) => setColumnSet((prev) => toggleColumn(prev, column, on))} />
        </TableControls>
        {identify.run && <IdentifyResults run={identify.run} devices={devices.devices} onClose={identify.dismiss} />}
        <DeviceArea
          rows={rows}
          candidates={candidates}
          hiddenNonCameras={showNonCameras ? 0 : all.length - candidates}
          busy={busy}
          last={last}
          sort={sort}
          onSort={(key: SortKey) => setSort((current) => nextSort(current, key))}
          selectedId={shownId}
          onSelect={setSelectedId}
          onClearFilter={() => setQuery('')}
          onShowNonCameras={() => setShowNonCameras(true)}
          selection={{ checked, onCheck, onCheckVisible, waits }}
          columns={columns}
        />
      </section>
      {shown && (
        <DetailPanel
          device={shown}
          wait={waits.get(shown.id) ?? null}
          onClose={() => setSelectedId(null)}
          onWriteToken={() => setTokens({ mode: 'write', devices: [shown] })}
          onMove={() => setMoving(shown)}
        />
      )}
      {tokens && (
        <TokenDialog
          mode={tokens.mode}
          rows={tokens.devices.map((device) => ({ deviceId: device.id, label: cameraLabel(device) }))}
          write={(args) => api['token.write'](args)}
          onClose={() => setTokens(null)}
        />
      )}
      {moving && (
        <MoveDialog
          deviceId={moving.id}
          label={cameraLabel(moving)}
          move={(args) => api['cloud.move'](args)}
          onClose={() => setMoving(null)}
        />
      )}
      {registering && (
        <RegisterDialog
          rows={registering}
          register={(cameras) => api['cloud.register']({ cameras })}
          onResults={rememberWaits}
          onClose={() => setRegistering(null)}
        />
      )}
    </main>
  );
}

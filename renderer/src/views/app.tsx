import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Api } from '../../../shared/contract.js';
import { useDevices } from '../hooks/use-devices.js';
import { useInterfaces } from '../hooks/use-interfaces.js';
import { useScan } from '../hooks/use-scan.js';
import { defaultSort, nextSort, visibleDevices, type SortKey } from '../logic/device-view.js';
import { resolveDeviceId } from '../logic/device-store.js';
import { scanInterfacesArg } from '../logic/interfaces.js';
import { DetailPanel } from './detail-panel.js';
import { DeviceArea } from './device-area.js';
import { ErrorBanner } from './error-banner.js';
import { ScanBar } from './scan-bar.js';
import { TableControls } from './table-controls.js';

type Props = { api: Api; onDisconnect?: (listener: (message: string) => void) => () => void };

/** The whole window: scan bar, device table, detail panel. State lives in the hooks; this only wires it. */
export function App({ api, onDisconnect }: Props) {
  const [error, setError] = useState<string | null>(null);
  const report = useCallback((message: string) => setError(message), []);
  useEffect(() => onDisconnect?.(report), [onDisconnect, report]);

  const devices = useDevices(api, report);
  const scan = useScan(api, report);
  const interfaces = useInterfaces(api, report);

  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const names = interfaces.map((nic) => nic.name);
  const selected = new Set(names.filter((name) => !excluded.has(name)));
  const toggleInterface = (name: string, on: boolean) =>
    setExcluded((prev) => {
      const next = new Set(prev);
      if (on) next.delete(name);
      else next.add(name);
      return next;
    });

  const [query, setQuery] = useState('');
  const [showNonCameras, setShowNonCameras] = useState(false);
  const [sort, setSort] = useState(defaultSort);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const all = [...devices.devices.values()];
  const candidates = showNonCameras ? all.length : all.filter((device) => device.isCamera).length;
  const rows = useMemo(
    () => visibleDevices(devices.devices.values(), { showNonCameras, query, sort }),
    [devices.devices, showNonCameras, query, sort],
  );
  const shownId = selectedId === null ? null : resolveDeviceId(devices, selectedId);
  const shown = shownId === null ? undefined : devices.devices.get(shownId);

  const startScan = () => {
    setError(null);
    scan.start(scanInterfacesArg(names, selected));
  };

  return (
    <div className="app">
      <header className="topbar">
        <h1>Camera Finder</h1>
        <ScanBar
          scan={scan}
          interfaces={interfaces}
          selected={selected}
          onToggleInterface={toggleInterface}
          onScan={startScan}
          onStop={scan.stop}
        />
      </header>
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      <main className={shown ? 'content with-detail' : 'content'}>
        <section className="devices" aria-label="Device list">
          <TableControls
            query={query}
            onQuery={setQuery}
            showNonCameras={showNonCameras}
            onShowNonCameras={setShowNonCameras}
            shown={rows.length}
            total={candidates}
          />
          <DeviceArea
            rows={rows}
            candidates={candidates}
            hiddenNonCameras={showNonCameras ? 0 : all.length - candidates}
            busy={scan.starting || scan.running}
            last={scan.last}
            sort={sort}
            onSort={(key: SortKey) => setSort((current) => nextSort(current, key))}
            selectedId={shownId}
            onSelect={setSelectedId}
            onClearFilter={() => setQuery('')}
            onShowNonCameras={() => setShowNonCameras(true)}
          />
        </section>
        {shown && <DetailPanel device={shown} onClose={() => setSelectedId(null)} />}
      </main>
    </div>
  );
}

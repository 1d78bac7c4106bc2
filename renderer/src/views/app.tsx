import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Api } from '../../../shared/contract.js';
import { useCloudSettings } from '../hooks/use-cloud-settings.js';
import { useCredentials } from '../hooks/use-credentials.js';
import { useDevices } from '../hooks/use-devices.js';
import { useInterfaces } from '../hooks/use-interfaces.js';
import { useScan } from '../hooks/use-scan.js';
import { scanInterfacesArg } from '../logic/interfaces.js';
import { checkScanOptions, initialScanOptions } from '../logic/scan-options.js';
import { AuditScreen } from './audit-screen.js';
import { CloudScreen } from './cloud-screen.js';
import { CredentialsScreen } from './credentials-screen.js';
import { DevicesScreen } from './devices-screen.js';
import { DiagnosticsPanel } from './diagnostics-panel.js';
import { ErrorBanner } from './error-banner.js';
import { NavBar, type Screen } from './nav-bar.js';
import { OnboardingScreen } from './onboarding/onboarding-screen.js';
import { ScanBar } from './scan-bar.js';

type Props = { api: Api; onDisconnect?: (listener: (message: string) => void) => () => void };

/**
 * The whole window: a switch between Devices, Credentials, Cloud and Audit log. Scan, device, credential-list and
 * cloud-settings state live here (in hooks) so they survive switching screens; the Credentials, Cloud and Audit
 * screens mount only while shown, so a secret typed but not saved leaves the page with them.
 */
export function App({ api, onDisconnect }: Props) {
  const [error, setError] = useState<string | null>(null);
  const report = useCallback((message: string) => setError(message), []);
  useEffect(() => onDisconnect?.(report), [onDisconnect, report]);

  const devices = useDevices(api, report);
  const scan = useScan(api, report);
  const interfaces = useInterfaces(api, report);
  const cloud = useCloudSettings(api);
  const credentials = useCredentials(api);
  const [screen, setScreen] = useState<Screen>('devices');

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

  const [scanOptions, setScanOptions] = useState(initialScanOptions);
  const optionsCheck = useMemo(() => checkScanOptions(scanOptions), [scanOptions]);

  const startScan = () => {
    if (!optionsCheck.ok) return;
    setError(null);
    scan.start(scanInterfacesArg(names, selected), optionsCheck.args);
  };

  return (
    <div className="app">
      <header className="topbar">
        <h1>Camera Finder</h1>
        <NavBar screen={screen} onScreen={setScreen} />
        {screen === 'devices' && (
          <ScanBar
            scan={scan}
            interfaces={interfaces}
            selected={selected}
            onToggleInterface={toggleInterface}
            onScan={startScan}
            onStop={scan.stop}
            options={{ form: scanOptions, check: optionsCheck, onChange: setScanOptions }}
          />
        )}
      </header>
      <ErrorBanner message={error} onDismiss={() => setError(null)} />
      {screen === 'devices' && scan.last && <DiagnosticsPanel diagnostics={scan.last} interfaces={interfaces} />}
      <DevicesScreen
        api={api}
        interfaces={interfaces}
        devices={devices}
        busy={scan.starting || scan.running}
        last={scan.last}
        cloud={cloud}
        hidden={screen !== 'devices'}
      />
      {screen === 'onboarding' && <OnboardingScreen api={api} interfaces={names} />}
      {screen === 'credentials' && <CredentialsScreen credentials={credentials} />}
      {screen === 'cloud' && <CloudScreen api={api} cloud={cloud} />}
      {screen === 'audit' && <AuditScreen api={api} />}
    </div>
  );
}

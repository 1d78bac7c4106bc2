import { useCallback, useState } from 'react';
import type { Api } from '../../../shared/contract.js';
import type { IdentifyRun } from '../logic/identify-outcome.js';

export type IdentifyHook = {
  running: boolean;
  /** The last run's per-camera results, or the core's sentence when it did not run; null when dismissed. */
  run: IdentifyRun | null;
  identify: (deviceIds: string[] | null) => void;
  dismiss: () => void;
};

/**
 * One Identify run at a time. The devices' auth, serial and firmware arrive as `device-updated` events; the
 * results kept here are the run's own report (per camera, with the core's sentence).
 */
export function useIdentify(api: Api): IdentifyHook {
  const [running, setRunning] = useState(false);
  const [run, setRun] = useState<IdentifyRun | null>(null);
  const identify = useCallback(
    (deviceIds: string[] | null) => {
      setRunning(true);
      setRun(null);
      void api['identify.run'](deviceIds === null ? {} : { deviceIds }).then((result) => {
        setRunning(false);
        setRun(result.ok ? { results: result.value.results } : { error: result.message });
      });
    },
    [api],
  );
  const dismiss = useCallback(() => setRun(null), []);
  return { running, run, identify, dismiss };
}

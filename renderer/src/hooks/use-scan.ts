import { useEffect, useRef, useState } from 'react';
import type { Api } from '../../../shared/contract.js';
import { createScanController, type ScanController } from '../logic/scan-controller.js';
import type { ScanOptionsArgs } from '../logic/scan-options.js';
import { initialScanState, type ScanState } from '../logic/scan-state.js';

/** Scan state (running, progress, last diagnostics) and the two actions of the scan bar. */
export function useScan(
  api: Api,
  onError: (message: string) => void,
): ScanState & { start: (interfaces?: string[], options?: ScanOptionsArgs) => void; stop: () => void } {
  const [state, setState] = useState<ScanState>(initialScanState);
  const controller = useRef<ScanController | null>(null);

  useEffect(() => {
    const created = createScanController(api, setState, onError);
    controller.current = created;
    return () => {
      created.dispose();
      controller.current = null;
    };
  }, [api, onError]);

  return {
    ...state,
    start: (interfaces, options) => void controller.current?.start(interfaces, options),
    stop: () => void controller.current?.stop(),
  };
}

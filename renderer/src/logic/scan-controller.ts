import type { Api } from '../../../shared/contract.js';
import type { ScanOptionsArgs } from './scan-options.js';
import { initialScanState, scanReducer, type ScanAction, type ScanState } from './scan-state.js';

/** How long after the last progress tick a missing scan-finished makes the bar ask the core. */
export const FINISH_GRACE_MS = 3000;

export type ScanController = {
  /** `interfaces` absent = every usable interface; `options` adds the protocol choice and a sweep. */
  start(interfaces?: string[], options?: ScanOptionsArgs): Promise<void>;
  stop(): Promise<void>;
  dispose(): void;
};

/**
 * Drives scan.start / scan.stop and follows scan-progress / scan-finished into a ScanState.
 * Failed commands go to `onError` with the core's sentence.
 */
export function createScanController(api: Api, onChange: (state: ScanState) => void, onError: (message: string) => void): ScanController {
  let state = initialScanState;
  let disposed = false;
  const dispatch = (action: ScanAction) => {
    if (disposed) return;
    state = scanReducer(state, action);
    onChange(state);
  };

  // If scan-finished never arrives (dropped frame), ask scan.status so the bar does not spin forever.
  let watchdog: ReturnType<typeof setTimeout> | null = null;
  const clearWatchdog = () => {
    if (watchdog !== null) clearTimeout(watchdog);
    watchdog = null;
  };
  const resync = async () => {
    watchdog = null;
    if (!state.running) return;
    const result = await api['scan.status']({});
    if (result.ok && !result.value.running) dispatch({ type: 'resynced', last: result.value.last });
  };

  const unsubscribers = [
    api.on('scan-progress', (payload) => {
      dispatch({ type: 'progress', payload });
      if (payload.elapsedMs >= payload.totalMs && watchdog === null) watchdog = setTimeout(() => void resync(), FINISH_GRACE_MS);
    }),
    api.on('scan-finished', (payload) => {
      clearWatchdog();
      dispatch({ type: 'finished', payload });
    }),
  ];
  void api['scan.status']({}).then((result) => {
    if (result.ok) dispatch({ type: 'status', running: result.value.running, last: result.value.last });
    else if (!disposed) onError(result.message);
  });

  return {
    async start(interfaces, options = {}) {
      if (state.starting || state.running) return;
      dispatch({ type: 'requested' });
      const result = await api['scan.start']({ ...(interfaces ? { interfaces } : {}), ...options });
      if (result.ok) return dispatch({ type: 'started', scanId: result.value.scanId });
      dispatch({ type: 'start-failed' });
      if (!disposed) onError(result.message);
    },
    async stop() {
      const result = await api['scan.stop']({});
      if (result.ok) dispatch({ type: 'stop-answered', stopped: result.value.stopped });
      else if (!disposed) onError(result.message);
    },
    dispose() {
      disposed = true;
      clearWatchdog();
      for (const unsubscribe of unsubscribers) unsubscribe();
    },
  };
}

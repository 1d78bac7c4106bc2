import type { EventPayload, ScanDiagnostics } from '../../../shared/contract.js';

export type ScanProgress = Omit<EventPayload<'scan-progress'>, 'scanId'>;
export type FinishReason = EventPayload<'scan-finished'>['reason'];

export type ScanState = {
  /** True from the click until the core answers scan.start (the button must not fire twice). */
  starting: boolean;
  running: boolean;
  scanId: string | null;
  progress: ScanProgress | null;
  /** Diagnostics of the last finished scan (also from before this page was opened). */
  last: ScanDiagnostics | null;
  lastReason: FinishReason | null;
};

export type ScanAction =
  | { type: 'status'; running: boolean; last: ScanDiagnostics | null }
  | { type: 'requested' }
  | { type: 'started'; scanId: string }
  | { type: 'start-failed' }
  | { type: 'progress'; payload: EventPayload<'scan-progress'> }
  | { type: 'finished'; payload: EventPayload<'scan-finished'> }
  | { type: 'stop-answered'; stopped: boolean }
  | { type: 'resynced'; last: ScanDiagnostics | null };

export const initialScanState: ScanState = {
  starting: false,
  running: false,
  scanId: null,
  progress: null,
  last: null,
  lastReason: null,
};

/** Pure state machine for the scan bar; events and command answers may arrive in either order. */
export function scanReducer(state: ScanState, action: ScanAction): ScanState {
  switch (action.type) {
    case 'status':
      // Only fills in what the page has not learnt from events yet.
      return {
        ...state,
        running: state.running || action.running,
        last: state.last ?? action.last,
      };
    case 'requested':
      return { ...state, starting: true, progress: null };
    case 'started': {
      // The scan may already have finished (its event overtook the answer): then it is not running.
      const over = state.last?.scanId === action.scanId;
      return { ...state, starting: false, running: !over, scanId: action.scanId };
    }
    case 'start-failed':
      return { ...state, starting: false };
    case 'progress': {
      if (state.last?.scanId === action.payload.scanId) return state;
      const { scanId, ...progress } = action.payload;
      return { ...state, running: true, scanId, progress };
    }
    case 'finished':
      return {
        ...state,
        running: false,
        scanId: action.payload.scanId,
        progress: null,
        last: action.payload.diagnostics,
        lastReason: action.payload.reason,
      };
    case 'stop-answered':
      // Nothing was running after all: make the bar idle; a real stop is confirmed by scan-finished.
      return action.stopped ? state : { ...state, running: false, progress: null };
    case 'resynced':
      // The core says no scan runs although no scan-finished arrived (lost or unreadable frame).
      return { ...state, running: false, progress: null, last: action.last ?? state.last, lastReason: null };
  }
}

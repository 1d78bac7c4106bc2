import type { Api } from '../../../shared/contract.js';

declare global {
  interface Window {
    /** Set by electron/preload.ts: one function per contract command plus `on(event, listener)`. */
    cameraFinder?: Api;
  }
}

/** The Electron preload bridge when the page runs inside the app window; null in a plain browser. */
export function getIpcApi(scope: { cameraFinder?: Api } = window): Api | null {
  return scope.cameraFinder ?? null;
}

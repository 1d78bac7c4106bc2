import type { Api } from '../../../shared/contract.js';
import { getIpcApi } from './ipc-api.js';
import { createUnavailableApi } from './unavailable-api.js';
import { createWsApi } from './ws-api.js';
import { takePageToken } from './page-token.js';
import { wsUrlFor } from './ws-url.js';

export const MISSING_TOKEN_MESSAGE =
  'This page was opened without its access token; open the full link Camera Finder printed (it ends in ?token=…).';

/** What the views get: the Api, and a way to hear that the transport is gone for good. */
export type Connection = {
  api: Api;
  onDisconnect: (listener: (message: string) => void) => () => void;
};

const never = () => () => undefined;

/**
 * Electron's preload bridge when present, else the browser-mode WebSocket of the server that served this
 * page. Call once per page load: it takes the token out of the address bar.
 */
export function chooseApi(): Connection {
  const ipc = getIpcApi();
  if (ipc) return { api: ipc, onDisconnect: never };
  const token = takePageToken(window);
  if (!token) return { api: createUnavailableApi(MISSING_TOKEN_MESSAGE), onDisconnect: never };
  const api = createWsApi(wsUrlFor(window.location, token));
  return { api, onDisconnect: (listener) => api.onDisconnect(listener) };
}

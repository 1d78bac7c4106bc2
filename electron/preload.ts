/**
 * The preload bridge: exposes exactly the contract's commands and a subscription to its events as
 * `window.cameraFinder`. The IPC event object never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { isEventName, mapCommandNames, type EventName } from '../shared/names.js';
import { IPC_EVENT, IPC_INVOKE } from './hosts/ipc-channels.js';

const api: Record<string, unknown> = mapCommandNames((name) => (args: unknown) => ipcRenderer.invoke(IPC_INVOKE, name, args ?? {}));

api.on = (event: EventName, listener: (payload: unknown) => void) => {
  if (!isEventName(event) || typeof listener !== 'function') throw new Error('Unknown event');
  const handler = (_e: unknown, name: unknown, payload: unknown) => {
    if (name === event) listener(payload);
  };
  ipcRenderer.on(IPC_EVENT, handler);
  return () => void ipcRenderer.removeListener(IPC_EVENT, handler);
};

contextBridge.exposeInMainWorld('cameraFinder', api);

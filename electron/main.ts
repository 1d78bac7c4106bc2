/**
 * Front door 1: the Electron window. One of only two files that import electron.
 * The renderer is sandboxed (contextIsolation, sandbox, no node integration), served from a privileged
 * app:// scheme with a strict CSP; navigation and new windows are blocked; every IPC call is checked.
 */
import { app, BrowserWindow, ipcMain, protocol, shell } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { eventNames } from '../shared/contract.js';
import { createCore } from './core/core.js';
import { contentSecurityPolicy } from './hosts/csp.js';
import { IPC_EVENT, IPC_INVOKE } from './hosts/ipc-channels.js';
import { APP_ORIGIN, createIpcGate } from './hosts/ipc-gate.js';
import { createMemoryAuditLog } from './platform/audit-log.js';
import { createNodePorts } from './platform/node-ports.js';
import { createMemorySecretStore } from './platform/secrets.js';
import { readStatic } from './hosts/static-files.js';
import { createLogger } from './platform/logger.js';
import type { SettingsStore } from './platform/ports.js';

const here = import.meta.dirname;
const rendererDir = join(here, '..', 'renderer');

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }]);

function settingsStore(): SettingsStore {
  const store = new Store<Record<string, unknown>>({ name: 'settings' });
  return { get: <T>(key: string) => store.get(key) as T | undefined, set: (key, value) => store.set(key, value) };
}

/** Only http(s) links leave the app, and only through the system browser. */
function openExternalSafely(url: string): void {
  try {
    if (['http:', 'https:'].includes(new URL(url).protocol)) void shell.openExternal(url);
  } catch {
    // not a URL: ignore
  }
}

async function main(): Promise<void> {
  await app.whenReady();
  const interfaces = process.argv.flatMap((a, i, all) => (a === '--interface' && all[i + 1] ? [all[i + 1] as string] : []));
  const log = createLogger();
  const core = createCore(createNodePorts(log, settingsStore(), createMemorySecretStore(), createMemoryAuditLog()), {
    allowedInterfaces: interfaces.length ? interfaces : undefined,
    env: process.env,
    via: 'ui',
  });
  await core.start();

  protocol.handle('app', async (request) => {
    const file = await readStatic(rendererDir, new URL(request.url).pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'content-type': file.type, 'content-security-policy': contentSecurityPolicy },
    });
  });

  const gate = createIpcGate(core, log);
  ipcMain.handle(IPC_INVOKE, (event, command: unknown, args: unknown) => gate(event.senderFrame?.url, command, args));

  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'Camera Finder',
    webPreferences: {
      preload: join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  for (const event of eventNames) {
    core.on(event, (payload) => {
      if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, event, payload);
    });
  }
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.on('will-redirect', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  win.webContents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  await win.loadURL(`${APP_ORIGIN}/index.html`);

  app.on('window-all-closed', () => {
    void core.close().finally(() => app.quit());
  });
}

main().catch((error: unknown) => {
  console.error(`Camera Finder failed to start: ${error instanceof Error ? error.message : String(error)}`);
  app.exit(1);
});

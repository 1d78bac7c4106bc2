/**
 * Front door 1: the Electron window. One of only two files that import electron.
 * The renderer is sandboxed (contextIsolation, sandbox, no node integration), served from a privileged
 * app:// scheme with a strict CSP; navigation and new windows are blocked; every IPC call is checked.
 */
import { app, BrowserWindow, ipcMain, protocol, safeStorage, shell } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { eventNames } from '../shared/contract.js';
import { createCore } from './core/core.js';
import { contentSecurityPolicy } from './hosts/csp.js';
import { IPC_EVENT, IPC_INVOKE } from './hosts/ipc-channels.js';
import { APP_ORIGIN, createIpcGate } from './hosts/ipc-gate.js';
import { createFileAuditLog } from './platform/audit-log-file.js';
import { auditPath, dataDirFromEnv } from './platform/data-dir.js';
import { createNodePorts } from './platform/node-ports.js';
import { createEncryptedSecretStore, type StringCipher } from './platform/secrets-encrypted.js';
import { withEnvironment } from './platform/secrets-env.js';
import { trackSecrets } from './platform/secrets-known.js';
import { tolerantJson, versionedStore } from './platform/settings.js';
import { readStatic } from './hosts/static-files.js';
import { createLogger } from './platform/logger.js';
import type { SettingsStore } from './platform/ports.js';
import type { SecretStore } from './platform/secrets.js';

const here = import.meta.dirname;
const rendererDir = join(here, '..', 'renderer');

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }]);

/** Settings in the user-data folder (or CAMERA_FINDER_DATA_DIR), owner-only, upgraded by the shared migrations. */
function settingsStore(dir: string): SettingsStore {
  const json = tolerantJson();
  const store = new Store<Record<string, unknown>>({ name: 'settings', cwd: dir, configFileMode: 0o600, deserialize: json.deserialize });
  json.setAside(store.path);
  return versionedStore(store);
}

/**
 * Electron's safeStorage as the secret store's cipher. On Linux without a keyring Electron falls back to
 * `basic_text` (a hard-coded key): that is obfuscation, not encryption, so it counts as unavailable and secrets
 * stay in memory with the warning on screen.
 */
const safeStorageCipher: StringCipher = {
  available: async () =>
    (await safeStorage.isAsyncEncryptionAvailable()) &&
    !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
  encrypt: (text) => safeStorage.encryptStringAsync(text),
  decrypt: async (data) => (await safeStorage.decryptStringAsync(data)).result,
};

/** Secrets as base64 ciphertext under `secrets` in the settings file; environment variables win on read. */
async function secretStore(settings: SettingsStore) {
  const encrypted: SecretStore = await createEncryptedSecretStore(safeStorageCipher, {
    read: () => settings.get<Record<string, string>>('secrets') ?? {},
    write: (all) => settings.set('secrets', all),
  });
  return trackSecrets(withEnvironment(encrypted, process.env));
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
  const dataDir = dataDirFromEnv() ?? app.getPath('userData');
  const settings = settingsStore(dataDir);
  const secrets = await secretStore(settings);
  if (secrets.store.warning) log.warn(secrets.store.warning);
  const audit = createFileAuditLog({ path: auditPath(dataDir), knownSecrets: secrets.known });
  const core = createCore(createNodePorts(log, settings, secrets.store, audit), {
    allowedInterfaces: interfaces.length ? interfaces : undefined,
    env: process.env,
    via: 'ui',
    // The onboarding ledger (issue #11) sits in the data folder, so a job resumes after a restart.
    onboarding: { dataDir },
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

/**
 * The one set of fake command handlers for tests of the front doors (dispatch, IPC gate, WebSocket server,
 * CLI). Built from the contract's command names, so a new command gets a fake here by adding one answer to
 * `defaultAnswers`; forgetting it is a compile error, not a silently missing handler.
 */
import { vi } from 'vitest';
import { commandHandlers, type CommandName, type CommandResult, type Handlers } from '../../shared/contract.js';
import { ok } from '../../shared/result.js';
import type { Core } from '../../electron/core/core.js';
import { EventHub } from '../../electron/core/events.js';

const idleJob: CommandResult<'onboard.status'>['job'] & object = {
  jobId: 'job-1',
  mode: 'provision',
  ledgerPath: null,
  progress: { total: 0, done: 0, failed: 0, running: 0, waiting: 0, pending: 0, ratePerMinute: 0, etaMs: null, state: 'finished' },
  cameras: [],
};

/** What each fake answers unless a test replaces it: an idle core with nothing found. */
export const defaultAnswers: { [K in CommandName]: CommandResult<K> } = {
  'scan.start': { scanId: 'scan-1' },
  'scan.stop': { stopped: false },
  'scan.status': { running: false, last: null },
  'devices.list': { devices: [] },
  'interfaces.list': { interfaces: [] },
  'cloud.settings.get': {
    apiUrl: '',
    provisioningUrl: 'https://camera.vxg.io/v1/token',
    provisioningUser: '',
    idFormat: 'mac-plain',
    licenseKeySet: false,
    provisioningPasswordSet: false,
    secrets: { persistent: false, warning: null },
    fromEnvironment: [],
  },
  'cloud.settings.set': {
    apiUrl: '',
    provisioningUrl: 'https://camera.vxg.io/v1/token',
    provisioningUser: '',
    idFormat: 'mac-plain',
    licenseKeySet: false,
    provisioningPasswordSet: false,
    secrets: { persistent: false, warning: null },
    fromEnvironment: [],
  },
  'cloud.test': { api: { ok: false, message: 'Not configured.' }, provisioning: { ok: false, message: 'Not configured.' } },
  'cloud.register': { results: [] },
  'audit.list': { entries: [], path: null },
  'credentials.list': { sets: [], persistent: false, warning: null },
  'credentials.save': { sets: [], persistent: false, warning: null },
  'credentials.remove': { sets: [], persistent: false, warning: null },
  'identify.run': { results: [] },
  'token.write': { results: [] },
  'cloud.move': { deviceId: 'd1', ok: false, register: null, write: null, previousRecordDeleted: null, steps: [], message: '' },
  'onboard.preview': { problems: [], matched: [], rowsWithoutCamera: [], camerasWithoutRow: [] },
  'onboard.start': idleJob,
  'onboard.pause': idleJob,
  'onboard.resume': idleJob,
  'onboard.cancel': idleJob,
  'onboard.status': { job: null, resumable: false },
  'onboard.report': { csv: '', fileName: 'onboarding-report.csv' },
};

/** One `vi.fn` per command, answering `defaultAnswers` (or `answers`, for the commands it names). */
export function fakeHandlers(answers: Partial<typeof defaultAnswers> = {}): Handlers {
  const answer = <K extends CommandName>(name: K): CommandResult<K> => answers[name] ?? defaultAnswers[name];
  return commandHandlers((name) => vi.fn(async () => ok(answer(name))));
}

/** A Core made of fake handlers and a real EventHub, so tests can emit events as the core would. */
export function fakeCore(answers: Partial<typeof defaultAnswers> = {}): { core: Core; hub: EventHub } {
  const hub = new EventHub();
  const core: Core = {
    ...fakeHandlers(answers),
    on: (event, listener) => hub.on(event, listener),
    start: vi.fn(async () => {}),
    close: vi.fn(async () => {}),
  };
  return { core, hub };
}

import type { CommandArgs, MoveResult } from '../../../shared/contract.js';

export type MoveMethod = 'write-token' | 'clear-token';
export type MoveArgs = CommandArgs<'cloud.move'>;
type StepName = MoveResult['steps'][number]['step'];

/** What the technician typed; secrets are read from the inputs at submit and never stored in React state. */
export type MoveForm = {
  password: string;
  method: MoveMethod;
  deleteOld: boolean;
  previous: { provisioningUrl: string; provisioningUser: string; provisioningPassword: string; apiUrl: string; licenseKey: string };
};

export const MOVE_STEP_LABELS: Record<StepName, string> = {
  'delete-old-record': 'Delete the old provisioning record',
  'delete-old-channel': 'Delete the old channel',
  register: 'Register in the new account',
  'write-token': 'Write the new token',
  'clear-token': 'Clear the camera’s token',
};

export type PlannedStep = { step: StepName; sentence: string; runs: boolean };

/** The steps the move takes, in order, each explained before it runs (skipped ones say why). */
export function movePlan(method: MoveMethod, deleteOld: boolean): PlannedStep[] {
  return [
    {
      step: 'delete-old-record',
      runs: deleteOld,
      sentence: deleteOld
        ? 'Delete the camera’s provisioning record in the old account, logging in with the old account’s provisioning credentials you enter below (so the camera can no longer fetch the old token).'
        : 'Skipped: the old account’s provisioning record stays until you delete it there (tick the box below to have it deleted now).',
    },
    {
      step: 'register',
      runs: true,
      sentence:
        'Register the camera in the account set on the Cloud screen: find or create its channel and write a provisioning record with the sticker password.',
    },
    method === 'write-token'
      ? {
          step: 'write-token',
          runs: true,
          sentence:
            'Write the new channel’s token onto the camera, read it back and restart its cloud agent; the camera goes online in the new account without polling.',
        }
      : {
          step: 'clear-token',
          runs: true,
          sentence:
            'Clear the camera’s token so it asks the provisioning service again (every minute for 5 minutes, then hourly) and fetches the new account’s token by itself.',
        },
    {
      step: 'delete-old-channel',
      runs: deleteOld,
      sentence: deleteOld
        ? 'Last, delete the camera’s old channel in the old account when you also give that account’s API URL and license key.'
        : 'Skipped: the old channel is left alone.',
    },
  ];
}

const MAX = { url: 512, user: 256, secret: 1024, password: 256 } as const;

/**
 * The `cloud.move` arguments or a sentence saying what to fix. Sticker passwords are sent exactly as typed; URLs
 * and the user name are trimmed. Old-account fields are sent only when the box to delete the old record is ticked.
 */
export function moveArgs(deviceId: string, form: MoveForm): { args: MoveArgs } | { problem: string } {
  if (form.password.length === 0) return { problem: 'Enter the password printed on the camera’s sticker.' };
  if (form.password.length > MAX.password) return { problem: `The sticker password is longer than ${MAX.password} characters.` };
  const args: MoveArgs = { deviceId, password: form.password, method: form.method };
  if (!form.deleteOld) return { args };
  const p = form.previous;
  const previous: NonNullable<MoveArgs['previous']> = {};
  const url = p.provisioningUrl.trim();
  const user = p.provisioningUser.trim();
  const api = p.apiUrl.trim();
  if (url.length > MAX.url || api.length > MAX.url) return { problem: `A URL is longer than ${MAX.url} characters.` };
  if (user.length > MAX.user) return { problem: `The old provisioning user is longer than ${MAX.user} characters.` };
  if (p.provisioningPassword.length > MAX.secret || p.licenseKey.length > MAX.secret)
    return { problem: `A password or license key is longer than ${MAX.secret} characters.` };
  if (user.length === 0 || p.provisioningPassword.length === 0)
    return { problem: 'To delete the old record, enter the old account’s provisioning user and password (or untick the box).' };
  if ((api.length === 0) !== (p.licenseKey.length === 0))
    return { problem: 'To delete the old channel, enter both the old API URL and the old license key (or leave both empty).' };
  if (url) previous.provisioningUrl = url;
  previous.provisioningUser = user;
  previous.provisioningPassword = p.provisioningPassword;
  if (api) {
    previous.apiUrl = api;
    previous.licenseKey = p.licenseKey;
  }
  return { args: { ...args, previous } };
}

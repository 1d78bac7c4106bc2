import type { z } from 'zod';
import type { CloudSettings, cloudSettingsPatchSchema } from '../../../shared/contract.js';
import type { CameraIdFormat } from '../../../shared/camera-id.js';

export type SettingsPatch = z.input<typeof cloudSettingsPatchSchema>;

export const DEFAULT_PROVISIONING_URL = 'https://camera.vxg.io/v1/token';

/**
 * What the technician is editing. Secrets start empty and are only ever typed: the core never sends them
 * back, and they are cleared as soon as a save succeeds.
 */
export type SettingsDraft = {
  apiUrl: string;
  provisioningUrl: string;
  provisioningUser: string;
  idFormat: CameraIdFormat;
  licenseKey: string;
  provisioningPassword: string;
  /** The site's VXG gateway (optional in the contract: an older core sends none, read as ''). */
  gatewayUrl: string;
  gatewayUser: string;
  gatewayPassword: string;
};

export const draftFrom = (settings: CloudSettings): SettingsDraft => ({
  apiUrl: settings.apiUrl,
  provisioningUrl: settings.provisioningUrl,
  provisioningUser: settings.provisioningUser,
  idFormat: settings.idFormat,
  licenseKey: '',
  provisioningPassword: '',
  gatewayUrl: settings.gatewayUrl ?? '',
  gatewayUser: settings.gatewayUser ?? '',
  gatewayPassword: '',
});

/** After a save: the fields show what the core now holds, the secret inputs are empty again. */
export const afterSave = (saved: CloudSettings): SettingsDraft => draftFrom(saved);

/** Only what changed goes to the core; an empty secret input means "keep what is stored". */
export function settingsPatch(saved: CloudSettings, draft: SettingsDraft): SettingsPatch {
  const patch: SettingsPatch = {};
  const apiUrl = draft.apiUrl.trim();
  const provisioningUrl = draft.provisioningUrl.trim();
  const provisioningUser = draft.provisioningUser.trim();
  if (apiUrl !== saved.apiUrl) patch.apiUrl = apiUrl;
  if (provisioningUrl !== saved.provisioningUrl) patch.provisioningUrl = provisioningUrl;
  if (provisioningUser !== saved.provisioningUser) patch.provisioningUser = provisioningUser;
  if (draft.idFormat !== saved.idFormat) patch.idFormat = draft.idFormat;
  if (draft.licenseKey !== '') patch.licenseKey = draft.licenseKey;
  if (draft.provisioningPassword !== '') patch.provisioningPassword = draft.provisioningPassword;
  const gatewayUrl = draft.gatewayUrl.trim();
  const gatewayUser = draft.gatewayUser.trim();
  if (gatewayUrl !== (saved.gatewayUrl ?? '')) patch.gatewayUrl = gatewayUrl;
  if (gatewayUser !== (saved.gatewayUser ?? '')) patch.gatewayUser = gatewayUser;
  if (draft.gatewayPassword !== '') patch.gatewayPassword = draft.gatewayPassword;
  return patch;
}

export const isDirty = (saved: CloudSettings, draft: SettingsDraft): boolean => Object.keys(settingsPatch(saved, draft)).length > 0;

/** A URL field's problem as a sentence, or null: the core validates too, this catches typos before saving. */
export function urlProblem(label: string, value: string, required: boolean): string | null {
  const text = value.trim();
  if (text === '') return required ? `Enter the ${label}.` : null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `The ${label} is not a URL; it starts with https://`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `The ${label} must start with https:// (or http:// for a test server).`;
  if (url.username || url.password) return `Leave credentials out of the ${label}; they have their own fields.`;
  return null;
}

/** Which environment variable overrides a field (names as the core reports them in `fromEnvironment`). */
const ENVIRONMENT: Record<string, string> = {
  apiUrl: 'CAMERA_FINDER_CLOUD_API_URL',
  licenseKey: 'CAMERA_FINDER_LICENSE_KEY',
  licenseKeySet: 'CAMERA_FINDER_LICENSE_KEY',
  provisioningUrl: 'CAMERA_FINDER_PROVISIONING_URL',
  provisioningUser: 'CAMERA_FINDER_PROVISIONING_USER',
  provisioningPassword: 'CAMERA_FINDER_PROVISIONING_PASSWORD',
  provisioningPasswordSet: 'CAMERA_FINDER_PROVISIONING_PASSWORD',
  gatewayUrl: 'CAMERA_FINDER_GATEWAY_URL',
  gatewayUser: 'CAMERA_FINDER_GATEWAY_USER',
  gatewayPassword: 'CAMERA_FINDER_GATEWAY_PASSWORD',
  gatewayPasswordSet: 'CAMERA_FINDER_GATEWAY_PASSWORD',
};

/** The variable that overrides `field`, or null when the stored value applies. */
export function environmentVariable(settings: CloudSettings, field: keyof SettingsDraft): string | null {
  const aliases = [field, `${field}Set`];
  const hit = settings.fromEnvironment.find((name) => aliases.includes(name));
  return hit === undefined ? null : (ENVIRONMENT[hit] ?? hit);
}

export const ID_FORMAT_LABELS: Record<CameraIdFormat, string> = {
  'mac-plain': 'MAC as AABBCCDDEEFF',
  'mac-colon': 'MAC as AA:BB:CC:DD:EE:FF',
  serial: 'Serial number',
};

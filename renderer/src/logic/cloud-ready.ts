import type { CloudSettings } from '../../../shared/contract.js';

export type CloudSettingsLoad = { settings: CloudSettings | null; error: string | null };

/**
 * Why "Register with VXG Cloud…" cannot be used yet, as a sentence; null when it can. The core checks again
 * (this only spares the technician typing passwords into a dialog that is bound to fail).
 */
export function registerBlocker(load: CloudSettingsLoad): string | null {
  if (!load.settings) {
    return load.error ? `Cloud settings could not be loaded: ${load.error}` : 'Loading the cloud settings…';
  }
  const missing: string[] = [];
  if (load.settings.apiUrl.trim() === '') missing.push('the admin API URL');
  if (!load.settings.licenseKeySet) missing.push('the license key');
  if (missing.length === 0) return null;
  return `Enter ${missing.join(' and ')} on the Cloud screen first.`;
}

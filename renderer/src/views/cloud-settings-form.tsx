import { useState } from 'react';
import type { CloudSettings } from '../../../shared/contract.js';
import { cameraIdFormats, type CameraIdFormat } from '../../../shared/camera-id.js';
import type { Result } from '../../../shared/result.js';
import {
  afterSave,
  DEFAULT_PROVISIONING_URL,
  draftFrom,
  environmentVariable,
  ID_FORMAT_LABELS,
  isDirty,
  settingsPatch,
  urlProblem,
  type SettingsDraft,
  type SettingsPatch,
} from '../logic/settings-form.js';
import { SecretField } from './secret-field.js';
import { TextField } from './text-field.js';

type Props = { settings: CloudSettings; save: (patch: SettingsPatch) => Promise<Result<CloudSettings>> };

/** The account settings. Secret inputs are emptied as soon as the core confirms the save. */
export function CloudSettingsForm({ settings, save }: Props) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(settings));
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const edit = (patch: Partial<SettingsDraft>) => setDraft((prev) => ({ ...prev, ...patch }));
  const env = (field: keyof SettingsDraft) => environmentVariable(settings, field);

  const apiProblem = urlProblem('admin API URL', draft.apiUrl, false);
  const provisioningProblem = urlProblem('provisioning URL', draft.provisioningUrl, false);
  const gatewayProblem = urlProblem('gateway URL', draft.gatewayUrl, false);

  const send = async (patch: SettingsPatch, done: string) => {
    setBusy(true);
    setStatus(null);
    const result = await save(patch);
    setBusy(false);
    if (!result.ok) return setStatus({ ok: false, text: result.message });
    // Secrets leave the page here: the inputs go back to empty, the fields show what the core holds now.
    setDraft((prev) => ({ ...afterSave(result.value), ...keepUnsent(prev, patch) }));
    setStatus({ ok: true, text: done });
  };

  return (
    <form
      className="form-section settings-form"
      aria-label="Cloud account"
      onSubmit={(event) => {
        event.preventDefault();
        if (apiProblem || provisioningProblem || gatewayProblem) return;
        void send(settingsPatch(settings, draft), 'Saved.');
      }}
    >
      {(settings.secrets.warning || !settings.secrets.persistent) && (
        <div className={settings.secrets.persistent ? 'notice' : 'notice notice-warn'} role="alert" data-testid="secrets-warning">
          {!settings.secrets.persistent && <strong>Secrets are not saved on this computer. </strong>}
          {settings.secrets.warning ?? 'They are kept in memory only and must be entered again after Camera Finder restarts.'}
        </div>
      )}
      <h3>VXG admin API</h3>
      <TextField
        label="Admin API URL"
        value={draft.apiUrl}
        onChange={(apiUrl) => edit({ apiUrl })}
        placeholder="https://web.skyvr.videoexpertsgroup.com"
        problem={apiProblem}
        environment={env('apiUrl')}
        testId="cloud-api-url"
      />
      <SecretField
        label="License key"
        isSet={settings.licenseKeySet}
        value={draft.licenseKey}
        onChange={(licenseKey) => edit({ licenseKey })}
        onRemove={() => void send({ licenseKey: null }, 'License key removed.')}
        busy={busy}
        environment={env('licenseKey')}
        testId="cloud-license-key"
      />
      <h3>Provisioning service</h3>
      <TextField
        label="Provisioning URL"
        value={draft.provisioningUrl}
        onChange={(provisioningUrl) => edit({ provisioningUrl })}
        placeholder={DEFAULT_PROVISIONING_URL}
        problem={provisioningProblem}
        environment={env('provisioningUrl')}
        testId="cloud-provisioning-url"
      />
      <TextField
        label="Provisioning user"
        value={draft.provisioningUser}
        onChange={(provisioningUser) => edit({ provisioningUser })}
        problem={null}
        environment={env('provisioningUser')}
        testId="cloud-provisioning-user"
      />
      <SecretField
        label="Provisioning password"
        isSet={settings.provisioningPasswordSet}
        value={draft.provisioningPassword}
        onChange={(provisioningPassword) => edit({ provisioningPassword })}
        onRemove={() => void send({ provisioningPassword: null }, 'Provisioning password removed.')}
        busy={busy}
        environment={env('provisioningPassword')}
        testId="cloud-provisioning-password"
      />
      <div className="field">
        <label htmlFor="cloud-id-format">Camera ID format</label>
        <select
          id="cloud-id-format"
          value={draft.idFormat}
          onChange={(event) => edit({ idFormat: event.target.value as CameraIdFormat })}
          data-testid="cloud-id-format"
        >
          {cameraIdFormats.map((format) => (
            <option key={format} value={format}>
              {ID_FORMAT_LABELS[format]}
            </option>
          ))}
        </select>
        <p className="field-note muted">The ID the provisioning service and the channel know each camera by.</p>
      </div>
      <h3>VXG gateway on site (optional)</h3>
      <p className="field-note muted">
        Token writes go through this gateway for cameras the VXG Cloud Agent writer cannot reach (other brands, no agent).
      </p>
      <TextField
        label="Gateway URL"
        value={draft.gatewayUrl}
        onChange={(gatewayUrl) => edit({ gatewayUrl })}
        placeholder="http://192.168.1.2:8000"
        problem={gatewayProblem}
        environment={env('gatewayUrl')}
        testId="cloud-gateway-url"
      />
      <TextField
        label="Gateway user"
        value={draft.gatewayUser}
        onChange={(gatewayUser) => edit({ gatewayUser })}
        problem={null}
        environment={env('gatewayUser')}
        testId="cloud-gateway-user"
      />
      <SecretField
        label="Gateway password"
        isSet={settings.gatewayPasswordSet ?? false}
        value={draft.gatewayPassword}
        onChange={(gatewayPassword) => edit({ gatewayPassword })}
        onRemove={() => void send({ gatewayPassword: null }, 'Gateway password removed.')}
        busy={busy}
        environment={env('gatewayPassword')}
        testId="cloud-gateway-password"
      />
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={busy || !isDirty(settings, draft)} data-testid="cloud-save">
          {busy ? 'Saving…' : 'Save'}
        </button>
        {status && (
          <span role="status" className={status.ok ? 'muted' : 'error-text'} data-testid="cloud-save-status">
            {status.text}
          </span>
        )}
      </div>
    </form>
  );
}

/** A Remove click saves one secret only: edits to other fields that were not sent stay in the form. */
function keepUnsent(prev: SettingsDraft, patch: SettingsPatch): Partial<SettingsDraft> {
  const kept: Partial<SettingsDraft> = {};
  if (!('apiUrl' in patch)) kept.apiUrl = prev.apiUrl;
  if (!('provisioningUrl' in patch)) kept.provisioningUrl = prev.provisioningUrl;
  if (!('provisioningUser' in patch)) kept.provisioningUser = prev.provisioningUser;
  if (!('idFormat' in patch)) kept.idFormat = prev.idFormat;
  if (!('licenseKey' in patch)) kept.licenseKey = prev.licenseKey;
  if (!('provisioningPassword' in patch)) kept.provisioningPassword = prev.provisioningPassword;
  if (!('gatewayUrl' in patch)) kept.gatewayUrl = prev.gatewayUrl;
  if (!('gatewayUser' in patch)) kept.gatewayUser = prev.gatewayUser;
  if (!('gatewayPassword' in patch)) kept.gatewayPassword = prev.gatewayPassword;
  return kept;
}

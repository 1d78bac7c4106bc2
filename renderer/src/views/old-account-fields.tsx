import type { RefObject } from 'react';

export type OldAccountText = { provisioningUrl: string; provisioningUser: string; apiUrl: string };

type Props = {
  shown: boolean;
  text: OldAccountText;
  onText: (text: OldAccountText) => void;
  /** Secrets are uncontrolled inputs: the dialog reads them once at submit and empties them. */
  password: RefObject<HTMLInputElement | null>;
  licenseKey: RefObject<HTMLInputElement | null>;
};

/** The old account's credentials, used once to delete its provisioning record (and channel, with the API and key). */
export function OldAccountFields({ shown, text, onText, password, licenseKey }: Props) {
  const field = (key: keyof OldAccountText, label: string, placeholder?: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={text[key]}
        placeholder={placeholder}
        onChange={(event) => onText({ ...text, [key]: event.target.value })}
        data-testid={`move-old-${key}`}
      />
    </label>
  );
  return (
    <div className="old-account" hidden={!shown} data-testid="move-old-account">
      {field('provisioningUrl', 'Old provisioning URL', 'https://camera.vxg.io/v1/token when empty')}
      {field('provisioningUser', 'Old provisioning user')}
      <label className="field">
        <span>Old provisioning password</span>
        <input ref={password} type="password" autoComplete="off" data-testid="move-old-provisioningPassword" />
      </label>
      {field('apiUrl', 'Old admin API URL (optional, to delete the old channel)')}
      <label className="field">
        <span>Old license key (optional, with the API URL)</span>
        <input ref={licenseKey} type="password" autoComplete="off" data-testid="move-old-licenseKey" />
      </label>
    </div>
  );
}

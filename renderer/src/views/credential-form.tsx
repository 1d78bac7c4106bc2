import { useState } from 'react';
import { credentialScopes } from '../../../shared/contract.js';
import type { Result } from '../../../shared/result.js';
import {
  draftProblem,
  emptyDraft,
  replacesSet,
  saveArgs,
  SCOPE_LABELS,
  type CredentialDraft,
  type CredentialScope,
  type SaveArgs,
} from '../logic/credential-form.js';
import type { CredentialList } from '../logic/credential-list.js';
import { TextField } from './text-field.js';

type Props = { taken: string[]; save: (args: SaveArgs) => Promise<Result<CredentialList>> };

const MATCH_LABELS: Record<Exclude<CredentialScope, 'site'>, { label: string; placeholder: string }> = {
  vendor: { label: 'Vendor', placeholder: 'AXIS, Hikvision, Bosch…' },
  camera: { label: 'Camera MAC', placeholder: '00:40:8c:12:34:56' },
};

/** Adds one set. The whole form (password included) is emptied as soon as the core confirms the save. */
export function CredentialForm({ taken, save }: Props) {
  const [draft, setDraft] = useState<CredentialDraft>(emptyDraft);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const edit = (patch: Partial<CredentialDraft>) => setDraft((prev) => ({ ...prev, ...patch }));
  const problem = draftProblem(draft);

  const submit = async () => {
    setTried(true);
    if (problem) return;
    setBusy(true);
    setStatus(null);
    const args = saveArgs(draft);
    const result = await save(args);
    setBusy(false);
    if (!result.ok) return setStatus({ ok: false, text: result.message });
    // The password leaves the page here: a fresh, empty form.
    setDraft(emptyDraft());
    setTried(false);
    setStatus({ ok: true, text: `Saved "${args.name}".` });
  };

  const match = draft.scope === 'site' ? null : MATCH_LABELS[draft.scope];
  return (
    <form
      className="form-section credential-form"
      aria-label="Add a credential set"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3>Add a set</h3>
      <TextField
        label="Name"
        value={draft.name}
        onChange={(name) => edit({ name })}
        problem={null}
        environment={null}
        testId="credential-new-name"
      />
      {replacesSet(draft, taken) && (
        <p className="field-note hint-text" data-testid="credential-replaces">
          A set with this name exists; saving replaces its user name and password.
        </p>
      )}
      <div className="field">
        <label htmlFor="credential-new-scope">Applies to</label>
        <select
          id="credential-new-scope"
          value={draft.scope}
          onChange={(event) => edit({ scope: event.target.value as CredentialScope })}
          data-testid="credential-new-scope"
        >
          {credentialScopes.map((scope) => (
            <option key={scope} value={scope}>
              {SCOPE_LABELS[scope]}
            </option>
          ))}
        </select>
      </div>
      {match && (
        <TextField
          label={match.label}
          value={draft.match}
          onChange={(value) => edit({ match: value })}
          placeholder={match.placeholder}
          problem={null}
          environment={null}
          testId="credential-new-match"
        />
      )}
      <TextField
        label="User name"
        value={draft.username}
        onChange={(username) => edit({ username })}
        problem={null}
        environment={null}
        testId="credential-new-username"
      />
      <div className="field">
        <label htmlFor="credential-new-password">Password</label>
        <input
          id="credential-new-password"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={draft.password}
          onChange={(event) => edit({ password: event.target.value })}
          data-testid="credential-new-password"
        />
      </div>
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={busy} data-testid="credential-save">
          {busy ? 'Saving…' : 'Save set'}
        </button>
        {tried && problem && (
          <span role="status" className="error-text" data-testid="credential-problem">
            {problem}
          </span>
        )}
        {status && (
          <span role="status" className={status.ok ? 'muted' : 'error-text'} data-testid="credential-save-status">
            {status.text}
          </span>
        )}
      </div>
    </form>
  );
}

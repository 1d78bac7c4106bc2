import { useState } from 'react';
import type { CredentialSetInfo } from '../../../shared/contract.js';
import type { Result } from '../../../shared/result.js';
import { appliesTo, type CredentialList as List } from '../logic/credential-list.js';

type Props = { sets: CredentialSetInfo[]; remove: (name: string) => Promise<Result<List>> };

/** The saved sets in the core's order, each with Remove; names and matches are shown as text only. */
export function CredentialList({ sets, remove }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const onRemove = async (name: string) => {
    setBusy(name);
    setProblem(null);
    const result = await remove(name);
    setBusy(null);
    if (!result.ok) setProblem(`"${name}" was not removed: ${result.message}`);
  };

  return (
    <section className="form-section" aria-label="Saved credential sets">
      <h3>Saved sets</h3>
      {sets.length === 0 ? (
        <p className="muted" data-testid="credentials-empty">
          No set yet. Add the site's usual camera login below; Identify needs at least one.
        </p>
      ) : (
        <ol className="plain-list credential-list" data-testid="credential-list">
          {sets.map((set) => (
            <li key={set.name} className="credential-set" data-testid="credential-set" data-name={set.name} data-scope={set.scope}>
              <span className="credential-name" data-testid="credential-name">
                {set.name}
              </span>{' '}
              <span className="badge" data-testid="credential-scope">
                {set.scope}
              </span>{' '}
              <span className="muted mono small" data-testid="credential-match">
                {appliesTo(set)}
              </span>{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => void onRemove(set.name)}
                disabled={busy !== null}
                aria-label={`Remove ${set.name}`}
                data-testid="credential-remove"
              >
                {busy === set.name ? 'Removing…' : 'Remove'}
              </button>
            </li>
          ))}
        </ol>
      )}
      {problem && (
        <p className="error-text" role="alert" data-testid="credential-remove-error">
          {problem}
        </p>
      )}
    </section>
  );
}

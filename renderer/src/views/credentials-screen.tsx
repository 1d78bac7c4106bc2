import type { CredentialsHook } from '../hooks/use-credentials.js';
import { storageWarning } from '../logic/credential-list.js';
import { CredentialForm } from './credential-form.js';
import { CredentialList } from './credential-list.js';

/**
 * Named credential sets for Identify: listed in the order the core tries them, added here, removed here.
 * Passwords are write-only: the core sends back names, scope and match only.
 */
export function CredentialsScreen({ credentials }: { credentials: CredentialsHook }) {
  const { list, error } = credentials;
  const warning = list ? storageWarning(list) : null;
  return (
    <main className="screen" aria-label="Camera credentials" data-testid="credentials-screen">
      <h2>Camera credentials</h2>
      <p className="muted screen-intro">
        Sets of user name and password that Identify tries on each camera: the camera's own set first, then its vendor's, then the site
        default. Passwords are write-only: once saved, this page shows only the set's name.
      </p>
      {warning && (
        <div className={warning.loud ? 'notice notice-warn' : 'notice'} role="alert" data-testid="credentials-warning">
          {warning.loud && <strong>Passwords are kept only until the app closes. </strong>}
          {warning.text}
        </div>
      )}
      {list ? (
        <>
          <CredentialList sets={list.sets} remove={credentials.remove} />
          <CredentialForm taken={list.sets.map((set) => set.name)} save={credentials.save} />
        </>
      ) : error ? (
        <div className="notice notice-error" role="alert" data-testid="credentials-load-error">
          <p>The credential sets could not be read: {error}</p>
          <button type="button" onClick={credentials.reload}>
            Try again
          </button>
        </div>
      ) : (
        <p className="muted">Loading the credential sets…</p>
      )}
    </main>
  );
}

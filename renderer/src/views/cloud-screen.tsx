import type { Api } from '../../../shared/contract.js';
import type { CloudSettingsHook } from '../hooks/use-cloud-settings.js';
import { CloudSettingsForm } from './cloud-settings-form.js';
import { ConnectionTest } from './connection-test.js';

/** VXG Cloud account settings and the connection test; the core's sentence when the settings cannot be read. */
export function CloudScreen({ api, cloud }: { api: Api; cloud: CloudSettingsHook }) {
  return (
    <main className="screen" aria-label="Cloud settings" data-testid="cloud-screen">
      <h2>VXG Cloud</h2>
      <p className="muted screen-intro">
        The account Camera Finder registers cameras in. Secrets are write-only: once saved, this page only shows whether one is set.
      </p>
      {cloud.settings ? (
        <>
          <CloudSettingsForm settings={cloud.settings} save={cloud.save} />
          <ConnectionTest api={api} />
        </>
      ) : cloud.error ? (
        <div className="notice notice-error" role="alert" data-testid="cloud-load-error">
          <p>The cloud settings could not be read: {cloud.error}</p>
          <button type="button" onClick={cloud.reload}>
            Try again
          </button>
        </div>
      ) : (
        <p className="muted">Loading the cloud settings…</p>
      )}
    </main>
  );
}

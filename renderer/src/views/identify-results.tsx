import type { Device } from '../../../shared/device.js';
import { describeIdentify, summariseIdentify, type IdentifyRun } from '../logic/identify-outcome.js';

type Props = { run: IdentifyRun; devices: ReadonlyMap<string, Device>; onClose: () => void };

/** Per camera: authenticated with set X / refused / locked / unreachable, with the core's sentence (text only). */
export function IdentifyResults({ run, devices, onClose }: Props) {
  return (
    <section className="identify-results notice" aria-label="Identify results" data-testid="identify-results">
      <header className="identify-results-header">
        {'error' in run ? (
          <p className="error-text" role="alert" data-testid="identify-error">
            Identify did not run: {run.error}
          </p>
        ) : (
          <p role="status" data-testid="identify-summary">
            {summariseIdentify(run.results)}
          </p>
        )}
        <button type="button" className="link-button" onClick={onClose} data-testid="identify-close">
          Dismiss
        </button>
      </header>
      {'results' in run && (
        <ul className="plain-list result-list">
          {run.results.map((result, index) => {
            const outcome = describeIdentify(result);
            const device = devices.get(result.deviceId);
            return (
              <li key={index} className={`result tone-${outcome.tone}`} data-testid="identify-result" data-status={result.status}>
                <span className="mono">{device?.mac ?? device?.ip ?? result.deviceId}</span>
                {device?.ip && device.mac && <span className="mono muted"> ({device.ip})</span>}{' '}
                <span className={`badge badge-cloud tone-${outcome.tone}`} data-testid="identify-result-label">
                  {outcome.label}
                </span>
                <p className="result-sentence">{outcome.sentence}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

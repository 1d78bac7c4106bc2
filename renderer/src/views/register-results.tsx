import type { RegisterResult } from '../../../shared/contract.js';
import type { PlanRow } from '../logic/register-plan.js';
import { describeOutcome, summariseOutcomes } from '../logic/register-outcome.js';
import { TokenSummary } from './token-summary.js';

/** Per camera: registered / already registered / failed, in the core's sentences (cloud text stays text). */
export function RegisterResults({ rows, results }: { rows: PlanRow[]; results: RegisterResult[] }) {
  const macOf = new Map(rows.map((row) => [row.deviceId, row.mac]));
  return (
    <section aria-label="Registration results" data-testid="register-results">
      <p role="status" data-testid="register-summary">
        {summariseOutcomes(results)}
      </p>
      <ul className="plain-list result-list">
        {results.map((result, index) => {
          const outcome = describeOutcome(result);
          const mac = result.deviceId ? macOf.get(result.deviceId) : null;
          return (
            <li key={index} className={`result tone-${outcome.tone}`} data-testid="register-result" data-status={result.status}>
              <span className="mono">{result.cameraId}</span>
              {mac && <span className="mono muted"> ({mac})</span>}{' '}
              <span className={`badge badge-cloud tone-${outcome.tone}`}>{outcome.label}</span>
              {result.channelId !== null && <span className="muted small"> channel {result.channelId}</span>}
              {outcome.sentences.map((sentence, n) => (
                <p key={n} className="result-sentence">
                  {sentence}
                </p>
              ))}
              {result.token && <TokenSummary token={result.token} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

import type { TokenWriteResult } from '../../../shared/contract.js';
import { describeTokenOutcome, STEP_LABELS, summariseTokenOutcomes } from '../logic/token-outcome.js';

type Row = { deviceId: string; label: string };

/**
 * Per camera: the status, the step that failed, every step with ok/failed and the core's sentence. The sentences
 * may quote what a camera or the cloud answered (untrusted): they are React text, never HTML.
 */
export function TokenResults({ rows, results }: { rows: readonly Row[]; results: readonly TokenWriteResult[] }) {
  const labelOf = new Map(rows.map((row) => [row.deviceId, row.label]));
  return (
    <section aria-label="Token results" data-testid="token-results">
      <p role="status" data-testid="token-summary-line">
        {summariseTokenOutcomes(results)}
      </p>
      <ul className="plain-list result-list">
        {results.map((result, index) => {
          const outcome = describeTokenOutcome(result);
          return (
            <li
              key={index}
              className={`result tone-${outcome.tone}`}
              data-testid="token-result"
              data-status={result.status}
              data-ok={result.ok}
              data-failed-step={result.failedStep ?? ''}
            >
              <span className="mono">{labelOf.get(result.deviceId) ?? result.deviceId}</span>{' '}
              <span className={`badge badge-cloud tone-${outcome.tone}`} data-testid="token-result-label">
                {outcome.label}
              </span>
              {result.channelId !== null && (
                <span className="muted small" data-testid="token-result-channel">
                  {' '}
                  channel {result.channelId}
                </span>
              )}
              {result.writer && <span className="muted small"> · {result.writer}</span>}
              <p className="result-sentence" data-testid="token-result-message">
                {result.message}
              </p>
              <ol className="step-list">
                {result.steps.map((step, n) => (
                  <li
                    key={n}
                    className={`step step-${step.result}`}
                    data-testid="token-step"
                    data-step={step.step}
                    data-result={step.result}
                  >
                    <span className="step-mark" aria-hidden="true">
                      {step.result === 'ok' ? '✓' : step.result === 'failed' ? '✗' : '·'}
                    </span>{' '}
                    {/* An info line (e.g. "created channel 1001") is a note, not the step it is filed under. */}
                    {step.result !== 'info' && (
                      <>
                        <span className="step-name">{STEP_LABELS[step.step] ?? step.step}</span>
                        <span className="visually-hidden">: {step.result}</span> —{' '}
                      </>
                    )}
                    <span className="step-message">{step.message}</span>
                  </li>
                ))}
              </ol>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

import type { MoveResult } from '../../../shared/contract.js';
import { MOVE_STEP_LABELS } from '../logic/move-plan.js';
import { TokenResults } from './token-results.js';

/** Each step of the move with its result and the core's sentence (text, never HTML); the token write's own steps below. */
export function MoveResults({ result, label }: { result: MoveResult; label: string }) {
  const registered = result.register;
  return (
    <section aria-label="Move results" data-testid="move-results" data-ok={result.ok}>
      <p role="status" className={result.ok ? '' : 'error-text'} data-testid="move-message">
        {result.message}
      </p>
      <ol className="step-list">
        {result.steps.map((step, n) => (
          <li key={n} className={`step step-${step.result}`} data-testid="move-step" data-step={step.step} data-result={step.result}>
            <span className="step-mark" aria-hidden="true">
              {step.result === 'ok' ? '✓' : step.result === 'failed' ? '✗' : '–'}
            </span>{' '}
            <strong>{MOVE_STEP_LABELS[step.step] ?? step.step}</strong>
            <span className="visually-hidden">: {step.result}</span> — {step.message}
          </li>
        ))}
      </ol>
      {result.previousRecordDeleted !== null && (
        <p className="muted small" data-testid="move-old-record">
          {result.previousRecordDeleted ? 'The old provisioning record is gone.' : 'The old provisioning record is still there.'}
        </p>
      )}
      {registered && registered.channelId !== null && (
        <p className="muted small" data-testid="move-channel">
          New channel {registered.channelId}
        </p>
      )}
      {result.write && <TokenResults rows={[{ deviceId: result.write.deviceId, label }]} results={[result.write]} />}
    </section>
  );
}

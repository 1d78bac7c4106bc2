import { useState } from 'react';
import type { Api, CommandResult } from '../../../shared/contract.js';

type Checks = CommandResult<'cloud.test'>;

function CheckLine({ label, check, testId }: { label: string; check: Checks['api']; testId: string }) {
  return (
    <li className={check.ok ? 'check is-ok' : 'check is-failed'} data-testid={testId} data-ok={check.ok}>
      <span className="check-mark" aria-hidden="true">
        {check.ok ? '✓' : '✕'}
      </span>{' '}
      <strong>{label}:</strong> {check.message}
    </li>
  );
}

/** "Test connection": one sentence for the admin API and one for the provisioning service. Tests saved settings. */
export function ConnectionTest({ api }: { api: Api }) {
  const [busy, setBusy] = useState(false);
  const [checks, setChecks] = useState<Checks | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    const result = await api['cloud.test']({});
    setBusy(false);
    if (result.ok) setChecks(result.value);
    else {
      setChecks(null);
      setError(result.message);
    }
  };
  return (
    <section className="form-section" aria-label="Connection test">
      <h3>Connection test</h3>
      <p className="muted">Uses the saved settings: save first if you changed something.</p>
      <button type="button" onClick={() => void run()} disabled={busy} data-testid="cloud-test">
        {busy ? 'Testing…' : 'Test connection'}
      </button>
      {checks && (
        <ul className="plain-list check-list" role="status">
          <CheckLine label="Admin API" check={checks.api} testId="test-api" />
          <CheckLine label="Provisioning service" check={checks.provisioning} testId="test-provisioning" />
        </ul>
      )}
      {error && (
        <p className="error-text" role="alert" data-testid="test-error">
          {error}
        </p>
      )}
    </section>
  );
}

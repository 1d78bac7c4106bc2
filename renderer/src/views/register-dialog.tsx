import { useState } from 'react';
import type { RegisterResult } from '../../../shared/contract.js';
import type { Result } from '../../../shared/result.js';
import { plural } from '../logic/format.js';
import { registerArgs, type Passwords, type PlanRow, type RegisterCamera } from '../logic/register-plan.js';
import { RegisterPasswords } from './register-passwords.js';
import { RegisterResults } from './register-results.js';
import { CloseFooter, FormFooter } from './dialog-footer.js';

type Props = {
  rows: PlanRow[];
  register: (cameras: RegisterCamera[]) => Promise<Result<{ results: RegisterResult[] }>>;
  onResults: (results: RegisterResult[]) => void;
  onClose: () => void;
};

const NO_PASSWORDS: Passwords = { same: false, shared: '', perCamera: {} };

/**
 * Passwords in, per-camera results out. Passwords live only in this dialog's state and are dropped as soon
 * as the core answers (and with the dialog when it closes): nothing keeps them in the page afterwards.
 */
export function RegisterDialog({ rows, register, onResults, onClose }: Props) {
  const [passwords, setPasswords] = useState<Passwords>(NO_PASSWORDS);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [results, setResults] = useState<RegisterResult[] | null>(null);

  const submit = async () => {
    const args = registerArgs(rows, passwords);
    if ('problem' in args) return setProblem(args.problem);
    setProblem(null);
    setBusy(true);
    const answer = await register(args.cameras);
    setBusy(false);
    setPasswords((prev) => ({ ...NO_PASSWORDS, same: prev.same }));
    if (!answer.ok) return setProblem(answer.message);
    setResults(answer.value.results);
    onResults(answer.value.results);
  };

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="register-title"
        data-testid="register-dialog"
        onKeyDown={(event) => event.key === 'Escape' && !busy && onClose()}
      >
        <h2 id="register-title">Register {plural(rows.length, 'camera')} with VXG Cloud</h2>
        {results ? (
          <RegisterResults rows={rows} results={results} />
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <p className="muted">
              Enter the password printed on each camera’s sticker. Camera Finder creates or finds the camera’s channel and hands the
              provisioning service its ID, password and token; the camera then fetches the token by itself.
            </p>
            <RegisterPasswords rows={rows} passwords={passwords} disabled={busy} onChange={setPasswords} />
            <FormFooter id="register" problem={problem} busy={busy} submitLabel="Register" busyLabel="Registering…" onCancel={onClose} />
          </form>
        )}
        {results && <CloseFooter onClose={onClose} />}
      </div>
    </div>
  );
}

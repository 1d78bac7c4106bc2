import { useRef, useState } from 'react';
import type { MoveResult } from '../../../shared/contract.js';
import type { Result } from '../../../shared/result.js';
import { moveArgs, movePlan, type MoveArgs, type MoveMethod } from '../logic/move-plan.js';
import { MovePlanList } from './move-plan-list.js';
import { MoveResults } from './move-results.js';
import { OldAccountFields, type OldAccountText } from './old-account-fields.js';
import { CloseFooter, FormFooter } from './dialog-footer.js';

type Props = {
  deviceId: string;
  label: string;
  move: (args: MoveArgs) => Promise<Result<MoveResult>>;
  onClose: () => void;
};

const NO_OLD: OldAccountText = { provisioningUrl: '', provisioningUser: '', apiUrl: '' };

/**
 * Moving one camera to the account set on the Cloud screen. Every step is explained before it runs and reported
 * after. The sticker password and the old account's password and license key are password inputs read once at
 * submit, sent to the core once, and emptied: they are never held in React state.
 */
export function MoveDialog({ deviceId, label, move, onClose }: Props) {
  const [method, setMethod] = useState<MoveMethod>('write-token');
  const [deleteOld, setDeleteOld] = useState(false);
  const [old, setOld] = useState<OldAccountText>(NO_OLD);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<MoveResult | null>(null);
  const sticker = useRef<HTMLInputElement>(null);
  const oldPassword = useRef<HTMLInputElement>(null);
  const oldLicense = useRef<HTMLInputElement>(null);

  const submit = async () => {
    const planned = moveArgs(deviceId, {
      password: sticker.current?.value ?? '',
      method,
      deleteOld,
      previous: { ...old, provisioningPassword: oldPassword.current?.value ?? '', licenseKey: oldLicense.current?.value ?? '' },
    });
    if ('problem' in planned) return setProblem(planned.problem);
    for (const input of [sticker, oldPassword, oldLicense]) if (input.current) input.current.value = '';
    setProblem(null);
    setBusy(true);
    const answer = await move(planned.args);
    setBusy(false);
    if (!answer.ok) return setProblem(answer.message);
    setResult(answer.value);
  };

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="move-title"
        data-testid="move-dialog"
        onKeyDown={(event) => event.key === 'Escape' && !busy && onClose()}
      >
        <h2 id="move-title">Move {label} to the new account</h2>
        {result ? (
          <MoveResults result={result} label={label} />
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            {/* The form body scrolls, so the buttons stay on screen with the old account's fields open. */}
            <div className="dialog-scroll">
              <p className="muted">The new account is the one set on the Cloud screen. These steps run in order:</p>
              <MovePlanList steps={movePlan(method, deleteOld)} />
              <fieldset className="token-choice" disabled={busy}>
                <legend>After registering, the camera</legend>
                <label className="choice">
                  <input
                    type="radio"
                    name="move-method"
                    checked={method === 'write-token'}
                    onChange={() => setMethod('write-token')}
                    data-testid="move-method-write"
                  />
                  gets the new token written now (online within seconds)
                </label>
                <label className="choice">
                  <input
                    type="radio"
                    name="move-method"
                    checked={method === 'clear-token'}
                    onChange={() => setMethod('clear-token')}
                    data-testid="move-method-clear"
                  />
                  has its token cleared and fetches the new one by polling
                </label>
                <label className="field">
                  <span>Sticker password (for the new provisioning record)</span>
                  <input ref={sticker} type="password" autoComplete="off" data-testid="move-password" autoFocus />
                </label>
                <label className="toggle">
                  <input
                    type="checkbox"
                    checked={deleteOld}
                    onChange={(event) => setDeleteOld(event.target.checked)}
                    data-testid="move-delete-old"
                  />
                  Delete the camera’s record in the old account
                </label>
                <OldAccountFields shown={deleteOld} text={old} onText={setOld} password={oldPassword} licenseKey={oldLicense} />
              </fieldset>
            </div>
            <FormFooter id="move" problem={problem} busy={busy} submitLabel="Move camera" busyLabel="Moving…" onCancel={onClose} />
          </form>
        )}
        {result && <CloseFooter onClose={onClose} />}
      </div>
    </div>
  );
}

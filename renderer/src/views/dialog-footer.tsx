/**
 * The footers every action dialog shares (register, write token, move): the problem sentence and Cancel/submit
 * while the form is open, then a single Close once results are shown.
 */
type FormFooterProps = {
  /** Prefix of the test ids: `<id>-problem`, `<id>-submit`. */
  id: string;
  problem: string | null;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  onCancel: () => void;
};

export function FormFooter({ id, problem, busy, submitLabel, busyLabel, onCancel }: FormFooterProps) {
  return (
    <>
      {problem && (
        <p className="error-text" role="alert" data-testid={`${id}-problem`}>
          {problem}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy} data-testid={`${id}-submit`}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </>
  );
}

export function CloseFooter({ onClose }: { onClose: () => void }) {
  return (
    <div className="dialog-buttons">
      <button type="button" className="primary" onClick={onClose} autoFocus>
        Close
      </button>
    </div>
  );
}

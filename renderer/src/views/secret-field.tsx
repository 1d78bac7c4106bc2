type Props = {
  label: string;
  isSet: boolean;
  value: string;
  onChange: (value: string) => void;
  onRemove: () => void;
  busy: boolean;
  environment: string | null;
  testId: string;
};

/**
 * A write-only secret: a password input that starts empty, "set" with Remove once stored. The stored value is
 * never shown (the core never sends it back); typing replaces it on the next save.
 */
export function SecretField({ label, isSet, value, onChange, onRemove, busy, environment, testId }: Props) {
  return (
    <div className="field">
      <label htmlFor={testId}>{label}</label>
      <div className="field-row">
        <input
          id={testId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          placeholder={isSet ? 'Type a new one to replace it' : 'Not set'}
          data-testid={testId}
        />
        {isSet && (
          <>
            <span className="badge badge-set" data-testid={`${testId}-set`}>
              set
            </span>
            <button type="button" onClick={onRemove} disabled={busy || environment !== null} data-testid={`${testId}-remove`}>
              Remove
            </button>
          </>
        )}
      </div>
      {environment && (
        <p className="field-note" data-testid={`${testId}-env`}>
          Set by the environment variable <span className="mono">{environment}</span>; it wins over what is stored here.
        </p>
      )}
    </div>
  );
}

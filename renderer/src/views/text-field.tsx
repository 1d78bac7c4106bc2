type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  problem: string | null;
  environment: string | null;
  testId: string;
};

/** A labelled text input with its problem sentence and an "overridden by environment" note. */
export function TextField({ label, value, onChange, placeholder, problem, environment, testId }: Props) {
  return (
    <div className="field">
      <label htmlFor={testId}>{label}</label>
      <input
        id={testId}
        type="text"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        aria-invalid={problem !== null}
        data-testid={testId}
      />
      {problem && <p className="field-note error-text">{problem}</p>}
      {environment && (
        <p className="field-note" data-testid={`${testId}-env`}>
          Set by the environment variable <span className="mono">{environment}</span>; it wins over what is stored here.
        </p>
      )}
    </div>
  );
}

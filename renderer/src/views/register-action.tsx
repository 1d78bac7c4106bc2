import { plural } from '../logic/format.js';

type Props = { count: number; blocker: string | null; onOpen: () => void; onClear: () => void };

/** "3 selected · Register with VXG Cloud…"; disabled with the reason when the cloud is not set up. */
export function RegisterAction({ count, blocker, onOpen, onClear }: Props) {
  const reason = count === 0 ? 'Tick the cameras to register in the first column.' : blocker;
  return (
    <div className="register-action" data-testid="register-action">
      {count > 0 && (
        <span className="muted" data-testid="selected-count">
          {plural(count, 'selected', 'selected')}{' '}
          <button type="button" className="link-button" onClick={onClear}>
            Clear
          </button>
        </span>
      )}
      <button type="button" onClick={onOpen} disabled={reason !== null} title={reason ?? undefined} data-testid="register-open">
        Register with VXG Cloud…
      </button>
      {count > 0 && blocker && (
        <span className="hint-text" data-testid="register-hint">
          {blocker}
        </span>
      )}
    </div>
  );
}

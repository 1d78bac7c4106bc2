import { plural } from '../logic/format.js';

type Props = { count: number; onWrite: () => void; onRotate: () => void; onMove: () => void };

/** "Write token…", "Rotate tokens…" for the ticked cameras, and "Move to new account…" for exactly one. */
export function TokenAction({ count, onWrite, onRotate, onMove }: Props) {
  const none = count === 0 ? 'Tick the cameras in the first column first.' : undefined;
  return (
    <div className="token-action" data-testid="token-action">
      <button type="button" onClick={onWrite} disabled={count === 0} title={none} data-testid="token-write-open">
        {count > 0 ? `Write token to ${plural(count, 'camera')}…` : 'Write token…'}
      </button>
      <button type="button" onClick={onRotate} disabled={count === 0} title={none} data-testid="token-rotate-open">
        Rotate tokens…
      </button>
      <button
        type="button"
        onClick={onMove}
        disabled={count !== 1}
        title={count === 1 ? undefined : 'Tick exactly one camera to move it to another account.'}
        data-testid="move-open"
      >
        Move to new account…
      </button>
    </div>
  );
}

import { plural } from '../logic/format.js';

type Props = { count: number; running: boolean; onIdentify: (scope: 'selected' | 'all') => void };

/** "Identify selected" for the ticked rows, "Identify all" for every camera; one run at a time. */
export function IdentifyAction({ count, running, onIdentify }: Props) {
  return (
    <div className="identify-action" data-testid="identify-action">
      <button
        type="button"
        onClick={() => onIdentify('selected')}
        disabled={running || count === 0}
        title={count === 0 ? 'Tick the cameras to identify in the first column.' : undefined}
        data-testid="identify-selected"
      >
        {count > 0 ? `Identify ${plural(count, 'selected', 'selected')}` : 'Identify selected'}
      </button>
      <button type="button" onClick={() => onIdentify('all')} disabled={running} data-testid="identify-all">
        Identify all
      </button>
      {running && (
        <span className="muted" role="status" data-testid="identify-running">
          Logging in to the cameras…
        </span>
      )}
    </div>
  );
}

import { formatSeconds, plural } from '../logic/format.js';
import type { ScanProgress as Progress } from '../logic/scan-state.js';

/** The bar and "2.4 s / 5.0 s · 3 found" while a scan runs, and "sweep 120 / 254" while a sweep runs. */
export function ScanProgress({ progress }: { progress: Progress | null }) {
  const elapsed = progress?.elapsedMs ?? 0;
  const total = progress?.totalMs ?? 0;
  const sweep = progress?.sweep;
  return (
    <div className="scan-progress" data-testid="scan-progress">
      <progress aria-label="Scan progress" max={total > 0 ? total : 1} value={total > 0 ? Math.min(elapsed, total) : undefined} />
      <span role="status" className="scan-progress-text" data-testid="scan-progress-text">
        {progress ? `${formatSeconds(elapsed)} / ${formatSeconds(total)} · ${plural(progress.found, 'found', 'found')}` : 'Starting scan…'}
      </span>
      {sweep && (
        <>
          <progress aria-label="Sweep progress" max={Math.max(1, sweep.total)} value={Math.min(sweep.done, sweep.total)} />
          <span className="scan-progress-text" data-testid="sweep-progress-text">
            sweep {sweep.done.toLocaleString('en-US')} / {sweep.total.toLocaleString('en-US')}
          </span>
        </>
      )}
    </div>
  );
}

import type { OnboardMatch } from '../../hooks/use-onboarding.js';
import { plural } from '../../logic/format.js';

/** What the job would cover, shown before anything changes: rows ↔ cameras, and what matched nothing. */
export function MatchPreview({ match }: { match: OnboardMatch }) {
  return (
    <section aria-label="Match" data-testid="match-preview">
      <h3>Before starting</h3>
      <p data-testid="match-summary">
        {plural(match.matched.length, 'camera', 'cameras')} in scope · {plural(match.rowsWithoutCamera.length, 'row', 'rows')} with no
        camera on site · {plural(match.camerasWithoutRow.length, 'camera', 'cameras')} with no row ·{' '}
        {plural(match.problems.length, 'problem', 'problems')} in the file
      </p>
      {match.problems.length > 0 && (
        <div className="notice notice-error" data-testid="match-problems">
          <p>These rows are left out until the file is fixed:</p>
          <ul>
            {match.problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      {match.rowsWithoutCamera.length > 0 && (
        <div className="notice notice-warn" data-testid="rows-without-camera">
          <p>Rows with no camera found on site:</p>
          <ul>
            {match.rowsWithoutCamera.map((row) => (
              <li key={row.line}>
                Line {row.line}: {row.mac ?? row.serial ?? row.id ?? '(no MAC or serial)'}
                {row.name ? ` (${row.name})` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {match.camerasWithoutRow.length > 0 && (
        <div className="notice notice-warn" data-testid="cameras-without-row">
          <p>Cameras found with no row in the file (not onboarded when a CSV is given):</p>
          <ul>
            {match.camerasWithoutRow.map((id) => (
              <li key={id} className="mono">
                {id}
              </li>
            ))}
          </ul>
        </div>
      )}
      {match.matched.length > 0 && (
        <table className="device-table compact" data-testid="match-table">
          <thead>
            <tr>
              <th>CSV line</th>
              <th>MAC / serial</th>
              <th>Camera ID</th>
              <th>Name</th>
              <th>Password</th>
            </tr>
          </thead>
          <tbody>
            {match.matched.map((m) => (
              <tr key={m.cameraId}>
                <td>{m.row?.line ?? '—'}</td>
                <td className="mono">{m.row?.mac ?? m.row?.serial ?? '—'}</td>
                <td className="mono">{m.cameraId}</td>
                <td>{m.row?.name ?? ''}</td>
                <td>{m.row ? (m.row.hasPassword ? 'given' : 'none') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import type { ReactNode } from 'react';
import { plural } from '../logic/format.js';

type Props = {
  query: string;
  onQuery: (query: string) => void;
  showNonCameras: boolean;
  onShowNonCameras: (show: boolean) => void;
  shown: number;
  total: number;
  /** Actions on the ticked rows, after the count. */
  children?: ReactNode;
};

/** The filter box, the non-camera toggle and a count of what is shown. */
export function TableControls({ query, onQuery, showNonCameras, onShowNonCameras, shown, total, children }: Props) {
  return (
    <div className="table-controls">
      <label className="filter">
        <span className="muted">Filter</span>
        <input
          type="search"
          value={query}
          onChange={(event) => onQuery(event.target.value)}
          placeholder="MAC, IP, vendor, model, name…"
          aria-label="Filter devices"
          data-testid="filter-input"
          spellCheck={false}
        />
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={showNonCameras}
          onChange={(event) => onShowNonCameras(event.target.checked)}
          data-testid="show-non-cameras"
        />
        Show non-cameras
      </label>
      <span className="muted count" data-testid="device-count">
        {shown === total
          ? plural(total, showNonCameras ? 'device' : 'camera')
          : `${shown} of ${plural(total, showNonCameras ? 'device' : 'camera')}`}
      </span>
      {children}
    </div>
  );
}

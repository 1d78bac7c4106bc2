import type { SortKey, SortOrder } from '../logic/device-view.js';

type Props = { label: string; sortKey: SortKey; sort: SortOrder; onSort: (key: SortKey) => void };

/** A column header that sorts the table; announces its direction through aria-sort. */
export function SortHeader({ label, sortKey, sort, onSort }: Props) {
  const active = sort.key === sortKey;
  const direction = sort.direction === 'asc' ? 'ascending' : 'descending';
  return (
    <th scope="col" aria-sort={active ? direction : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)} data-testid={`sort-${sortKey}`}>
        {label}
        <span aria-hidden="true" className="sort-arrow">
          {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
      </button>
    </th>
  );
}

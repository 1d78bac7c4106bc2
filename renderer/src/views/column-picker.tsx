import { COLUMN_LABELS, optionalColumns, type ColumnSet, type OptionalColumn } from '../logic/columns.js';

type Props = { columns: ColumnSet; onToggle: (column: OptionalColumn, on: boolean) => void };

/** Which identity columns the table shows; whatever is hidden here is still in the detail panel. */
export function ColumnPicker({ columns, onToggle }: Props) {
  return (
    <details className="column-picker" data-testid="column-picker">
      <summary>Columns</summary>
      <fieldset>
        <legend className="muted small">Show in the table</legend>
        {optionalColumns.map((column) => (
          <label key={column} className="toggle">
            <input
              type="checkbox"
              checked={columns.has(column)}
              onChange={(event) => onToggle(column, event.target.checked)}
              data-testid={`column-${column}`}
            />
            {COLUMN_LABELS[column]}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

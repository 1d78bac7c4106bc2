import type { DiscoverySourceName } from '../../../shared/device.js';
import { activeFilterCount, type DeviceFilters, type FilterChoices } from '../logic/device-filters.js';
import { discoveryLabel } from '../logic/format.js';

type Props = {
  filters: DeviceFilters;
  choices: FilterChoices;
  onFilters: (filters: DeviceFilters) => void;
  /** Saves the rows shown (filtered, sorted) as CSV. */
  onExport: () => void;
  exportable: number;
};

const ANY = '';

/** Vendor, subnet and source drop-downs, "Clear filters", and the CSV export of what the table shows. */
export function FilterBar({ filters, choices, onFilters, onExport, exportable }: Props) {
  const set = (patch: Partial<DeviceFilters>) => onFilters({ ...filters, ...patch });
  return (
    <div className="filter-bar" role="group" aria-label="Filters">
      <Choice
        label="Vendor"
        testId="filter-vendor"
        value={filters.vendor}
        options={choices.vendors}
        onChange={(vendor) => set({ vendor })}
      />
      <Choice
        label="Subnet"
        testId="filter-subnet"
        value={filters.subnet}
        options={choices.subnets}
        onChange={(subnet) => set({ subnet })}
      />
      <Choice
        label="Source"
        testId="filter-source"
        value={filters.source}
        options={choices.sources}
        format={(source) => discoveryLabel(source as DiscoverySourceName)}
        onChange={(source) => set({ source: source as DiscoverySourceName | null })}
      />
      {activeFilterCount(filters) > 0 && (
        <button
          type="button"
          className="link-button"
          onClick={() => onFilters({ vendor: null, subnet: null, source: null })}
          data-testid="clear-filters"
        >
          Clear filters
        </button>
      )}
      <button
        type="button"
        onClick={onExport}
        disabled={exportable === 0}
        data-testid="export-csv"
        title="Save the rows shown as a CSV file"
      >
        Export CSV
      </button>
    </div>
  );
}

type ChoiceProps = {
  label: string;
  testId: string;
  value: string | null;
  options: readonly string[];
  format?: (option: string) => string;
  onChange: (value: string | null) => void;
};

/** One drop-down; a chosen value that no device carries any more stays listed so the choice is visible. */
function Choice({ label, testId, value, options, format = (option) => option, onChange }: ChoiceProps) {
  const listed = value !== null && !options.includes(value) ? [value, ...options] : options;
  return (
    <label className="filter-choice">
      <span className="muted">{label}</span>
      <select
        value={value ?? ANY}
        onChange={(event) => onChange(event.target.value === ANY ? null : event.target.value)}
        data-testid={testId}
      >
        <option value={ANY}>Any</option>
        {listed.map((option) => (
          <option key={option} value={option}>
            {format(option)}
          </option>
        ))}
      </select>
    </label>
  );
}

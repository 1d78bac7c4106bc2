/**
 * The device table's optional identity columns. Serial, firmware and auth status are what a technician
 * checks after Identify, so they show by default; the cloud agent matters only on Axis cameras running VXG's
 * agent, so it starts hidden (it is always in the detail panel). The base columns (MAC, IP, Cloud, …) stay.
 */
export const optionalColumns = ['serial', 'firmware', 'auth', 'agent'] as const;
export type OptionalColumn = (typeof optionalColumns)[number];
export type ColumnSet = ReadonlySet<OptionalColumn>;

export const COLUMN_LABELS: Record<OptionalColumn, string> = {
  serial: 'Serial',
  firmware: 'Firmware',
  auth: 'Auth',
  agent: 'Cloud agent',
};

export const defaultColumns = (): ColumnSet => new Set<OptionalColumn>(['serial', 'firmware', 'auth']);

export function toggleColumn(columns: ColumnSet, column: OptionalColumn, on: boolean): ColumnSet {
  const next = new Set(columns);
  if (on) next.add(column);
  else next.delete(column);
  return next;
}

/** The visible optional columns in table order (not in the order they were switched on). */
export const shownColumns = (columns: ColumnSet): OptionalColumn[] => optionalColumns.filter((column) => columns.has(column));

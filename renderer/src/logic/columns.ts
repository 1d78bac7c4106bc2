/**
 * The device table's optional columns. Auth status, serial and firmware are what a technician checks after
 * Identify, and the source badges (WSD/SSDP/mDNS/Sweep) say which protocol reached each device, so they show by
 * default; the cloud agent (Axis with VXG's agent only) and the last-seen time start hidden so the table stays
 * readable beside the detail panel, which always shows them.
 * MAC, IP, Cloud, Vendor, Model and Name are always there.
 */
export const optionalColumns = ['sources', 'auth', 'serial', 'firmware', 'agent', 'lastSeen'] as const;
export type OptionalColumn = (typeof optionalColumns)[number];
export type ColumnSet = ReadonlySet<OptionalColumn>;

export const COLUMN_LABELS: Record<OptionalColumn, string> = {
  serial: 'Serial',
  firmware: 'Firmware',
  auth: 'Auth',
  agent: 'Cloud agent',
  sources: 'Sources',
  lastSeen: 'Last seen',
};

/**
 * Where each optional column sits: source badges and auth beside the address (in view with the detail panel open),
 * serial and firmware after the model, the rest last.
 */
export const COLUMN_SLOTS = { afterIp: ['sources', 'auth'], afterModel: ['serial', 'firmware'], last: ['agent', 'lastSeen'] } as const;
export type ColumnSlot = keyof typeof COLUMN_SLOTS;

/** The visible optional columns of one slot, in table order. */
export const slotColumns = (shown: readonly OptionalColumn[], slot: ColumnSlot): OptionalColumn[] =>
  (COLUMN_SLOTS[slot] as readonly OptionalColumn[]).filter((column) => shown.includes(column));

export const defaultColumns = (): ColumnSet => new Set<OptionalColumn>(['auth', 'serial', 'firmware', 'sources']);

export function toggleColumn(columns: ColumnSet, column: OptionalColumn, on: boolean): ColumnSet {
  const next = new Set(columns);
  if (on) next.add(column);
  else next.delete(column);
  return next;
}

/** The visible optional columns in table order (not in the order they were switched on). */
export const shownColumns = (columns: ColumnSet): OptionalColumn[] => optionalColumns.filter((column) => columns.has(column));

/**
 * The `interfaces` argument of scan.start: absent when every interface is picked (the core then also uses
 * interfaces that appeared since the list was loaded), else the picked names in list order.
 */
export function scanInterfacesArg(all: readonly string[], selected: ReadonlySet<string>): string[] | undefined {
  const picked = all.filter((name) => selected.has(name));
  return picked.length === all.length ? undefined : picked;
}

/** "All interfaces (3)", "eth0", "eth0, wlan0", "2 of 5 interfaces", "No interface" */
export function pickerSummary(all: readonly string[], selected: ReadonlySet<string>): string {
  const picked = all.filter((name) => selected.has(name));
  if (all.length === 0) return 'All interfaces';
  if (picked.length === all.length) return `All interfaces (${all.length})`;
  if (picked.length === 0) return 'No interface';
  if (picked.length <= 2) return picked.join(', ');
  return `${picked.length} of ${all.length} interfaces`;
}

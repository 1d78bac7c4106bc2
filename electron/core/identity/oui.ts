/**
 * IEEE registrant for a MAC, from the `oui-data` package (MA-L, MA-M and MA-S in one JSON object keyed by
 * 6, 7 or 9 upper-case hex digits). Only IEEE data is used: hand-written OUI tables in public code disagree.
 *
 * Loading: the JSON is 5.6 MB, so it is required lazily on first lookup, once, through createRequire —
 * not a static `import … with { type: 'json' }`, which would make tsc infer a type for 50 000 keys and make
 * esbuild inline the whole table into the Electron main bundle. `oui-data` exports only `.` → index.json, so
 * `require('oui-data')` is the supported path. In an esbuild CJS bundle `__filename` is defined and the
 * package is resolved from node_modules at run time (it is a runtime dependency); under ESM (vitest, tsx)
 * `import.meta.url` is used instead.
 */
import { createRequire } from 'node:module';
import { isLocallyAdministered, normaliseMac } from '../../../shared/mac.js';

type OuiTable = Record<string, string>;

let table: OuiTable | null | undefined;

function loadTable(): OuiTable | null {
  if (table !== undefined) return table;
  try {
    const base = typeof __filename === 'string' ? __filename : import.meta.url;
    const data: unknown = createRequire(base)('oui-data');
    table = typeof data === 'object' && data !== null ? (data as OuiTable) : null;
  } catch {
    table = null; // package missing from a broken install: no vendor names, but the app still works
  }
  return table;
}

/**
 * Load the table now. Parsing 5.6 MB of JSON blocks the event loop for ~100 ms; done in the middle of a scan,
 * that is long enough for the kernel to drop hundreds of probe replies. The core calls this before it probes.
 */
export function warmVendorTable(): void {
  loadTable();
}

/** Registrant text of these blocks names no vendor: the block is split further, or the owner hid its name. */
const NOT_A_VENDOR = new Set(['ieee registration authority', 'private']);

/**
 * The IEEE registrant (first line of the registry entry) for the longest matching prefix — MA-S (36 bits),
 * then MA-M (28), then MA-L (24). Null for locally administered (random/virtual) MACs, unknown prefixes and
 * anything that is not a unicast MAC.
 */
export function vendorForMac(mac: string): string | null {
  const normalised = normaliseMac(mac);
  if (!normalised || isLocallyAdministered(normalised)) return null;
  const data = loadTable();
  if (!data) return null;
  const hex = normalised.replaceAll(':', '').toUpperCase();
  for (const length of [9, 7, 6]) {
    const entry = data[hex.slice(0, length)];
    if (typeof entry !== 'string') continue;
    const name = entry.split('\n')[0]?.trim() ?? '';
    return name === '' || NOT_A_VENDOR.has(name.toLowerCase()) ? null : name;
  }
  return null;
}

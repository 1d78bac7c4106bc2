/**
 * `scan`'s discovery flags (issue #10): `--protocols wsd,ssdp,mdns`, `--sweep <cidr>` (repeatable),
 * `--sweep-ports 80,8080` and `--confirm-large`, checked here so a typo is a usage error (exit 2) with a sentence,
 * before any packet is sent. The ranges are checked with the same rule the core applies (shared/cidr.ts).
 */
import { parseCidr } from '../../shared/cidr.js';
import { multicastProtocols, type ParsedArgs } from '../../shared/contract.js';

type ScopeArgs = Pick<ParsedArgs<'scan.start'>, 'protocols' | 'sweep'>;

export type ScanScope = { ok: true; args: ScopeArgs; given: string | null } | { ok: false; message: string; given: string | null };

/** The contract's bounds: at most 16 ranges, 16 ports. */
const MAX_RANGES = 16;
const MAX_PORTS = 16;

interface ScopeValues {
  protocols?: string | undefined;
  sweep?: string[] | undefined;
  'sweep-ports'?: string | undefined;
  'confirm-large'?: boolean | undefined;
}

export function parseScanScope(values: ScopeValues): ScanScope {
  const given =
    values.protocols !== undefined
      ? '--protocols'
      : values.sweep !== undefined
        ? '--sweep'
        : values['sweep-ports'] !== undefined
          ? '--sweep-ports'
          : values['confirm-large']
            ? '--confirm-large'
            : null;
  const bad = (message: string): ScanScope => ({ ok: false, message, given });
  const args: ScopeArgs = {};
  if (values.protocols !== undefined) {
    const names = values.protocols.split(',').map((p) => p.trim().toLowerCase());
    const unknown = names.find((n) => !(multicastProtocols as readonly string[]).includes(n));
    if (unknown !== undefined) {
      return bad(
        `--protocols takes ${multicastProtocols.join(', ')} (comma-separated); ${JSON.stringify(unknown.slice(0, 20))} is not one.`,
      );
    }
    args.protocols = [...new Set(names)] as (typeof multicastProtocols)[number][];
  }
  const cidrs = values.sweep ?? [];
  if (cidrs.length === 0 && (values['sweep-ports'] !== undefined || values['confirm-large'])) {
    return bad('--sweep-ports and --confirm-large need at least one --sweep <range>.');
  }
  if (cidrs.length > MAX_RANGES) return bad(`--sweep takes at most ${MAX_RANGES} ranges.`);
  for (const cidr of cidrs) {
    const parsed = parseCidr(cidr, { confirmLarge: values['confirm-large'] === true });
    if (!parsed.ok) return bad(parsed.error.code === 'too-large' ? `${parsed.error.message} (--confirm-large)` : parsed.error.message);
  }
  let ports: number[] | undefined;
  if (values['sweep-ports'] !== undefined) {
    const parts = values['sweep-ports'].split(',').map((p) => p.trim());
    if (parts.length > MAX_PORTS || parts.some((p) => !/^\d{1,5}$/.test(p) || Number(p) < 1 || Number(p) > 65535)) {
      return bad(`--sweep-ports takes up to ${MAX_PORTS} TCP ports from 1 to 65535, comma-separated (e.g. 80,8080).`);
    }
    ports = [...new Set(parts.map(Number))];
  }
  if (cidrs.length > 0) {
    args.sweep = { cidrs, ...(ports ? { ports } : {}), ...(values['confirm-large'] ? { confirmLarge: true } : {}) };
  }
  return { ok: true, args, given };
}

import { createHash } from 'node:crypto';

/** The lab's L2 segment; 198.18.0.0/15 is reserved for benchmarking, so it never collides with a real LAN. */
export const LAB_PREFIX_LEN = 16;
export const DEFAULT_TECH_ADDRESS = '198.18.0.2/16';

/** Camera n (1-based) → 198.18.1.1 … 198.18.1.254, 198.18.2.1, … */
export function cameraIp(n: number): string {
  const i = n - 1;
  const third = 1 + Math.floor(i / 254);
  if (third > 255) throw new Error(`The lab has room for ${255 * 254} cameras; camera ${n} does not fit.`);
  return `198.18.${third}.${1 + (i % 254)}`;
}

/**
 * Deterministic, globally administered MAC under one of the vendor's OUIs: the app's OUI lookup must name the
 * vendor. The 4th octet comes from the lab prefix so two labs never share MACs; the last two from the index.
 */
export function cameraMac(ouis: readonly string[], prefix: string, n: number): string {
  const oui = ouis[n % ouis.length] ?? '00:1b:21';
  const salt = createHash('sha1').update(prefix).digest()[0] ?? 0;
  const hex = (b: number): string => b.toString(16).padStart(2, '0');
  return `${oui.toLowerCase()}:${hex(salt)}:${hex((n >> 8) & 0xff)}:${hex(n & 0xff)}`;
}

export const namespaceNames = (prefix: string): { sw: string; tech: string; camera: (k: number) => string } => ({
  sw: `${prefix}-sw`,
  tech: `${prefix}-tech`,
  camera: (k) => `${prefix}-c${k}`,
});

/** True for the namespaces a lab with this prefix creates, and only those. */
export function isLabNamespace(prefix: string, name: string): boolean {
  const n = namespaceNames(prefix);
  return name === n.sw || name === n.tech || new RegExp(`^${prefix.replace(/[^\w]/g, '\\$&')}-c\\d+$`).test(name);
}

import { multicastProtocols, sweepRequestSchema } from '../../../shared/contract/scan.js';
import { parseCidr } from '../../../shared/cidr.js';
import type { z } from 'zod';

export type MulticastProtocol = (typeof multicastProtocols)[number];
export type SweepRequest = z.infer<typeof sweepRequestSchema>;

/** What the scan-options form holds, as typed. */
export type ScanOptionsForm = {
  protocols: ReadonlySet<MulticastProtocol>;
  /** Ranges to sweep, separated by commas, spaces or new lines. */
  cidrs: string;
  /** HTTP ports for the sweep's ONVIF fallback; empty = the core's default set. */
  ports: string;
  /** Ticked after the form asked: sweeps larger than a /16 take minutes. */
  confirmLarge: boolean;
};

export const initialScanOptions: ScanOptionsForm = { protocols: new Set(multicastProtocols), cidrs: '', ports: '', confirmLarge: false };

/** The extra scan.start arguments: absent fields mean the core's defaults (all protocols, no sweep). */
export type ScanOptionsArgs = { protocols?: MulticastProtocol[]; sweep?: SweepRequest };

export type ScanOptionsCheck =
  { ok: true; args: ScanOptionsArgs; addresses: number } | { ok: false; errors: string[]; needsConfirm: boolean };

// The contract's own bounds, so the form refuses what the core would.
const MAX_CIDRS = 16;
const MAX_PORTS = 16;

const split = (text: string) => text.split(/[\s,;]+/).filter((part) => part !== '');

function readPorts(text: string, errors: string[]): number[] | undefined {
  const parts = split(text);
  if (parts.length === 0) return undefined;
  if (parts.length > MAX_PORTS) errors.push(`Enter at most ${MAX_PORTS} ports.`);
  const ports: number[] = [];
  for (const part of parts.slice(0, MAX_PORTS)) {
    const port = /^\d{1,5}$/.test(part) ? Number(part) : NaN;
    if (!(port >= 1 && port <= 65535)) errors.push(`"${part.slice(0, 20)}" is not a port; enter numbers from 1 to 65535.`);
    else if (!ports.includes(port)) ports.push(port);
  }
  return ports;
}

/**
 * Turns the form into scan.start arguments, or sentences that say what to fix. A range wider than /16 is refused
 * until `confirmLarge` is ticked (`needsConfirm` tells the form to offer the box).
 */
export function checkScanOptions(form: ScanOptionsForm): ScanOptionsCheck {
  const errors: string[] = [];
  let needsConfirm = false;
  const protocols = multicastProtocols.filter((protocol) => form.protocols.has(protocol));
  if (protocols.length === 0) errors.push('Pick at least one protocol to listen with.');

  const texts = split(form.cidrs);
  if (texts.length > MAX_CIDRS) errors.push(`Enter at most ${MAX_CIDRS} ranges to sweep.`);
  const cidrs: string[] = [];
  let addresses = 0;
  let large = false;
  for (const text of texts.slice(0, MAX_CIDRS)) {
    const parsed = parseCidr(text, { confirmLarge: form.confirmLarge });
    if (!parsed.ok) {
      if (parsed.error.code === 'too-large') needsConfirm = true;
      errors.push(parsed.error.message);
      continue;
    }
    if (cidrs.includes(parsed.range.cidr)) continue;
    cidrs.push(parsed.range.cidr);
    addresses += parsed.range.count;
    large ||= parsed.range.prefix < 16;
  }
  const ports = readPorts(form.ports, errors);
  if (ports && cidrs.length === 0 && texts.length === 0) errors.push('Ports apply to a sweep: enter a range to sweep, or clear the ports.');
  if (errors.length > 0) return { ok: false, errors, needsConfirm };

  const args: ScanOptionsArgs = {};
  if (protocols.length < multicastProtocols.length) args.protocols = protocols;
  if (cidrs.length > 0) args.sweep = { cidrs, ...(ports ? { ports } : {}), ...(large ? { confirmLarge: true } : {}) };
  return { ok: true, args, addresses };
}

export function toggleProtocol(form: ScanOptionsForm, protocol: MulticastProtocol, on: boolean): ScanOptionsForm {
  const protocols = new Set(form.protocols);
  if (on) protocols.add(protocol);
  else protocols.delete(protocol);
  return { ...form, protocols };
}

import type { ScanDiagnostics } from '../../shared/contract.js';
import type { Device } from '../../shared/device.js';
import type { IdentifyResult } from '../../shared/contract/identify.js';

type Writer = { write(text: string): unknown };

/** Devices per write: keeps each chunk small however large the inventory is. */
const CHUNK = 500;

/**
 * `{devices, diagnostics}` as one JSON document, written device by device so the whole inventory is never
 * one string (`RangeError: Invalid string length` would lose the scan). A record that cannot be serialised is
 * left out and counted in diagnostics.errors, so stdout is always valid JSON.
 */
export function writeScanJson(out: Writer, devices: Device[], diagnostics: ScanDiagnostics): void {
  writeDevicesJson(out, devices, (leftOut) => {
    const errors = leftOut ? [...diagnostics.errors, leftOut] : diagnostics.errors;
    return `"diagnostics":${JSON.stringify({ ...diagnostics, errors })}`;
  });
}

/** `identify --json`: `{devices, results}`; devices exactly as `scan --json` prints them. */
export function writeIdentifyJson(out: Writer, devices: Device[], results: IdentifyResult[], errors: string[] = []): void {
  writeDevicesJson(out, devices, (leftOut) => {
    const all = leftOut ? [...errors, leftOut] : errors;
    return `"results":${JSON.stringify(results)}${all.length ? `,"errors":${JSON.stringify(all)}` : ''}`;
  });
}

/** The devices array written in chunks, then the rest of the object (given the left-out sentence, if any). */
function writeDevicesJson(out: Writer, devices: Device[], rest: (leftOut: string | null) => string): void {
  const parts: string[] = [];
  let leftOut = 0;
  for (const device of devices) {
    try {
      parts.push(JSON.stringify(device));
    } catch {
      leftOut++;
    }
  }
  out.write('{"devices":[');
  for (let i = 0; i < parts.length; i += CHUNK) out.write((i ? ',' : '') + parts.slice(i, i + CHUNK).join(','));
  out.write(`],${rest(leftOut ? `${leftOut} device records were too large to print and were left out.` : null)}}\n`);
}

import type { ScanDiagnostics } from '../../shared/contract.js';
import type { Device } from '../../shared/device.js';

type Writer = { write(text: string): unknown };

/** Devices per write: keeps each chunk small however large the inventory is. */
const CHUNK = 500;

/**
 * `{devices, diagnostics}` as one JSON document, written device by device so the whole inventory is never
 * one string (`RangeError: Invalid string length` would lose the scan). A record that cannot be serialised is
 * left out and counted in diagnostics.errors, so stdout is always valid JSON.
 */
export function writeScanJson(out: Writer, devices: Device[], diagnostics: ScanDiagnostics): void {
  const parts: string[] = [];
  let leftOut = 0;
  for (const device of devices) {
    try {
      parts.push(JSON.stringify(device));
    } catch {
      leftOut++;
    }
  }
  const errors = leftOut
    ? [...diagnostics.errors, `${leftOut} device records were too large to print and were left out.`]
    : diagnostics.errors;
  out.write('{"devices":[');
  for (let i = 0; i < parts.length; i += CHUNK) out.write((i ? ',' : '') + parts.slice(i, i + CHUNK).join(','));
  out.write(`],"diagnostics":${JSON.stringify({ ...diagnostics, errors })}}\n`);
}

/**
 * ONVIF scopes (`onvif://www.onvif.org/<category>/<value>`) read into facts. Hazard: scope values are
 * free text chosen by whoever configured the device (names can hold `<img …>`); they stay plain strings,
 * bounded in length, and the UI renders them as text.
 */
import { normaliseMac } from '../../../../shared/mac.js';
import type { ObservedFact } from '../../inventory/observation.js';

const SCOPE = /^onvif:\/\/[^/]+\/([^/]+)\/(.+)$/i;
/** Longest scope category or value (and joined locations) handed on, in characters. */
export const MAX_SCOPE_CHARS = 256;

export interface Scope {
  /** Lower-case category: `name`, `hardware`, `mac`, `location`, … */
  category: string;
  /** Percent-decoded remainder of the path (`country/china` for a location). */
  value: string;
}

/** One scope URI split into category and decoded value; null when it is not an onvif:// scope. */
export function parseScope(uri: string): Scope | null {
  const match = SCOPE.exec(uri.trim());
  if (!match?.[1] || !match[2]) return null;
  // Control characters (from `%00`-style escapes) are never part of a name; they become spaces.
  const value = percentDecode(match[2].replace(/\/+$/, ''))
    .replace(/\p{Cc}/gu, ' ')
    .trim()
    .slice(0, MAX_SCOPE_CHARS);
  if (value === '') return null;
  return { category: percentDecode(match[1]).toLowerCase().slice(0, MAX_SCOPE_CHARS), value };
}

function percentDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A stray `%` (or a broken UTF-8 sequence) must not lose the whole value: decode only the valid escapes.
    return text.replace(/%([0-9a-f]{2})/gi, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

type Reader = { fact: ObservedFact['name']; categories: string[]; hint?: boolean; pick: 'first' | 'longest' | 'all' };

// Spec categories (Name, Hardware, MacAddress, SerialNumber, Location) plus what cameras send in the wild:
// `MAC/`, `mac/`, capitalised `Model/`, vendor/manufacturer scopes (Hanwha).
const READERS: Reader[] = [
  // Reolink repeats name (`name/IPC`, `name/IPC-BO`): keep the most specific one.
  { fact: 'name', categories: ['name'], pick: 'longest' },
  { fact: 'model', categories: ['hardware', 'model'], pick: 'first' },
  { fact: 'hardware', categories: ['hardware'], pick: 'first' },
  { fact: 'manufacturer', categories: ['manufacturer', 'vendor', 'mfr', 'brand'], pick: 'first' },
  { fact: 'serial', categories: ['serialnumber', 'serial'], pick: 'first' },
  { fact: 'location', categories: ['location'], pick: 'all' },
  // A MAC a device claims about itself is a hint: the neighbour table or ONVIF GetNetworkInterfaces outranks it.
  { fact: 'mac', categories: ['macaddress', 'mac'], hint: true, pick: 'first' },
];

/** Facts (source `wsd-scope`) read from a device's scopes; at most one fact per name. */
export function scopeFacts(uris: readonly string[]): ObservedFact[] {
  const scopes = uris.map(parseScope).filter((scope): scope is Scope => scope !== null);
  const facts: ObservedFact[] = [];
  for (const reader of READERS) {
    const values: string[] = [];
    for (const category of reader.categories) {
      for (const scope of scopes) {
        if (scope.category !== category) continue;
        const value = reader.fact === 'mac' ? normaliseMac(scope.value) : scope.value;
        if (value !== null && !values.includes(value)) values.push(value);
      }
    }
    const value = pick(values, reader.pick);
    if (value !== null) facts.push({ name: reader.fact, value, source: 'wsd-scope', hint: reader.hint ?? false });
  }
  return facts;
}

function pick(values: string[], how: Reader['pick']): string | null {
  if (values.length === 0) return null;
  if (how === 'all') return values.join(', ').slice(0, MAX_SCOPE_CHARS);
  if (how === 'longest') return values.reduce((best, value) => (value.length > best.length ? value : best));
  return values[0] ?? null;
}

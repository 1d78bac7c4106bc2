/**
 * Bounded time per case, counted instead of timed: while one parser call runs, the string, regular-expression,
 * decoding and XML primitives it uses add up the characters they scan. A linear parser does a few units of work
 * per input character; a parser that rescans its input per line, element or match does thousands (64 KiB × 64
 * KiB), so a cap of WORK_PER_CHAR × input + WORK_BASE catches super-linear blow-ups deterministically, on any
 * machine and under any load. What it cannot see: a single regular expression backtracking internally (each
 * exec is counted by how far it got, not by its steps), and loops over array indexes that call no primitive.
 * Hazard: this patches built-in prototypes, only for the duration of one synchronous call, and always restores
 * them (finally), so nothing outside the measured call is affected.
 */
import { XMLParser } from 'fast-xml-parser';
import { afterAll } from 'vitest';

/** Units per input character allowed; the whole fuzz corpus stays under ~13 (each file prints its costliest case). */
export const WORK_PER_CHAR = 64;
/** Fixed allowance per call: small inputs still walk a handful of fixed strings (namespace URIs, names). */
export const WORK_BASE = 20_000;

type Method = (this: unknown, ...args: unknown[]) => unknown;
/** Units spent by one call; `start` is a RegExp's lastIndex before the call (0 otherwise). */
type Counter = (self: unknown, args: unknown[], result: unknown, start: number) => number;

let work = 0;
const length = (value: unknown): number =>
  typeof value === 'string'
    ? value.length
    : value instanceof Uint8Array
      ? value.byteLength
      : value instanceof ArrayBuffer
        ? value.byteLength
        : 0;
const self = (value: unknown): number => (typeof value === 'string' ? value.length : String(value).length);

/** exec scans from lastIndex (global, sticky) or 0 to the end of its match, or to the end of the text. */
const countExec: Counter = (regexp, args, result, start) => {
  const re = regexp as RegExp;
  const match = result as RegExpExecArray | null;
  if (re.sticky) return match ? Math.max(1, match[0].length) : 1;
  const from = re.global ? start : 0;
  return Math.max(1, (match ? match.index + match[0].length : length(args[0])) - from);
};
/** indexOf/includes scan from their start position to the hit (or the end). */
const countSearch: Counter = (text, args, result) => {
  const from = Math.max(0, Number(args[1] ?? 0) || 0);
  const hit = typeof result === 'number' ? result : -1;
  return Math.max(1, (hit >= 0 ? hit + length(args[0]) : self(text)) - from);
};

const PATCHES: [object, string, Counter][] = [
  [RegExp.prototype, 'exec', countExec],
  [String.prototype, 'indexOf', countSearch],
  [String.prototype, 'includes', (text) => self(text)],
  [String.prototype, 'lastIndexOf', (text) => self(text)],
  [String.prototype, 'startsWith', (_text, args) => Math.max(1, length(args[0]))],
  [String.prototype, 'endsWith', (_text, args) => Math.max(1, length(args[0]))],
  [String.prototype, 'split', (text) => self(text)],
  [String.prototype, 'replace', (text) => self(text)],
  [String.prototype, 'replaceAll', (text) => self(text)],
  [String.prototype, 'slice', (_text, _args, result) => Math.max(1, length(result))],
  [String.prototype, 'substring', (_text, _args, result) => Math.max(1, length(result))],
  [String.prototype, 'substr', (_text, _args, result) => Math.max(1, length(result))],
  [String.prototype, 'trim', (text) => self(text)],
  [String.prototype, 'trimStart', (text) => self(text)],
  [String.prototype, 'trimEnd', (text) => self(text)],
  [String.prototype, 'toLowerCase', (text) => self(text)],
  [String.prototype, 'toUpperCase', (text) => self(text)],
  [String.prototype, 'normalize', (text) => self(text)],
  [String.prototype, 'repeat', (_text, _args, result) => length(result)],
  [String.prototype, 'padStart', (_text, _args, result) => length(result)],
  [TextDecoder.prototype, 'decode', (_decoder, args) => Math.max(1, length(args[0]))],
  [Buffer.prototype, 'toString', (_buffer, _args, result) => Math.max(1, length(result))],
  [JSON, 'parse', (_json, args) => Math.max(1, length(args[0]))],
  [XMLParser.prototype, 'parse', (_parser, args) => Math.max(1, length(args[0]))],
];

function install(): () => void {
  const originals: [object, string, Method][] = [];
  for (const [target, name, count] of PATCHES) {
    const original = (target as Record<string, Method>)[name];
    if (typeof original !== 'function') continue;
    originals.push([target, name, original]);
    Object.defineProperty(target, name, {
      configurable: true,
      writable: true,
      value: function (this: unknown, ...args: unknown[]): unknown {
        const start = this instanceof RegExp ? this.lastIndex : 0;
        const result = original.apply(this, args);
        work += count(this, args, result, start);
        return result;
      },
    });
  }
  return () => {
    for (const [target, name, original] of originals.reverse()) {
      Object.defineProperty(target, name, { configurable: true, writable: true, value: original });
    }
  };
}

/** Runs fn with the primitives counted; answers its result and the work units spent. */
export function measure<T>(fn: () => T): { result: T; work: number } {
  work = 0;
  const restore = install();
  try {
    const result = fn();
    return { result, work };
  } finally {
    restore();
  }
}

/** The largest work/character ratio seen per label, for the suite's closing report. */
export const highest = new Map<string, { ratio: number; work: number; size: number }>();

/**
 * Runs fn and fails the case when it spent more than WORK_PER_CHAR × size + WORK_BASE units (size: the input's
 * characters or bytes). Records the worst ratio seen under `label`.
 */
export function bounded<T>(label: string, size: number, fn: () => T): T {
  const { result, work: spent } = measure(fn);
  const ratio = spent / Math.max(1, size);
  const worst = highest.get(label);
  if (!worst || spent > worst.work) highest.set(label, { ratio: Math.round(ratio * 10) / 10, work: spent, size });
  const limit = WORK_PER_CHAR * size + WORK_BASE;
  if (spent > limit) throw new Error(`${label}: ${spent} units of work for ${size} input characters (limit ${limit})`);
  return result;
}

// One line per file: the costliest case of each parser, so a creeping cost shows in CI logs before it fails.
afterAll(() => {
  const lines = [...highest].map(([label, w]) => `${label}: ${w.work} units for ${w.size} chars (${w.ratio}/char)`);
  if (lines.length > 0) console.log(`fuzz work, costliest case per parser: ${lines.join('; ')}`);
});

import type { LogFields, Logger } from './ports.js';
import { redactText } from './secrets-redact.js';

export { redactText };

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Field names whose values are secrets (license keys, provisioning credentials, passwords, tokens). */
const SECRET_KEY = /pass(word)?|token|secret|license|lkey|authori[sz]ation|credential|cookie/i;
/** Deep copy of `value` with secret-named fields replaced; bounded depth so a cyclic object cannot hang us. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error) return redactText(value.message);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1)]));
}

/**
 * A logger that writes one JSON line per entry to `sink` (stderr by default) after redaction.
 * Every log line in the app goes through here, so a secret passed by mistake never reaches disk or a terminal.
 */
export function createLogger(options: { level?: Level; sink?: (line: string) => void } = {}): Logger {
  const min = order[options.level ?? 'info'];
  const sink = options.sink ?? ((line: string) => process.stderr.write(line + '\n'));
  const write = (level: Level) => (message: string, fields?: LogFields) => {
    if (order[level] < min) return;
    const entry = { t: new Date().toISOString(), level, msg: redactText(message), ...(redact(fields ?? {}) as object) };
    sink(JSON.stringify(entry));
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * The last words of a process that is going down: its stack, with secrets taken out. Node's own report of an
 * uncaught error prints fields like `input` (a URL parser's input is the request URL, token and all).
 */
import { redactText } from '../platform/logger.js';

export function redactedCrashReport(error: unknown, secrets: readonly string[] = []): string {
  let text: string;
  if (error instanceof Error) {
    const input = (error as { input?: unknown }).input;
    text = `${error.stack ?? `${error.name}: ${error.message}`}${typeof input === 'string' ? `\n  input: ${input}` : ''}`;
  } else {
    text = String(error);
  }
  const redacted = redactText(text);
  return secrets.filter((s) => s.length >= 8).reduce((acc, secret) => acc.split(secret).join('[redacted]'), redacted);
}

/**
 * Report an uncaught error redacted and exit 1, instead of Node's default dump. `secrets()` is read at crash
 * time so the browser-mode token, made after start-up, is covered.
 */
export function exitOnCrashRedacted(secrets: () => readonly string[], write = (t: string) => process.stderr.write(t)): void {
  const crash = (error: unknown) => {
    write(`camera-finder crashed: ${redactedCrashReport(error, secrets())}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}

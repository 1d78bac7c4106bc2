/** Every command answers with a Result; nothing throws across a transport. */
export const errorCodes = ['invalid-args', 'unknown-command', 'unauthorized', 'busy', 'not-found', 'unavailable', 'internal'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type Result<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({ ok: false, code, message });

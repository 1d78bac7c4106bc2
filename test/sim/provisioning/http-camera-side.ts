/**
 * The camera's HTTP calls to the cloud simulator: asking the provisioning service for a token (both public
 * variants, reference §3.2) and connecting with the token. Bounded by a deadline; never throws.
 */
export type AskVariant = 'get-token-post' | 'token-get';

const DEADLINE_MS = 5000;

async function json(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** A ProvisioningCamera `ask` against `baseUrl` (e.g. the cloud simulator's URL). */
export function httpAsk(baseUrl: string, variant: AskVariant): (serialId: string, password: string) => Promise<string | null> {
  return async (serialId, password) => {
    try {
      const response =
        variant === 'get-token-post'
          ? // Variant A [DOC H2]: POST /v1/camera/get_token/ with JSON.
            await fetch(`${baseUrl}/v1/camera/get_token/`, {
              method: 'POST',
              headers: { accept: 'application/json', 'content-type': 'application/json' },
              body: JSON.stringify({ serial_id: serialId, password }),
              signal: AbortSignal.timeout(DEADLINE_MS),
            })
          : // Variant B [CODE U2]: GET /v1/token?serial_id=, raw password in Authorization (no scheme).
            await fetch(`${baseUrl}/v1/token?serial_id=${encodeURIComponent(serialId.toUpperCase())}`, {
              headers: { authorization: password },
              signal: AbortSignal.timeout(DEADLINE_MS),
            });
      if (response.status !== 200) return null; // 401 = no record yet: keep polling
      const body = await json(response);
      const token = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['access_token'] : undefined;
      return typeof token === 'string' && token.length > 0 ? token : null; // 200 without a token: retry later
    } catch {
      return null;
    }
  };
}

/** A ProvisioningCamera `connect` against the simulator's camera connection point. */
export function httpConnect(baseUrl: string): (token: string, serialId: string) => Promise<boolean> {
  return async (token, serialId) => {
    try {
      const response = await fetch(`${baseUrl}/sim/camera/connect`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ access_token: token, serial_id: serialId }),
        signal: AbortSignal.timeout(DEADLINE_MS),
      });
      return response.status === 200;
    } catch {
      return false;
    }
  };
}

/** The lab clouds all listen on this port; a token names only the host (`cam`). */
const LAB_CLOUD_PORT = '8080';

/**
 * Where a camera connects with `token`: the `cam` host the token names (VXG's token carries its cloud, so a camera
 * moved to another account connects there), on the port of its provisioning URL; else the provisioning URL.
 */
export function cloudUrlOf(token: string, fallback: string | undefined): string {
  let host: string | undefined;
  try {
    host = /"cam":\s*"([^"\\]{1,253})"/.exec(Buffer.from(token.slice(0, 8192), 'base64').toString('utf8'))?.[1];
  } catch {
    host = undefined;
  }
  const port = fallback ? new URL(fallback).port || '80' : LAB_CLOUD_PORT;
  if (host && /^[A-Za-z0-9.:-]+$/.test(host)) return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return fallback ?? '';
}

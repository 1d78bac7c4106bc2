/**
 * VXG Cloud access tokens (reference: shared/reference/vxg-cloud.md §1). A token is standard base64 of a UTF-8
 * JSON object {camid, cmngrid, access, token, api, cam, ports…} [DOC H3]. The whole base64 string is a secret:
 * it carries the inner `token` that lets anyone stream or drive the camera.
 *
 * Hazards handled here: tokens arrive from pastes and from cloud replies (untrusted) — bounded length, strict
 * alphabet, no throw; the original string is kept byte for byte and never re-serialised (cameras compare it);
 * an AccessToken never prints its secret (toString/toJSON give the description only).
 */
import { z } from 'zod';

/** Real tokens are ~300 characters; 4 KiB leaves room for proxies and paths and stops a pasted file. */
export const MAX_ACCESS_TOKEN_CHARS = 4096;

export type AccessTokenKind = 'all' | 'watch' | 'group' | 'unknown';

const port = z.number().int().min(1).max(65535);
const host = z.string().min(1).max(253);
/** Fields we read; unknown fields are allowed and kept in the original string (never re-serialised). */
const tokenJson = z.looseObject({
  camid: z.number().int().nonnegative().optional(),
  cmngrid: z.number().int().nonnegative().optional(),
  access: z.string().max(32).optional(),
  token: z.string().min(1).max(MAX_ACCESS_TOKEN_CHARS),
  api: host.optional(),
  api_p: port.optional(),
  api_sp: port.optional(),
  cam: host.optional(),
  cam_p: port.optional(),
  cam_sp: port.optional(),
  path: z.string().max(256).optional(),
  uplink: host.optional(),
});

/** What the UI may show: every decoded field except the secret. */
export interface AccessTokenDescription {
  kind: AccessTokenKind;
  camid: number | null;
  cmngrid: number | null;
  access: string | null;
  /** REST host and ports, defaults applied as VXG's agent does (api_p 80, api_sp 443) [CODE E3]. */
  api: { host: string; port: number; tlsPort: number } | null;
  /** Camera-manager host: `cam`, else `api` [CODE E2]; ports default 8888 / 8883 [CODE E3]. */
  cam: { host: string; port: number; tlsPort: number } | null;
  uplink: string | null;
  /** Characters in the base64 string (lets a technician compare with what the dashboard shows). */
  length: number;
}

/** The description as a zod schema, for contract results that show a token to the UI. */
const endpointSchema = z.object({ host: z.string(), port: z.number().int(), tlsPort: z.number().int() }).nullable();
export const accessTokenDescriptionSchema = z.object({
  kind: z.enum(['all', 'watch', 'group', 'unknown']),
  camid: z.number().int().nullable(),
  cmngrid: z.number().int().nullable(),
  access: z.string().nullable(),
  api: endpointSchema,
  cam: endpointSchema,
  uplink: z.string().nullable(),
  length: z.number().int(),
});

export type DecodeResult = { ok: true; token: AccessToken } | { ok: false; message: string };

export class AccessToken {
  readonly #raw: string;
  readonly #description: AccessTokenDescription;

  /** Use decodeAccessToken(); the constructor trusts its arguments. */
  private constructor(raw: string, description: AccessTokenDescription) {
    this.#raw = raw;
    this.#description = description;
  }

  /** @internal factory for decodeAccessToken */
  static fromValidated(raw: string, description: AccessTokenDescription): AccessToken {
    return new AccessToken(raw, description);
  }

  get kind(): AccessTokenKind {
    return this.#description.kind;
  }
  get camid(): number | null {
    return this.#description.camid;
  }

  /** The original base64 string, byte for byte. Call only where the token is sent; never log the result. */
  reveal(): string {
    return this.#raw;
  }

  describe(): AccessTokenDescription {
    return structuredCloneDescription(this.#description);
  }

  /** JSON.stringify and template strings show the description, so a token passed to a logger leaks nothing. */
  toJSON(): AccessTokenDescription {
    return this.describe();
  }
  toString(): string {
    return `[access token ${this.kind}${this.camid === null ? '' : ` for channel ${this.camid}`}]`;
  }
}

function structuredCloneDescription(d: AccessTokenDescription): AccessTokenDescription {
  return { ...d, api: d.api && { ...d.api }, cam: d.cam && { ...d.cam } };
}

/**
 * Decode and validate a pasted or cloud-supplied token. Surrounding whitespace (copy-paste) is dropped; what
 * remains is kept exactly. Failures are sentences for the technician and never contain the input.
 */
export function decodeAccessToken(input: unknown): DecodeResult {
  if (typeof input !== 'string') return fail('The access token must be text.');
  if (input.length > MAX_ACCESS_TOKEN_CHARS * 2) return fail(tooLong());
  const raw = input.trim();
  if (raw.length === 0) return fail('The access token is empty; copy it again from the VXG dashboard.');
  if (raw.length > MAX_ACCESS_TOKEN_CHARS) return fail(tooLong());
  const bytes = decodeBase64(raw);
  if (!bytes) return fail('The access token is not base64; it may be cut off or contain extra characters. Copy it again.');
  const text = decodeUtf8(bytes);
  if (text === null) return fail('The access token does not decode to text; it may be cut off. Copy it again.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('The access token is cut off or damaged (its content is not JSON). Copy it again in full.');
  }
  const parsed = tokenJson.safeParse(json);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    return fail(
      typeof field === 'string'
        ? `The access token's "${field}" field is missing or has the wrong type; this is not a VXG camera token.`
        : 'The access token is not a JSON object of the kind VXG issues.',
    );
  }
  return { ok: true, token: AccessToken.fromValidated(raw, describeJson(parsed.data, raw.length)) };
}

function describeJson(t: z.infer<typeof tokenJson>, length: number): AccessTokenDescription {
  // A token with no camid is a group (SI) token [CODE W4 isSharedToken]; otherwise `access` says all or watch.
  const kind: AccessTokenKind = t.camid === undefined ? 'group' : t.access === 'all' ? 'all' : t.access === 'watch' ? 'watch' : 'unknown';
  const apiHost = t.api ?? null;
  const camHost = t.cam ?? apiHost;
  return {
    kind,
    camid: t.camid ?? null,
    cmngrid: t.cmngrid ?? null,
    access: t.access ?? null,
    api: apiHost === null ? null : { host: apiHost, port: t.api_p ?? 80, tlsPort: t.api_sp ?? 443 },
    cam: camHost === null ? null : { host: camHost, port: t.cam_p ?? 8888, tlsPort: t.cam_sp ?? 8883 },
    uplink: t.uplink ?? null,
    length,
  };
}

/**
 * Refuse tokens a camera must never receive: `watch` tokens are view-only and group (SI) tokens address many
 * channels, not one camera [INF from §1.3]; only an `access: "all"` token with a channel id may be written.
 */
export function assertWritableToCamera(token: AccessToken): void {
  const reason = unwritableReason(token);
  if (reason) throw new Error(reason);
}

/** The sentence assertWritableToCamera would throw, or null when the token may go to a camera. */
export function unwritableReason(token: AccessToken): string | null {
  switch (token.kind) {
    case 'all':
      return null;
    case 'watch':
      return 'This is a view-only ("watch") token; a camera needs the channel\'s "all" token from the VXG admin API.';
    case 'group':
      return 'This is a group token for several channels; a camera needs its own channel\'s "all" token.';
    default:
      return 'This token does not say it grants full access ("all"); a camera would not be able to connect with it.';
  }
}

/** REST base URL the way VXG's web client derives it (https on api_sp, plus `path`) [INF from W4]. */
export function apiBaseUrl(description: AccessTokenDescription, path = ''): string | null {
  if (!description.api) return null;
  const { host, tlsPort } = description.api;
  return `https://${host}${tlsPort === 443 ? '' : `:${tlsPort}`}${path}`;
}

const fail = (message: string): DecodeResult => ({ ok: false, message });
const tooLong = (): string => `The access token is longer than ${MAX_ACCESS_TOKEN_CHARS} characters; it is not a single VXG token.`;

// ---- strict base64 and UTF-8 (shared/ has no Buffer, atob or TextDecoder) ----

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SIXTETS = new Map([...ALPHABET].map((char, index) => [char, index]));
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Bytes of standard base64 (padding optional but, if present, correct), or null. */
export function decodeBase64(text: string): Uint8Array | null {
  if (!BASE64.test(text)) return null;
  const body = text.replace(/=+$/, '');
  if (text.length !== body.length && text.length % 4 !== 0) return null;
  if (body.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((body.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let out = 0;
  for (const char of body) {
    acc = ((acc << 6) | (SIXTETS.get(char) ?? 0)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (acc >> bits) & 0xff;
    }
  }
  return bytes;
}

/** The text in UTF-8 `bytes`, or null on malformed, overlong or surrogate sequences. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    const extra =
      lead < 0x80 ? 0 : lead >= 0xc2 && lead < 0xe0 ? 1 : lead >= 0xe0 && lead < 0xf0 ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : -1;
    if (extra < 0) return null;
    let cp = extra === 0 ? lead : lead & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (next & 0x3f);
    }
    if (cp < [0, 0x80, 0x800, 0x10000][extra]! || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    parts.push(String.fromCodePoint(cp));
    i += extra + 1;
  }
  return parts.join('');
}

/**
 * One cloud HTTP call with the retry rules both VXG services share:
 * - 429 is retried for every method: the server says it did not process the request.
 * - 5xx, timeouts and broken connections are retried only for idempotent calls (GET, DELETE); a POST that
 *   timed out may have created something, so repeating it could duplicate a channel or record.
 * - Back-off is exponential with jitter; a Retry-After header (seconds or HTTP date) wins when it is longer,
 *   capped so one hostile header cannot park a registration for a day.
 * Waiting goes through the injected Clock, so tests ride out a storm without real waits.
 */
import { parseJson, type HttpClient, type HttpRequest, type HttpResponse } from '../../platform/http.js';
import type { Clock } from '../../platform/ports.js';
import { failure, scrub, serverDetail, success, type CloudResult } from './failure.js';

export interface RetryPolicy {
  /** Total attempts including the first. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After we honour. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 };

export interface CallContext {
  http: HttpClient;
  clock: Clock;
  /** "the VXG admin API", "the provisioning service": used in sentences. */
  service: string;
  secrets: readonly string[];
  timeoutMs: number;
  retry: RetryPolicy;
  /** 0..1, for jitter; injected so tests are deterministic. */
  random: () => number;
}

/** Milliseconds from a Retry-After value, or null when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d{1,7}$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function backoffMs(ctx: CallContext, attempt: number, retryAfter: number | null): number {
  const exponential = Math.min(ctx.retry.maxDelayMs, ctx.retry.baseDelayMs * 2 ** (attempt - 1));
  const jittered = exponential / 2 + (exponential / 2) * ctx.random();
  return retryAfter === null ? jittered : Math.max(jittered, Math.min(retryAfter, ctx.retry.maxRetryAfterMs));
}

const sleep = (clock: Clock, ms: number): Promise<void> => new Promise((resolve) => clock.setTimeout(resolve, ms));

const isIdempotent = (method: HttpRequest['method']): boolean => method === 'GET' || method === 'DELETE' || method === 'PUT';

/**
 * Send `req`, retrying as above. Any HTTP status comes back as a response (the caller decides what 404 means);
 * only transport failures and exhausted retries become failures here.
 */
export async function callWithRetry(ctx: CallContext, req: HttpRequest): Promise<CloudResult<HttpResponse>> {
  const idempotent = isIdempotent(req.method);
  for (let attempt = 1; ; attempt++) {
    const outcome = await ctx.http.request({ ...req, timeoutMs: ctx.timeoutMs });
    const last = attempt >= ctx.retry.attempts;
    const tries = attempt === 1 ? '' : ` (${attempt} attempts)`;
    if (!outcome.ok) {
      const transient = outcome.kind === 'timeout' || outcome.kind === 'network';
      if (transient && idempotent && !last) {
        await sleep(ctx.clock, backoffMs(ctx, attempt, null));
        continue;
      }
      const advice =
        outcome.kind === 'timeout' || outcome.kind === 'network'
          ? " Check the laptop's internet connection and the address in the cloud settings."
          : '';
      const unsure = !idempotent && transient ? ' It may or may not have been applied; registering again is safe.' : '';
      return failure(
        outcome.kind === 'timeout' ? 'timeout' : outcome.kind === 'network' ? 'network' : 'bad-response',
        scrub(`${capitalise(ctx.service)} failed: ${outcome.message}${tries}${unsure}${advice}`, ctx.secrets),
      );
    }
    const { status } = outcome.response;
    const retryable = status === 429 || (status >= 500 && idempotent);
    if (!retryable) return success(outcome.response);
    if (last) {
      return status === 429
        ? failure(
            'rate-limited',
            `${capitalise(ctx.service)} is limiting requests (HTTP 429) and still was after ${attempt} attempts; wait a few minutes and try again.`,
            status,
          )
        : failure(
            'server',
            `${capitalise(ctx.service)} had an internal error (HTTP ${status}) on all ${attempt} attempts; try again later.`,
            status,
          );
    }
    await sleep(ctx.clock, backoffMs(ctx, attempt, retryAfterMs(outcome.response.headers['retry-after'], ctx.clock.now())));
  }
}

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A sentence for a reply the caller did not expect. `credentialHint` names what to check on 401/403;
 * `errorDetail` (VXG's error field [CODE W3]) or `detail` from the body is quoted, scrubbed and bounded.
 */
export function unexpectedReply<T>(
  ctx: Pick<CallContext, 'service' | 'secrets'>,
  response: HttpResponse,
  action: string,
  credentialHint: string,
): CloudResult<T> {
  const { status } = response;
  const body = parseJson(response.body);
  const detailField = isRecord(body) ? (body['errorDetail'] ?? body['detail'] ?? body['error']) : undefined;
  const detail = serverDetail(detailField, ctx.secrets);
  const said = detail ? ` It said: "${detail}".` : '';
  const service = capitalise(ctx.service);
  if (status === 401 || status === 403) {
    return failure(
      'unauthorized',
      `${service} refused the credentials while trying to ${action} (HTTP ${status}).${said} ${credentialHint}`,
      status,
    );
  }
  if (status === 404)
    return failure('not-found', `${service} did not find what we asked for while trying to ${action} (HTTP 404).${said}`, status);
  if (status === 409) return failure('conflict', `${service} reported a conflict while trying to ${action} (HTTP 409).${said}`, status);
  if (status >= 500)
    return failure(
      'server',
      `${service} had an internal error while trying to ${action} (HTTP ${status}).${said} Try again later.`,
      status,
    );
  if (status < 300) return failure('refused', `${service} reported an error while trying to ${action}.${said}`, status);
  return failure('refused', `${service} refused to ${action} (HTTP ${status}).${said}`, status);
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

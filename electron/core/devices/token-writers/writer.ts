/**
 * The token writer port (issue #9): put a VXG access token straight onto a camera, or onto the gateway that
 * carries it to the cloud, so it comes online without the provisioning poll. One writer per route (Axis with
 * VXG Cloud Agent, VXG gateway …); see README.md for how to add one.
 *
 * Every writer: refuses tokens a camera must not hold (codec), changes nothing it cannot put back, reports each
 * step through `onStep` for the audit log, and answers with a sentence. Hazard: no step, sentence or log line
 * may carry the token, its inner secret or a password — writers pass only what they composed themselves.
 */
import type { AccessToken } from '../../../../shared/access-token.js';
import type { Device } from '../../../../shared/device.js';

/** What a writer needs to know about the camera; a subset of the inventory's Device record. */
export type TokenTarget = Pick<Device, 'id' | 'ip' | 'mac' | 'serial' | 'vendor' | 'manufacturer' | 'cloudAgent'>;

export type Fit = { fits: true } | { fits: false; reason: string };

/** Audit actions: `camera.token.<step>`. */
export type TokenWriteStepName = 'check' | 'read' | 'write' | 'read-back' | 'restart' | 'confirm' | 'rollback';

export interface TokenWriteStep {
  step: TokenWriteStepName;
  result: 'ok' | 'failed' | 'info';
  /** A sentence with no token and no password. */
  message: string;
}

/** The cloud side of "did it work": resolves when the channel reports the camera online, or says why not. */
export type ConfirmOnline = (channelId: number) => Promise<{ ok: true } | { ok: false; message: string }>;

export interface TokenWriteRequest {
  camera: TokenTarget;
  token: AccessToken;
  /** Replace a token that belongs to another channel (moving the camera to another channel or account). */
  force?: boolean;
  onStep?: (step: TokenWriteStep) => void;
}

/**
 * - `written`: written, read back equal, restarted, and online where a confirmOnline was given.
 * - `unchanged`: stopped before anything was changed (wrong credentials, agent absent, watch token …).
 * - `rolled-back`: a step failed after a change; the previous token is back and was read back equal.
 * - `rollback-failed`: a step failed and the previous token could not be restored; the sentence says what to do.
 */
export type TokenWriteStatus = 'written' | 'unchanged' | 'rolled-back' | 'rollback-failed';

export interface TokenWriteOutcome {
  status: TokenWriteStatus;
  /** The step that failed, or null when written. */
  failedStep: TokenWriteStepName | null;
  /** The channel the camera now belongs to (the token's camid) when written. */
  channelId: number | null;
  message: string;
  /**
   * The camera refused (or locked) the credential set: the caller must not retry it blindly, since each
   * refusal counts towards the camera's lockout. Absent when the login was accepted or never tried.
   */
  loginRefused?: 'unauthorized' | 'locked';
}

export interface TokenWriter {
  /** Short name for logs and the UI: `axis-vxg-agent`, `vxg-gateway`. */
  readonly name: string;
  /** Whether this writer can reach the camera's agent, from what identification already knows. */
  fits(camera: TokenTarget): Fit;
  write(request: TokenWriteRequest): Promise<TokenWriteOutcome>;
  /**
   * Empty the camera's token and restart its agent, so it asks the provisioning service again (moving a camera
   * to another account by reset, reference §4). Same read-back and rollback as write; absent where the route
   * has no token to empty (the gateway).
   */
  clear?(request: TokenClearRequest): Promise<TokenWriteOutcome>;
}

export interface TokenClearRequest {
  camera: TokenTarget;
  onStep?: (step: TokenWriteStep) => void;
}

/**
 * Masks secrets in sentences built from device replies: a hostile or chatty camera can echo a value back inside
 * an error line the client quotes. `add` takes secrets learnt mid-write (the token read from the camera).
 */
export function redactor(secrets: string[]): { hide: (text: string) => string; add: (secret: string) => void } {
  const known = new Set<string>();
  const add = (secret: string): void => {
    if (secret.length >= 4) known.add(secret);
  };
  secrets.forEach(add);
  return {
    add,
    hide: (text) => [...known].reduce((out, secret) => out.split(secret).join('[hidden]'), text),
  };
}

/**
 * Call onStep with secrets masked, never letting a listener's failure break a write half-way (that could leave
 * no rollback).
 */
export function stepReporter(
  onStep: TokenWriteRequest['onStep'],
  hide: (text: string) => string = (t) => t,
): (step: TokenWriteStep) => void {
  return (step) => {
    try {
      onStep?.({ ...step, message: hide(step.message) });
    } catch {
      // the audit sink's problem, not the camera's
    }
  };
}

/** confirmOnline that cannot throw: a broken watcher must still let the writer roll back. */
export async function confirmSafely(confirm: ConfirmOnline, channelId: number): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    return await confirm(channelId);
  } catch {
    return { ok: false, message: `The online check for channel ${channelId} stopped with an internal error.` };
  }
}

/** Who a sentence names: the IP a technician sees in the table, else the device id. */
export const cameraLabel = (camera: TokenTarget): string => camera.ip ?? camera.id;

/**
 * One browser-mode client: its requests go through `dispatch`, answers and the core's events go back as
 * typed frames. Hazards handled here (the client holds the token but is still untrusted):
 * - every frame that can be answered is, with an error Result carrying its id (`null` when none was readable);
 * - a client that sends but never reads is paused at WS_SOFT_BUFFER_BYTES and dropped at WS_HARD_BUFFER_BYTES;
 * - at most WS_MAX_IN_FLIGHT requests per client are in the core at once;
 * - an answer too large for one frame becomes an error Result instead of a RangeError or an oversized frame.
 */
import { eventNames, type CommandName, type CommandResult, type EventName, type EventPayload } from '../../shared/contract.js';
import { dispatch } from '../../shared/dispatch.js';
import { WS_HARD_BUFFER_BYTES, WS_MAX_IN_FLIGHT, WS_SOFT_BUFFER_BYTES } from '../../shared/limits.js';
import { fail, type Result } from '../../shared/result.js';
import { encodeFrame, eventFrame, MAX_FRAME_BYTES, readFrameId, requestFrameSchema, responseFrame } from '../../shared/wire.js';
import type { Core } from '../core/core.js';
import type { LogFields } from '../platform/ports.js';

export interface SessionLimits {
  softBufferBytes: number;
  hardBufferBytes: number;
  maxInFlight: number;
  maxFrameBytes: number;
}

export const defaultSessionLimits: SessionLimits = {
  softBufferBytes: WS_SOFT_BUFFER_BYTES,
  hardBufferBytes: WS_HARD_BUFFER_BYTES,
  maxInFlight: WS_MAX_IN_FLIGHT,
  maxFrameBytes: MAX_FRAME_BYTES,
};

/** The slice of a `ws` WebSocket a session uses; tests drive it with a fake to check the flow control. */
export interface SessionSocket {
  readonly readyState: number;
  readonly OPEN: number;
  /** Bytes queued for the client and not yet handed to the OS. */
  readonly bufferedAmount: number;
  send(data: string, done?: (error?: Error) => void): void;
  /** Stop / restart reading the client's frames (TCP back-pressure reaches the client). */
  pause(): void;
  resume(): void;
  terminate(): void;
  on(event: 'message', listener: (data: unknown, isBinary: boolean) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface SessionDeps {
  core: Core;
  /** Rate-limited: a hostile client must not be able to flood the log. */
  warn: (message: string, fields?: LogFields) => void;
  limits?: SessionLimits;
}

const TOO_LARGE = (command: string) =>
  `The answer to ${command.slice(0, 64)} is too large to send to this page; scan fewer interfaces or restart Camera Finder.`;

export function serveSession(ws: SessionSocket, deps: SessionDeps): void {
  const limits = deps.limits ?? defaultSessionLimits;
  let inFlight = 0;
  let paused = false;

  /** Pause reading while the client lags or has too much in the core; drop it once it lags past the hard bound. */
  const flow = () => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > limits.hardBufferBytes) {
      deps.warn('dropped a browser-mode client that stopped reading its answers', { bufferedBytes: ws.bufferedAmount });
      ws.terminate();
      return;
    }
    const hold = ws.bufferedAmount > limits.softBufferBytes || inFlight >= limits.maxInFlight;
    if (hold !== paused) {
      paused = hold;
      if (hold) ws.pause();
      else ws.resume();
    }
  };
  const sendText = (text: string) => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(text, flow); // the callback runs once this frame is handed to the OS: the buffer may have drained
    flow();
  };
  const answer = (id: number | null, result: Result<CommandResult<CommandName>>, command = 'this request') => {
    const text =
      encodeFrame(responseFrame(id, result), limits.maxFrameBytes) ?? encodeFrame(responseFrame(id, fail('internal', TOO_LARGE(command))));
    if (text !== null) sendText(text); // null is unreachable: a short error frame always encodes
  };
  const forward = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    const text = encodeFrame(eventFrame(event, payload), limits.maxFrameBytes);
    if (text === null) deps.warn('dropped an event too large for one frame', { event });
    else sendText(text);
  };

  const unsubscribe = eventNames.map((event) => deps.core.on(event, (payload) => forward(event, payload)));
  ws.on('close', () => unsubscribe.forEach((u) => u()));
  // Protocol errors (oversized or unmasked frames, bad UTF-8, reserved opcodes, bad close codes) land here;
  // ws closes the socket itself. Without this listener any one of them ended the process.
  ws.on('error', (error) => deps.warn('closed a browser-mode client after a protocol error', { error: error.message }));

  ws.on('message', (data, isBinary) => {
    if (isBinary) return refuse(null, 'Camera Finder accepts text frames only.', 'binary');
    let json: unknown;
    try {
      json = JSON.parse(String(data));
    } catch {
      return refuse(null, 'The frame is not JSON; send {"id", "command", "args"}.', 'not JSON');
    }
    const frame = requestFrameSchema.safeParse(json);
    if (!frame.success) return refuse(readFrameId(json), 'The frame is not a request; send {"id", "command", "args"}.', 'not a request');
    const { id, command, args } = frame.data;
    if (inFlight >= limits.maxInFlight) {
      return answer(id, fail('busy', `More than ${limits.maxInFlight} requests are waiting; wait for answers before sending more.`));
    }
    inFlight++;
    flow();
    void dispatch(deps.core, command, args)
      .catch((error: unknown) => fail('internal', `${command.slice(0, 64)} failed: ${String(error)}`))
      .then((result) => {
        inFlight--;
        answer(id, result, command);
        flow();
      });
  });

  function refuse(id: number | null, message: string, why: string): void {
    deps.warn('answered a malformed browser-mode frame with an error', { why });
    answer(id, fail('invalid-args', message));
  }
}

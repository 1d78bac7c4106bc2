import {
  commands,
  events,
  isEventName,
  apiCommands,
  type Api,
  type CommandArgs,
  type CommandName,
  type CommandResult,
  type EventName,
} from '../../../shared/contract.js';
import { fail, type Result } from '../../../shared/result.js';
import { eventFrameSchema, MAX_FRAME_BYTES, responseFrameSchema } from '../../../shared/wire.js';

/** The token is no longer in the address bar (page-token.ts), so a plain reload cannot reconnect. */
export const LOST_CONNECTION_MESSAGE = 'Lost connection to Camera Finder; open the link it printed again (it ends in ?token=…).';

/** The slice of the browser WebSocket (and of the `ws` package's) that the client uses. */
export type WebSocketLike = {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
};
export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** The browser-mode Api, plus a way to learn that the socket closed (nothing will update after that). */
export type WsApi = Api & { onDisconnect(listener: (message: string) => void): () => void };

const OPEN = 1;
/** Dropped frames are logged (without their content) so a contract mismatch is visible in the console. */
const drop = (why: string) => console.warn(`Camera Finder: dropped a WebSocket frame (${why}).`);
type Pending = { resolve: (result: Result<unknown>) => void };

/** The command's own result schema checks a successful answer's value before the views see it. */
function decode<K extends CommandName>(command: K, result: Result<unknown>): Result<CommandResult<K>> {
  if (!result.ok) return result;
  const value = commands[command].result.safeParse(result.value);
  return value.success
    ? { ok: true, value: value.data as CommandResult<K> }
    : fail(
        'internal',
        `Camera Finder sent an answer to ${command} this page does not understand; open the link Camera Finder printed again.`,
      );
}

/**
 * Talks to the core over the browser-mode WebSocket. Every frame from the server is parsed with the
 * contract's schemas and dropped when it does not fit; nothing here throws into the views.
 */
export function createWsApi(url: string, WebSocketImpl?: WebSocketConstructor): WsApi {
  const Impl = WebSocketImpl ?? (globalThis.WebSocket as unknown as WebSocketConstructor);
  const socket = new Impl(url);
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const disconnectListeners = new Set<(message: string) => void>();
  const queue: string[] = [];
  let nextId = 1;
  let closed = false;

  socket.onopen = () => {
    for (const frame of queue.splice(0)) socket.send(frame);
  };
  socket.onmessage = (event) => receive(event.data);
  socket.onerror = () => undefined; // a close always follows; that is where pending calls are failed
  socket.onclose = () => {
    if (closed) return;
    closed = true;
    queue.length = 0;
    for (const { resolve } of pending.values()) resolve(fail('unavailable', LOST_CONNECTION_MESSAGE));
    pending.clear();
    for (const listener of disconnectListeners) listener(LOST_CONNECTION_MESSAGE);
  };

  function receive(data: unknown): void {
    if (typeof data !== 'string' || data.length > MAX_FRAME_BYTES) return drop('not a text frame within the size limit');
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return drop('not JSON');
    }
    const response = responseFrameSchema.safeParse(frame);
    if (response.success) return settle(response.data.id, response.data.result);
    const event = eventFrameSchema.safeParse(frame);
    if (!event.success || !isEventName(event.data.event)) return drop('neither an answer nor a known event');
    const payload = events[event.data.event].safeParse(event.data.payload);
    if (!payload.success) return drop(`${event.data.event} payload does not fit the contract`);
    for (const listener of listeners.get(event.data.event) ?? []) {
      try {
        listener(payload.data);
      } catch (error) {
        console.error(`Listener for ${event.data.event} failed`, error);
      }
    }
  }

  function settle(id: number | null, result: Result<unknown>): void {
    // id null answers a frame the server could not read; this client never sends one, so nothing waits for it.
    const call = id === null ? undefined : pending.get(id);
    if (id === null || !call) return;
    pending.delete(id);
    call.resolve(result);
  }

  function request<K extends CommandName>(command: K, args: CommandArgs<K>): Promise<Result<CommandResult<K>>> {
    if (closed) return Promise.resolve(fail('unavailable', LOST_CONNECTION_MESSAGE));
    const id = nextId++;
    const frame = JSON.stringify({ id, command, args: args ?? {} });
    const answer = new Promise<Result<unknown>>((resolve) => {
      pending.set(id, { resolve });
      if (socket.readyState === OPEN) socket.send(frame);
      else queue.push(frame);
    });
    return answer.then((result) => decode(command, result));
  }

  const methods = apiCommands((name) => (args) => request(name, args));
  return {
    ...methods,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => void set.delete(entry);
    },
    onDisconnect(listener) {
      if (closed) queueMicrotask(() => listener(LOST_CONNECTION_MESSAGE));
      disconnectListeners.add(listener);
      return () => void disconnectListeners.delete(listener);
    },
  };
}

import type { EventListener, EventName, EventPayload } from '../../shared/contract.js';

/** A typed event hub; a throwing listener is isolated so one broken front door cannot stop the others. */
export class EventHub {
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  on<E extends EventName>(event: E, listener: EventListener<E>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as (payload: never) => void);
    this.listeners.set(event, set);
    return () => void set.delete(listener as (payload: never) => void);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as EventListener<E>)(payload);
      } catch {
        // A listener's failure is its own; the core keeps running.
      }
    }
  }
}

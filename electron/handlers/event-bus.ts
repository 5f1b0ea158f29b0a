// Events of the Api (import progress, library changes), fanned out to every transport.
import type { ApiEventName, ApiEvents } from '../api.ts';

type Listener = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void;

export class EventBus {
  private listeners = new Set<Listener>();

  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void {
    for (const l of this.listeners) {
      try {
        l(event, payload);
      } catch {
        // One broken subscriber (a closed HTTP stream) must not stop the others.
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

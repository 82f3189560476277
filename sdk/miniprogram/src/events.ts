import type { Recipient } from './generated/messages';

/** What a page shows: one of four states, with what it needs for a banner. */
export type ConnectionState =
  /** A socket is being opened; attempt is the reconnect attempt n (absent for the app's own connect). */
  | { state: 'connecting'; attempt?: number }
  | { state: 'open'; sessionId: string; userId: string }
  /**
   * The link ended and the client tries again after delayMs. attempt is the n of the next attempt
   * (0 for the first after a session); maxAttempts is null unless the app set a limit. code is
   * absent when no socket opened.
   */
  | { state: 'reconnecting'; attempt: number; maxAttempts: number | null; delayMs: number; code?: number; reason: string }
  /** Stopped until the next connect(): asked for, refused by the server, or misconfigured. */
  | { state: 'closed'; cause: CloseCause; code?: number; reason: string };

export type CloseCause = 'closed_by_app' | 'refused_by_server' | 'configuration' | 'gave_up';

/** A chat for this user, handed to the application once per (from, id) (LL-DD-6). */
export interface Delivery {
  id: string;
  seq: number;
  from: string;
  to: Recipient;
  body: string;
  ts: number;
  redelivered: boolean;
}

export interface Acked {
  id: string;
  seq: number;
  ts: number;
  duplicate: boolean;
  sessionId: string;
}

/**
 * A chat, join or leave settled without success: the server's error code as received (unknown
 * ones included), or the client's own not_confirmed, too_large, no_signing_key.
 */
export interface Failed {
  id: string;
  kind: 'chat' | 'join' | 'leave';
  code: string;
  reason: string;
}

/**
 * Something the application is told about that is not a message's fate: configuration
 * (insecure_url, no_signing_key), an error from the server that names no message of ours, a
 * frame the client could not read, a handler that threw.
 */
export interface ClientError {
  code: 'insecure_url' | 'no_signing_key' | 'server_error' | 'unreadable_frame' | 'handler_failed';
  message: string;
}

export interface ClientEvents {
  state: ConnectionState;
  acked: Acked;
  failed: Failed;
  joined: { id: string; room: string };
  left: { id: string; room: string };
  error: ClientError;
}

type Listener<T> = (event: T) => void;

/** A tiny typed emitter; a throwing listener does not stop the others or the client. */
export class Emitter<E> {
  private readonly listeners = new Map<keyof E, Set<Listener<never>>>();

  on<K extends keyof E>(type: K, listener: Listener<E[K]>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => void set.delete(listener as Listener<never>);
  }

  emit<K extends keyof E>(type: K, event: E[K]): void {
    const set = this.listeners.get(type);
    if (!set) return;
    for (const listener of Array.from(set)) {
      try {
        (listener as Listener<E[K]>)(event);
      } catch (failure) {
        // An application bug in a listener must not break the link; say so where a developer looks.
        console.error('longlink: a listener of "' + String(type) + '" threw', failure);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}

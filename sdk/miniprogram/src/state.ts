import type { Recipient } from './generated/messages';
import type { StoredEntry } from './outbox';
import type { Storage } from './storage';

/** What a persisting client keeps, in the shape of DRIVER.md's stored state. */
export interface StoredState {
  last_seq?: number;
  epoch?: string;
  outbox?: Array<{ id: string; to: Recipient; body: string; first_sent_ms?: number }>;
}

/**
 * Writes a stored state where a client on that storage reads it: for a driver that plays an app
 * restart, or an app that moves its queue from an older store. Call it before createClient.
 */
export function writeStoredState(storage: Storage, state: StoredState, storageKey = 'longlink'): void {
  if (state.last_seq !== undefined) {
    storage.set(storageKey + '.resume', JSON.stringify({ last_seq: state.last_seq, epoch: state.epoch ?? null }));
  }
  if (state.outbox) {
    const entries: StoredEntry[] = state.outbox.map((c) => {
      const e: StoredEntry = { kind: 'chat', id: c.id, to: { kind: c.to.kind, id: c.to.id }, body: c.body };
      if (c.first_sent_ms !== undefined) e.first_sent_ms = c.first_sent_ms;
      return e;
    });
    storage.set(storageKey + '.outbox', JSON.stringify(entries));
  }
}

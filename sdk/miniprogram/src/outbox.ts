import type { Chat, ChatAck, ErrorMessage, Recipient } from './generated/messages';
import type { Acked, Failed } from './events';
import type { SessionParams } from './params';
import { RatePacer } from './pacer';
import { NO_CANCEL, type Cancel, type Scheduler } from './scheduler';
import { signChat } from './signing';
import { readJson, type Storage } from './storage';
import { utf8Length } from './utf8';

/** One chat, join or leave as it is kept: enough to send it again, with its id, after a restart. */
export interface StoredEntry {
  kind: 'chat' | 'join' | 'leave';
  id: string;
  to?: Recipient;
  body?: string;
  room?: string;
  /** When the chat first left the client, where its dedup window starts (LL-DD-7). */
  first_sent_ms?: number;
}

interface Entry {
  stored: StoredEntry;
  /** Sent on the current session and not answered yet. */
  inFlight: boolean;
  /** Not to be sent before this time: an error's retry_after_ms (LL-CHAT-8). */
  notBefore: number;
  /** The dedup window of the first send is over: never sent again (LL-DD-7). */
  expired: boolean;
  expiry: Cancel;
}

/** The errors after which the client sends the message again itself (§17's "Resent"). */
const RESENT = new Set(['rate_limited', 'queue_full', 'unavailable']);

export interface OutboxEvents {
  acked(a: Acked): void;
  failed(f: Failed): void;
  answered(kind: 'join' | 'leave', id: string, room: string): void;
}

/**
 * Everything sent that waits for an answer, in the order the application gave it, joins and
 * leaves among the chats (LL-RC-8, LL-RC-9). Kept until settled (LL-CHAT-7), in storage so that
 * it outlives the app; queued while there is no session and sent again, with the same ids, on
 * the next; paced under the rate limit and bounded by the size limit (LL-LIM-8, LL-LIM-13).
 */
export class Outbox {
  private readonly waiting = new Map<string, Entry>();
  private readonly pacer = new RatePacer();
  private send: ((frame: string) => void) | null = null;
  private sessionId = '';
  private offsetMs = 0;
  private chatsAllowed = true;
  private wake: Cancel = NO_CANCEL;
  private readonly key: string;

  constructor(
    private readonly storage: Storage,
    prefix: string,
    private readonly scheduler: Scheduler,
    private readonly params: () => SessionParams,
    private readonly signingKey: number[] | null,
    private readonly events: OutboxEvents,
  ) {
    this.key = prefix + '.outbox';
    for (const stored of readJson<StoredEntry[]>(storage, this.key, [], Array.isArray)) {
      if (stored && typeof stored.id === 'string') this.waiting.set(stored.id, entry(stored));
    }
  }

  has(id: string): boolean {
    return this.waiting.has(id);
  }

  /** Queues a chat, join or leave. */
  add(stored: StoredEntry): void {
    const e = entry(stored);
    if (stored.kind === 'chat') {
      if (this.send && !this.chatsAllowed) return this.fail(e, 'no_signing_key', NO_KEY);
      const bytes = utf8Length(this.frame(stored, this.scheduler.now()));
      if (bytes > this.params().maxMessageBytes) return this.fail(e, 'too_large', this.tooLarge(bytes));
    }
    this.waiting.set(stored.id, e);
    this.save();
    this.pump();
  }

  /**
   * A session began: everything unsettled goes out again, in order, but chats whose dedup window
   * is over by this session's dedup_window_ms (LL-DD-7), and every chat when the session signs
   * and there is no key (LL-SEC-8). offsetMs is the server's clock minus ours (LL-SEC-7).
   */
  sessionStarted(send: (frame: string) => void, sessionId: string, offsetMs: number, chatsAllowed: boolean): void {
    this.send = send;
    this.sessionId = sessionId;
    this.offsetMs = offsetMs;
    this.chatsAllowed = chatsAllowed;
    for (const e of Array.from(this.waiting.values())) {
      e.inFlight = false;
      if (e.stored.kind === 'chat' && !chatsAllowed) this.fail(e, 'no_signing_key', NO_KEY);
      else if (e.stored.first_sent_ms !== undefined) this.armExpiry(e);
    }
    this.pump();
  }

  /** The session ended: what was in flight goes again on the next, unless its window is over. */
  sessionEnded(): void {
    this.send = null;
    this.wake();
    for (const e of Array.from(this.waiting.values())) {
      e.inFlight = false;
      if (e.expired) this.notConfirmed(e);
    }
  }

  acked(ack: ChatAck): void {
    const e = this.waiting.get(ack.id);
    if (!e || e.stored.kind !== 'chat') return;
    this.settle(e);
    this.events.acked({ id: ack.id, seq: ack.seq, ts: ack.ts, duplicate: ack.duplicate, sessionId: this.sessionId });
  }

  answered(kind: 'join' | 'leave', id: string, room: string): void {
    const e = this.waiting.get(id);
    if (!e || e.stored.kind !== kind) return;
    this.settle(e);
    this.events.answered(kind, id, room);
  }

  /** An error: false when its ref names nothing waiting. */
  refused(error: ErrorMessage): boolean {
    const e = error.ref === undefined ? undefined : this.waiting.get(error.ref);
    if (!e) return false;
    if (RESENT.has(error.code) && !e.expired) {
      e.inFlight = false;
      const wait = typeof error.retry_after_ms === 'number' ? error.retry_after_ms : this.params().initialDelayMs;
      e.notBefore = this.scheduler.now() + wait;
      this.pump();
    } else {
      // Every other code settles, unknown ones too (LL-CHAT-8, LL-ERRC-1).
      this.fail(e, error.code, error.message);
    }
    return true;
  }

  /** The client is stopping: timers go; the entries stay in storage for the next client. */
  stop(): void {
    this.send = null;
    this.wake();
    this.waiting.forEach((e) => e.expiry());
  }

  private pump(): void {
    this.wake();
    this.wake = NO_CANCEL;
    if (!this.send) return;
    const now = this.scheduler.now();
    let next = Infinity;
    for (const e of Array.from(this.waiting.values())) {
      if (e.inFlight || e.expired) continue;
      if (e.notBefore > now) {
        next = Math.min(next, e.notBefore);
        continue;
      }
      const slot = this.pacer.nextSlot(now, this.params());
      if (slot > now) {
        next = Math.min(next, slot);
        break;
      }
      this.transmit(e, now);
    }
    if (next !== Infinity) this.wake = this.scheduler.schedule(next - now, () => this.pump());
  }

  private transmit(e: Entry, now: number): void {
    if (e.stored.kind === 'chat' && e.stored.first_sent_ms === undefined) {
      e.stored.first_sent_ms = now;
      this.save();
      this.armExpiry(e);
    }
    // Every copy is signed afresh on the server's clock (LL-SEC-6, LL-SEC-7); the id keeps it a repeat.
    const frame = this.frame(e.stored, now + this.offsetMs);
    const bytes = utf8Length(frame);
    if (bytes > this.params().maxMessageBytes) return this.fail(e, 'too_large', this.tooLarge(bytes));
    this.send!(frame);
    this.pacer.record(now);
    e.inFlight = true;
  }

  private frame(s: StoredEntry, ts: number): string {
    if (s.kind !== 'chat') return JSON.stringify({ type: s.kind, id: s.id, room: s.room });
    const chat: Chat = { type: 'chat', id: s.id, to: s.to!, body: s.body! };
    if (this.params().signing && this.signingKey) {
      chat.ts = ts;
      chat.sig = signChat(this.signingKey, { id: s.id, to: s.to!, body: s.body!, ts });
    }
    return JSON.stringify(chat);
  }

  private armExpiry(e: Entry): void {
    e.expiry();
    const end = e.stored.first_sent_ms! + this.params().dedupWindowMs;
    const now = this.scheduler.now();
    if (end <= now) this.expire(e);
    else e.expiry = this.scheduler.schedule(end - now, () => this.expire(e));
  }

  private expire(e: Entry): void {
    // One in flight can still be acked on this session; it is given up when the session ends.
    e.expired = true;
    if (!e.inFlight) this.notConfirmed(e);
  }

  private notConfirmed(e: Entry): void {
    this.fail(e, 'not_confirmed', 'no ack within dedup_window_ms of the first send; sending it again could deliver it twice, so the client gave up (LL-DD-7); it may have been delivered');
  }

  private tooLarge(bytes: number): string {
    return 'the chat frame is ' + bytes + ' bytes, larger than limits.max_message_bytes (' + this.params().maxMessageBytes + '); send a shorter body (LL-LIM-8)';
  }

  private settle(e: Entry): void {
    this.waiting.delete(e.stored.id);
    e.expiry();
    this.save();
  }

  private fail(e: Entry, code: string, reason: string): void {
    this.settle(e);
    this.events.failed({ id: e.stored.id, kind: e.stored.kind, code, reason });
  }

  private save(): void {
    this.storage.set(this.key, JSON.stringify(Array.from(this.waiting.values(), (e) => e.stored)));
  }
}

const NO_KEY = 'the session signs chats (auth_ok advertises signing) and the client has no signing key; give signingKey to createClient (LL-SEC-8)';

function entry(stored: StoredEntry): Entry {
  return { stored, inFlight: false, notBefore: 0, expired: false, expiry: NO_CANCEL };
}

import type { AuthOk, Recipient } from './generated/messages';
import { Connector } from './connector';
import type { ServerMessage } from './decode';
import { checkUrl } from './endpoint';
import { Emitter, type ClientError, type ClientEvents, type ConnectionState } from './events';
import { Inbox, type DeliveryHandler } from './inbox';
import { wxLifecycle, type Lifecycle } from './lifecycle';
import { Outbox } from './outbox';
import { Reporter, type ReporterOptions } from './reporter';
import { systemScheduler, type Scheduler } from './scheduler';
import { decodeKey } from './signing';
import { memoryStorage, wxStorage, type Storage } from './storage';
import type { Transport } from './transport/types';
import { webSocketTransport } from './transport/websocket';
import { wxTransport } from './transport/wx';

/** User and room ids: 1-128 printable ASCII characters without spaces (spec/schemas/defs.json). */
const ID128 = /^[!-~]{1,128}$/;

export const LIBRARY_NAME = 'longlink-miniprogram';
export const LIBRARY_VERSION = '1.1.0';

export interface ClientOptions {
  /** wss://host/path; ws:// only to a loopback host (LL-SEC-1). No token in it (LL-SEC-2). */
  url: string;
  token: string;
  /** Called once per (from, id); the delivery is acked when it returns or its promise resolves. */
  onDelivery: DeliveryHandler;
  /** The 32-byte key of PROTOCOL.md §18 in base64url, when the server signs chats. */
  signingKey?: string;
  /** Default: wx.connectSocket when there is a wx, else the standard WebSocket. */
  transport?: Transport;
  /** Default: wx storage when there is a wx, else memory. */
  storage?: Storage;
  /** Storage keys start with this; give one per user when several users share a device. Default "longlink". */
  storageKey?: string;
  /** Default: wx's network and app events when there is a wx; false for none. */
  lifecycle?: Lifecycle | false;
  reporter?: ReporterOptions;
  /** Give up after this many failed reconnect attempts in a row (closed, cause gave_up). Default: never, as LL-RC-1 asks. */
  maxAttempts?: number;
  /** Your app's name and version in auth (LL-AUTH-13); default this library's. */
  clientName?: string;
  clientVersion?: string;
  scheduler?: Scheduler;
  random?: () => number;
}

export interface SendOptions {
  /** The message id; default a new random one. The same id makes a resend a repeat (LL-DD-1). */
  id?: string;
}

/** The mini program's global, when there is one. */
function wxGlobal(): Record<string, unknown> | undefined {
  return typeof wx === 'object' && wx !== null ? (wx as Record<string, unknown>) : undefined;
}

/** A Longlink client. Pages bind to on('state'), and call destroy() in onUnload. */
export class LonglinkClient {
  private readonly events = new Emitter<ClientEvents>();
  private readonly connector: Connector;
  private readonly inbox: Inbox;
  private readonly outbox: Outbox;
  private readonly scheduler: Scheduler;
  private readonly reporter: Reporter | null;
  private readonly unsubscribe: Array<() => void> = [];
  private readonly signingKey: number[] | null;
  private readonly urlProblem: string | null;
  private token: string;
  private sessionId: string | undefined;
  private destroyed = false;
  private ids = 0;

  constructor(private readonly o: ClientOptions) {
    if (typeof o.onDelivery !== 'function') throw new TypeError('onDelivery is ' + typeof o.onDelivery + '; give a function that takes a delivery');
    if (typeof o.token !== 'string' || o.token === '') throw new TypeError('token is missing; give the token the application got at login (it travels only inside auth)');
    this.signingKey = o.signingKey === undefined ? null : decodeKey(o.signingKey);
    if (o.signingKey !== undefined && !this.signingKey) throw new TypeError('signingKey is not 32 bytes in base64url without padding (43 characters of A-Z a-z 0-9 - _)');
    for (const [name, value, max] of [['clientName', o.clientName, 64], ['clientVersion', o.clientVersion, 32]] as const) {
      if (value !== undefined && (typeof value !== 'string' || value.length < 1 || value.length > max)) throw new TypeError(name + ' is ' + JSON.stringify(value) + '; give 1-' + max + ' characters (it goes into auth)');
    }
    this.token = o.token;
    this.urlProblem = checkUrl(o.url, o.token);
    const wx = wxGlobal();
    this.scheduler = o.scheduler ?? systemScheduler;
    const storage = o.storage ?? (wx ? wxStorage(wx as never) : memoryStorage());
    const prefix = o.storageKey ?? 'longlink';
    this.reporter = o.reporter ? new Reporter(o.reporter, this.scheduler) : null;
    const report = (e: ClientError) => this.error(e);
    this.inbox = new Inbox(storage, prefix, o.onDelivery, report);
    this.outbox = new Outbox(storage, prefix, this.scheduler, () => this.connector.params, this.signingKey, {
      acked: (a) => this.events.emit('acked', a),
      failed: (f) => this.events.emit('failed', f),
      answered: (kind, id, room) => this.events.emit(kind === 'join' ? 'joined' : 'left', { id, room }),
    });
    const transport = o.transport ?? (wx ? wxTransport(wx as never) : webSocketTransport());
    this.connector = new Connector(
      { url: o.url, transport, scheduler: this.scheduler, random: o.random ?? Math.random, maxAttempts: o.maxAttempts ?? Infinity },
      {
        auth: () => this.auth(),
        sessionStarted: (ok, params, send) => this.sessionStarted(ok, params.signing, send),
        sessionEnded: () => {
          this.outbox.sessionEnded();
          this.inbox.sessionEnded();
        },
        received: (m) => this.received(m),
        unreadable: (problem) => this.error({ code: 'unreadable_frame', message: 'ignored a frame the client could not read: ' + problem }),
        state: (s) => this.state(s),
      },
    );
    const lifecycle = o.lifecycle === undefined ? (wx ? wxLifecycle(wx as never) : false) : o.lifecycle;
    if (lifecycle) {
      this.unsubscribe.push(
        lifecycle.onNetwork((online) => this.connector.networkChanged(online)),
        lifecycle.onAppShow(() => this.connector.platformBack()),
        lifecycle.onAppHide(() => this.reporter?.flush()),
      );
    }
  }

  on<K extends keyof ClientEvents>(type: K, listener: (event: ClientEvents[K]) => void): () => void {
    return this.events.on(type, listener);
  }

  /**
   * Connects at once, and keeps connecting until close(). After the server refused the
   * credentials (closed, refused_by_server), give a new token: that ends the refusal (LL-RC-6).
   */
  connect(token?: string): void {
    this.alive();
    if (token !== undefined) this.token = token;
    if (this.urlProblem) {
      this.error({ code: 'insecure_url', message: this.urlProblem });
      this.state({ state: 'closed', cause: 'configuration', reason: this.urlProblem });
      return;
    }
    this.connector.start();
  }

  /** Queues a chat, sent now or on the next session; returns its id. acked or failed follows. */
  send(to: Recipient, body: string, options: SendOptions = {}): string {
    this.alive();
    if (!to || (to.kind !== 'user' && to.kind !== 'room') || typeof to.id !== 'string' || !ID128.test(to.id)) throw new TypeError('to is ' + JSON.stringify(to) + '; give {kind: "user" | "room", id: 1-128 printable ASCII characters without spaces}');
    if (typeof body !== 'string' || body === '') throw new TypeError('body is empty; a chat carries at least one character');
    const id = this.newId(options.id);
    this.outbox.add({ kind: 'chat', id, to: { kind: to.kind, id: to.id }, body });
    return id;
  }

  /** Joins a room, queued like a chat and in order with them (LL-RC-9); joined or failed follows. */
  join(room: string, options: SendOptions = {}): string {
    return this.room('join', room, options);
  }

  leave(room: string, options: SendOptions = {}): string {
    return this.room('leave', room, options);
  }

  /** A deliberate close: no reconnect until connect(). What is queued stays in storage. */
  close(): void {
    if (this.destroyed) return;
    this.connector.stop('closed by the application');
  }

  /** close(), and every timer and listener goes: for a page's onUnload. */
  destroy(): void {
    if (this.destroyed) return;
    this.close();
    this.outbox.stop();
    this.unsubscribe.splice(0).forEach((off) => off());
    this.reporter?.flush();
    this.events.clear();
    this.destroyed = true;
  }

  /**
   * Ends the client without a close frame, as when the app is killed: for tests and drivers
   * that play a restart. The next client on the same storage takes over the outbox.
   */
  abandon(): void {
    this.connector.abandon();
    this.outbox.stop();
    this.unsubscribe.splice(0).forEach((off) => off());
    this.events.clear();
    this.destroyed = true;
  }

  private room(kind: 'join' | 'leave', room: string, options: SendOptions): string {
    this.alive();
    if (typeof room !== 'string' || !ID128.test(room)) throw new TypeError('room is ' + JSON.stringify(room) + '; a room id is 1-128 printable ASCII characters without spaces');
    const id = this.newId(options.id);
    this.outbox.add({ kind, id, room });
    return id;
  }

  private newId(chosen: string | undefined): string {
    if (chosen !== undefined && !/^[A-Za-z0-9._:-]{1,64}$/.test(chosen)) throw new TypeError('id is ' + JSON.stringify(chosen) + '; a message id is 1-64 characters from A-Z a-z 0-9 . _ : -');
    const id = chosen ?? this.now36() + '-' + (this.ids++).toString(36) + '-' + randomTail();
    if (this.outbox.has(id)) throw new TypeError('id ' + id + ' is already waiting for an answer; message ids are unique per sender');
    return id;
  }

  private auth() {
    const resume = this.inbox.resumePoint();
    const auth: { type: 'auth'; token: string; client: { name: string; version: string }; last_seq?: number; epoch?: string } = {
      type: 'auth',
      token: this.token,
      client: { name: this.o.clientName ?? LIBRARY_NAME, version: this.o.clientVersion ?? LIBRARY_VERSION },
    };
    // LL-DLV-14: a last_seq travels with its epoch or not at all.
    if (resume.last_seq > 0 && resume.epoch !== null) {
      auth.last_seq = resume.last_seq;
      auth.epoch = resume.epoch;
    }
    return auth;
  }

  private sessionStarted(ok: AuthOk, signing: boolean, send: (frame: string) => void): void {
    // The inbox first: pending deliveries follow auth_ok at once, and the outbox's flush can be paced.
    this.inbox.sessionStarted(typeof ok.epoch === 'string' ? ok.epoch : null, (seq) => send(JSON.stringify({ type: 'ack', seq })));
    const chatsAllowed = !signing || this.signingKey !== null;
    if (!chatsAllowed) {
      // LL-SEC-8: receiving needs no key, so the session stays; only chats cannot be sent.
      this.error({ code: 'no_signing_key', message: 'the server signs chats (auth_ok advertises signing) and the client has no signingKey: chats fail until createClient is given one' });
    }
    // LL-SEC-7: sign on the server's clock, whatever the device's clock says.
    this.outbox.sessionStarted(send, ok.session_id, ok.server_time - this.scheduler.now(), chatsAllowed);
  }

  private received(m: ServerMessage): void {
    switch (m.type) {
      case 'chat':
        return this.inbox.receive(m);
      case 'ack':
        return this.outbox.acked(m);
      case 'joined':
        return this.outbox.answered('join', m.id, m.room);
      case 'left':
        return this.outbox.answered('leave', m.id, m.room);
      case 'error':
        if (!this.outbox.refused(m)) this.error({ code: 'server_error', message: 'the server sent error ' + m.code + ': ' + m.message });
        return;
    }
  }

  private state(s: ConnectionState): void {
    if (s.state === 'open') this.sessionId = s.sessionId;
    if (this.reporter) {
      if (s.state === 'connecting') this.reporter.add({ kind: 'connect', attempt: s.attempt, sessionId: this.sessionId });
      else if (s.state === 'open') this.reporter.add({ kind: 'open', sessionId: s.sessionId });
      else this.reporter.add({ kind: 'close', code: s.code, reason: s.reason, sessionId: this.sessionId });
    }
    this.events.emit('state', s);
  }

  private error(e: ClientError): void {
    this.reporter?.add({ kind: 'error', code: e.code, reason: e.message, sessionId: this.sessionId });
    this.events.emit('error', e);
  }

  private now36(): string {
    return this.scheduler.now().toString(36);
  }

  private alive(): void {
    if (this.destroyed) throw new Error('this client was destroyed; create a new one');
  }
}

/**
 * The random part of a new message id (time, a per-client counter, then this): unique across the
 * devices of one user for the dedup window without a UUID library. Math.random, not the injected
 * random, which tests fix to make backoff draws exact.
 */
function randomTail(): string {
  let tail = '';
  for (let i = 0; i < 12; i++) tail += '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 36)];
  return tail;
}

export function createClient(options: ClientOptions): LonglinkClient {
  return new LonglinkClient(options);
}

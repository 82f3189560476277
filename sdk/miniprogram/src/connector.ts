import type { Auth, AuthOk } from './generated/messages';
import type { ConnectionState } from './events';
import { draw } from './backoff';
import { ABNORMAL, HEARTBEAT_TIMEOUT, NORMAL, reconnects } from './closeCodes';
import { decode, type ServerMessage } from './decode';
import { Heartbeat } from './heartbeat';
import { DEFAULT_PARAMS, paramsOf, type SessionParams } from './params';
import type { Cancel, Scheduler } from './scheduler';
import type { Link, Transport } from './transport/types';

export interface ConnectorHooks {
  auth(): Auth;
  sessionStarted(ok: AuthOk, params: SessionParams, send: (frame: string) => void): void;
  sessionEnded(): void;
  received(message: ServerMessage): void;
  unreadable(problem: string): void;
  state(state: ConnectionState): void;
}

export interface ConnectorOptions {
  url: string;
  transport: Transport;
  scheduler: Scheduler;
  random: () => number;
  maxAttempts: number;
}

interface Attempt {
  link: Link | null;
  opened: boolean;
}

/**
 * The connection lifecycle of PROTOCOL.md §7, §8 and §13: one attempt at a time (LL-RC-3), auth
 * first (LL-AUTH-1), heartbeat and half-open detection, the connect deadline (LL-HB-8), and
 * reconnect with backoff after any close the table does not mark "no". Events of a link the
 * client has let go of are ignored: it may never send any.
 */
export class Connector {
  params: SessionParams = DEFAULT_PARAMS;
  private current: Attempt | null = null;
  private running = false;
  private inSession = false;
  /** Reconnect attempts made since the latest auth_ok or connect(): the n of LL-RC-2. */
  private n = 0;
  private hintMs = 0;
  private hintUntil = 0;
  private wait: Cancel | null = null;
  private heldForNetwork = false;
  private online = true;
  private pings = 0;
  private readonly heartbeat: Heartbeat;

  constructor(
    private readonly o: ConnectorOptions,
    private readonly hooks: ConnectorHooks,
  ) {
    this.heartbeat = new Heartbeat(o.scheduler, () => this.ping(), (ms) => this.declareDead('no frame for ' + ms + ' ms'));
  }

  /** The application's connect: made at once, not a reconnect attempt (LL-RC-2). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.n = 0;
    this.hintMs = 0;
    this.hintUntil = 0;
    this.connect(undefined);
  }

  /** A deliberate close (1000): no reconnect after it, whatever code ends the link (LL-RC-5). */
  stop(reason: string): void {
    const wasRunning = this.running;
    this.running = false;
    this.cancelWait();
    const ending = this.current;
    this.detach();
    if (ending?.link) ending.link.close(NORMAL, reason);
    if (wasRunning) this.hooks.state({ state: 'closed', cause: 'closed_by_app', code: NORMAL, reason });
  }

  /** Stops everything without a close frame, as a killed app does: the socket is simply left behind. */
  abandon(): void {
    this.running = false;
    this.cancelWait();
    this.detach();
  }

  /** The platform says the network or the app is back (LL-RC-10): one early step per event. */
  platformBack(): void {
    if (!this.running) return;
    const now = this.o.scheduler.now();
    if (this.wait) {
      this.cancelWait();
      // Never before a goaway's hint, even on an event.
      if (now < this.hintUntil) this.wait = this.o.scheduler.schedule(this.hintUntil - now, () => this.attemptNow());
      else this.attemptNow();
    } else if (this.heldForNetwork) {
      this.attemptNow();
    } else if (this.inSession) {
      // A probe: a link that died while the app was away shows it within timeout_ms of now.
      this.ping();
    }
  }

  networkChanged(online: boolean): void {
    this.online = online;
    if (online) this.platformBack();
    // The platform knows the link is gone before the heartbeat can: declaring it dead now saves the timeout.
    else if (this.current) this.declareDead('the platform reported the network gone');
  }

  private connect(attempt: number | undefined): void {
    this.hooks.state(attempt === undefined ? { state: 'connecting' } : { state: 'connecting', attempt });
    this.heartbeat.attemptStarted(this.params.timeoutMs);
    const a: Attempt = { link: null, opened: false };
    this.current = a;
    a.link = this.o.transport.open(this.o.url, {
      opened: () => {
        if (this.current !== a) return;
        a.opened = true;
        this.send(JSON.stringify(this.hooks.auth()));
      },
      message: (text) => {
        if (this.current === a) this.received(text);
      },
      closed: (code, reason) => {
        if (this.current !== a) return;
        this.detach();
        this.lost(a.opened ? code : undefined, reason || (a.opened ? 'connection closed' : 'the connection could not be opened'));
      },
    });
  }

  private received(text: string | null): void {
    this.heartbeat.received();
    const m = text === null ? 'a binary frame' : decode(text);
    if (m === null) return;
    if (typeof m === 'string') return this.hooks.unreadable(m);
    if (m.type === 'goaway') this.hintMs = Math.max(0, m.retry_after_ms);
    else if (m.type === 'auth_ok' && !this.inSession) this.sessionStarted(m);
    else if (this.inSession) this.hooks.received(m);
  }

  private sessionStarted(ok: AuthOk): void {
    const session = this.current;
    this.params = paramsOf(ok);
    this.n = 0;
    this.inSession = true;
    this.hooks.state({ state: 'open', sessionId: ok.session_id, userId: ok.user_id });
    this.heartbeat.sessionStarted(this.params.intervalMs, this.params.timeoutMs);
    this.hooks.sessionStarted(ok, this.params, (frame) => {
      if (this.current === session) this.send(frame);
    });
  }

  private declareDead(reason: string): void {
    const dead = this.current;
    if (!dead) return;
    this.detach();
    // Tell a server that still sees the socket why (LL-HB-6); a half-open link never answers.
    dead.link?.close(HEARTBEAT_TIMEOUT, reason.slice(0, 120));
    this.lost(dead.opened ? HEARTBEAT_TIMEOUT : undefined, 'heartbeat_timeout: ' + reason);
  }

  private lost(code: number | undefined, reason: string): void {
    if (!this.running) return;
    if (code !== undefined && !reconnects(code)) {
      this.running = false;
      this.hooks.state({ state: 'closed', cause: 'refused_by_server', code, reason });
      return;
    }
    const maxAttempts = Number.isFinite(this.o.maxAttempts) ? this.o.maxAttempts : null;
    if (maxAttempts !== null && this.n >= maxAttempts) {
      this.running = false;
      this.hooks.state({ state: 'closed', cause: 'gave_up', code: code ?? ABNORMAL, reason });
      return;
    }
    // The larger of the server's floor and our own draw, not their sum (LL-RC-7).
    const delayMs = Math.max(draw(this.params, this.n, this.o.random), this.hintMs);
    this.hintUntil = this.o.scheduler.now() + this.hintMs;
    this.hintMs = 0;
    const state: ConnectionState = { state: 'reconnecting', attempt: this.n, maxAttempts, delayMs, reason };
    if (code !== undefined) state.code = code;
    this.hooks.state(state);
    this.wait = this.o.scheduler.schedule(delayMs, () => this.attemptNow());
  }

  private attemptNow(): void {
    this.cancelWait();
    if (!this.online) {
      // Nothing can get through: the attempt waits for the network (LL-RC-10).
      this.heldForNetwork = true;
      return;
    }
    this.heldForNetwork = false;
    const attempt = this.n++;
    this.connect(attempt);
  }

  private cancelWait(): void {
    if (this.wait) this.wait();
    this.wait = null;
    this.heldForNetwork = false;
  }

  private detach(): void {
    this.current = null;
    this.heartbeat.stop();
    if (this.inSession) {
      this.inSession = false;
      this.hooks.sessionEnded();
    }
  }

  private ping(): void {
    if (this.current && this.inSession) this.send(JSON.stringify({ type: 'ping', id: 'p-' + ++this.pings }));
  }

  private send(frame: string): void {
    this.current?.link?.send(frame);
    this.heartbeat.sent();
  }
}

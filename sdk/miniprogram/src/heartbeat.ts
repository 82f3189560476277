import { Countdown, type Scheduler } from './scheduler';

/**
 * The client side of PROTOCOL.md §8. In a session, one clock counts from the later of auth_ok
 * and the last frame sent and pings at heartbeat.interval_ms (LL-HB-1); the other counts from
 * the later of auth_ok and the last frame received and declares the link dead at
 * heartbeat.timeout_ms (LL-HB-5, LL-HB-7). Before auth_ok the second clock is the connect
 * deadline of LL-HB-8: timeout_ms from the start of the attempt, extended by nothing but auth_ok,
 * so that a server that accepts the connection and then says nothing is given up too.
 */
export class Heartbeat {
  private readonly quiet: Countdown;
  private readonly silence: Countdown;
  private inSession = false;

  constructor(scheduler: Scheduler, ping: () => void, dead: (silentMs: number) => void) {
    this.quiet = new Countdown(scheduler, ping, true);
    this.silence = new Countdown(scheduler, () => dead(scheduler.now() - this.silence.lastTouch()), false);
  }

  attemptStarted(timeoutMs: number): void {
    this.inSession = false;
    this.quiet.stop();
    this.silence.start(timeoutMs);
  }

  /** auth_ok arrived, itself the last frame received: the session's own interval and timeout (LL-PAR-2). */
  sessionStarted(intervalMs: number, timeoutMs: number): void {
    this.inSession = true;
    this.silence.start(timeoutMs);
    this.quiet.start(intervalMs);
  }

  sent(): void {
    this.quiet.touch();
  }

  received(): void {
    if (this.inSession) this.silence.touch();
  }

  stop(): void {
    this.inSession = false;
    this.quiet.stop();
    this.silence.stop();
  }
}
